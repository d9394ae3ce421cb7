// Recurring recommendations: the same ask made again at a later seminar. Editors link such items
// (on the item page, or by accepting a suggestion when a report is imported); linked items form a
// group, whichever way each link points and however long the chain. A group is *recurring* when its
// items come from two or more seminars. Nothing is stored about groups: they are read from the links
// here, so a link added, removed, or an item withdrawn or restored changes them at once.
//
// Written once for both databases (recursive CTEs and window functions are in both).
import * as Prisma from '@/lib/db/sql';

/**
 * Both directions of every link in force between two items still in the tracker (withdrawn items
 * leave their groups with everything else): `edge(a, b)`.
 */
const EDGES = Prisma.sql`
  edge(a, b) AS (
    SELECT l."fromId", l."toId" FROM "RecommendationLink" l
      JOIN "Recommendation" f ON f."id" = l."fromId" AND f."archived" = false
      JOIN "Recommendation" t ON t."id" = l."toId" AND t."archived" = false
      WHERE l."removedAt" IS NULL
    UNION ALL
    SELECT l."toId", l."fromId" FROM "RecommendationLink" l
      JOIN "Recommendation" f ON f."id" = l."fromId" AND f."archived" = false
      JOIN "Recommendation" t ON t."id" = l."toId" AND t."archived" = false
      WHERE l."removedAt" IS NULL
  )`;

/**
 * `WITH RECURSIVE ... member(id, grp)`: every linked item with its group (the smallest id in it),
 * and `recurring_group(grp, seminars)`: the groups whose items come from two or more seminars.
 * Groups are small (an ask repeated at a few seminars), so walking each item's group is cheap.
 */
export const RECURRING_GROUPS = Prisma.sql`WITH RECURSIVE ${EDGES},
  reach(root, node) AS (
    SELECT a, a FROM edge
    UNION
    SELECT reach.root, edge.b FROM reach JOIN edge ON edge.a = reach.node
  ),
  member(id, grp) AS (SELECT node, MIN(root) FROM reach GROUP BY node),
  recurring_group(grp, seminars) AS (
    SELECT m.grp, COUNT(DISTINCT r."seminarId") FROM member m JOIN "Recommendation" r ON r."id" = m.id
    GROUP BY m.grp HAVING COUNT(DISTINCT r."seminarId") >= 2
  )`;

/** `WITH RECURSIVE ... reach(node)`: the items in `id`'s group, `id` included. */
export function groupOf(id: string): Prisma.Sql {
  return Prisma.sql`WITH RECURSIVE ${EDGES},
    reach(node) AS (
      SELECT CAST(${id} AS TEXT)
      UNION
      SELECT edge.b FROM reach JOIN edge ON edge.a = reach.node
    )`;
}
