import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { itemScopeSql, type ItemScope } from '@/lib/progress/history-sql';
import { isOpenSql } from '@/lib/status/metrics-sql';
import { ASK_SELECT, toAsk, type Ask } from './get-recurrence';
import { RECURRING_GROUPS } from './recurrence-sql';

/** One ask that keeps coming back: its latest wording, and every seminar it was made at. */
export type RecurringAsk = {
  latest: Ask;
  /** Every item of the group, oldest seminar first (the latest one last). */
  asks: Ask[];
  /** How many seminars made it. */
  seminars: number;
};

export type RecurringAsks = { asks: RecurringAsk[]; total: number };

type GroupRow = { grp: string; latestId: string; seminars: number | bigint; total: number | bigint };

/**
 * The recurring asks still open (recurrence-sql.ts): groups asked at two or more seminars whose
 * latest ask is open today (lib/status/metrics.ts) and within the dashboard's filters. Most-asked
 * first, then the longest-standing. Three statements whatever the number of groups. Part of the
 * dashboard's data (progress/dashboard-data.ts, which checks the reader's role).
 */
export async function getRecurringAsks(db: Db, input: { scope: ItemScope; limit: number }): Promise<RecurringAsks> {
  const groups = await db.$queryRaw<GroupRow[]>(Prisma.sql`${RECURRING_GROUPS},
    ranked AS (
      SELECT m.grp, r."id",
        ROW_NUMBER() OVER (PARTITION BY m.grp ORDER BY s."date" DESC, r."code" DESC) AS rn,
        MIN(s."date") OVER (PARTITION BY m.grp) AS first_asked
      FROM member m
      JOIN recurring_group g ON g.grp = m.grp
      JOIN "Recommendation" r ON r."id" = m.id
      JOIN "Seminar" s ON s."id" = r."seminarId"
    )
    SELECT k.grp AS "grp", k."id" AS "latestId", g.seminars AS "seminars", COUNT(*) OVER () AS "total"
    FROM ranked k
    JOIN recurring_group g ON g.grp = k.grp
    JOIN "Recommendation" r ON r."id" = k."id"
    WHERE k.rn = 1 AND ${isOpenSql(Prisma.sql`r."status"`)} AND ${itemScopeSql(input.scope)}
    ORDER BY g.seminars DESC, k.first_asked ASC, r."code" ASC
    LIMIT ${input.limit}`);
  if (groups.length === 0) return { asks: [], total: 0 };

  const members = await db.$queryRaw<{ id: string; grp: string }[]>(
    Prisma.sql`${RECURRING_GROUPS} SELECT m.id AS "id", m.grp AS "grp" FROM member m WHERE m.grp IN (${Prisma.join(groups.map((group) => group.grp))})`,
  );
  const items = await db.recommendation.findMany({
    where: { id: { in: members.map((member) => member.id) } },
    orderBy: [{ seminar: { date: 'asc' } }, { code: 'asc' }],
    select: ASK_SELECT,
  });
  const groupOf = new Map(members.map((member) => [member.id, member.grp]));
  const asksOf = new Map<string, Ask[]>(groups.map((group) => [group.grp, []]));
  for (const item of items) asksOf.get(groupOf.get(item.id)!)!.push(toAsk(item));
  return {
    total: Number(groups[0]!.total),
    asks: groups.map((group) => {
      const asks = asksOf.get(group.grp) ?? [];
      return { latest: asks.find((ask) => ask.id === group.latestId)!, asks, seminars: Number(group.seminars) };
    }),
  };
}
