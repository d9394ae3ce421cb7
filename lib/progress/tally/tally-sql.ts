// How an item's status history becomes rows of the progress tally (prisma/schema.prisma,
// ProgressTally and SectorProgressTally): the same intervals as the series read from the history
// (history-sql.ts), counted per quarter instead of per group.
import type { Provider } from '@/lib/db/config';
import * as Prisma from '@/lib/db/sql';
import { quarterIndexSql } from '../history-sql';

/** A row of either table: `sectorId` is null for ProgressTally. */
export type TallyRow = { sectorId: string | null; themeId: string; status: string; quarter: number; moves: number };

/**
 * The tally rows of the non-archived items that `items` (a condition on Recommendation `r`) selects,
 * as the history stands with everything recorded: each status interval [from, to) enters the quarter
 * of `from` and leaves the quarter of `to`; one that ends in the quarter it starts never holds on a
 * quarter's last day and is left out. Columns: "sectorId" (NULL for the per-theme rows), "themeId",
 * "status", "quarter", "moves".
 */
export function tallyRowsSql(provider: Provider, items: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    WITH "items" AS (
      SELECT r."id", r."primaryThemeId" AS "themeId" FROM "Recommendation" r WHERE r."archived" = false AND (${items})
    ),
    "history" AS (
      SELECT i."id", i."themeId", sc."toStatus" AS "status", sc."effectiveDate" AS "fromDate",
             LEAD(sc."effectiveDate") OVER (
               PARTITION BY sc."recommendationId" ORDER BY sc."effectiveDate", sc."recordedAt", sc."id"
             ) AS "toDate"
      FROM "StatusChange" sc
      JOIN "items" i ON i."id" = sc."recommendationId"
    ),
    "spans" AS (
      SELECT h."id", h."themeId", h."status",
             ${quarterIndexSql(provider, Prisma.sql`h."fromDate"`)} AS "firstQ",
             CASE WHEN h."toDate" IS NULL THEN NULL ELSE ${quarterIndexSql(provider, Prisma.sql`h."toDate"`)} END AS "endQ"
      FROM "history" h
    ),
    "moves" AS (
      SELECT "id", "themeId", "status", "firstQ" AS "quarter", 1 AS "n" FROM "spans" WHERE "endQ" IS NULL OR "endQ" > "firstQ"
      UNION ALL
      SELECT "id", "themeId", "status", "endQ" AS "quarter", -1 AS "n" FROM "spans" WHERE "endQ" > "firstQ"
    )
    SELECT CAST(NULL AS TEXT) AS "sectorId", m."themeId", m."status", m."quarter", CAST(SUM(m."n") AS INTEGER) AS "moves"
    FROM "moves" m
    GROUP BY m."themeId", m."status", m."quarter"
    UNION ALL
    SELECT rs."sectorId", m."themeId", m."status", m."quarter", CAST(SUM(m."n") AS INTEGER) AS "moves"
    -- CROSS JOIN: SQLite keeps this join order (the few moves first, then each item's sectors by its
    -- key) instead of scanning every sector link; PostgreSQL plans it as the inner join it is.
    FROM "moves" m
    CROSS JOIN "RecommendationSector" rs
    WHERE rs."recommendationId" = m."id"
    GROUP BY rs."sectorId", m."themeId", m."status", m."quarter"`;
}
