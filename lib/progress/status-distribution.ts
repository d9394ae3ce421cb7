import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { progressOf } from '@/lib/status/metrics';
import { isStatus, STATUS_WEIGHT, STATUSES, type Status } from '@/lib/status/status';
import type { ProgressGrouping } from '@/lib/validations/progress';
import { asInteger, groupedScopeSql, isToday, groupLabelSql, num, recordedCutOf, statusOnSql, type ItemScope } from './history-sql';
import { tallySourceSql } from './progress-series';
import { quarterIndex, quarterOf } from './quarters';

export type StatusCounts = Record<Status, number>;

export type StatusDistributionRow = {
  id: string;
  name: string;
  color: string | null;
  counts: StatusCounts;
  /** Items with a status on the day. */
  total: number;
  /** Weighted progress of the group on the day; null when nothing counts. */
  progress: number | null;
};

type Row = { groupId: string; name: string; color: string | null; status: string; items: unknown };

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUSES.map((status) => [status, 0])) as StatusCounts;
}

/**
 * How many items of each group are in each status on the as-of day, in ONE statement, counted with
 * GROUP BY (group, status). As of today, by theme or by owner sector without a seminar filter, the
 * counts come from the progress tally (progress-series.ts tallySourceSql: its moves summed over every
 * quarter up to today's are the items' statuses today), a few thousand rows however many items there
 * are. Otherwise, as of today, the status is the one stored on the item (kept equal to the latest in
 * its history by lib/status/recompute-status.ts), read with the scope's rows: no history is read at
 * all. On an earlier day, each item's status that day comes from its history (history-sql.ts
 * statusOnSql, one index read per item). Groups come in display order; groups with no item are left
 * out.
 */
export async function getStatusDistribution(
  db: Db,
  input: {
    by: ProgressGrouping;
    scope: ItemScope;
    asOf: Date;
  },
): Promise<StatusDistributionRow[]> {
  const label = groupLabelSql(input.by);
  const tally = tallySourceSql(input, quarterIndex(quarterOf(input.asOf)));
  const rows = await db.$queryRaw<Row[]>`
    WITH ${tally ? tallyCountsSql(tally) : itemCountsSql(input)}
    SELECT a."groupId" AS "groupId", ${label.columns}, a."status" AS "status", ${asInteger(Prisma.sql`a."items"`)} AS "items"
    FROM "counts" a
    ${label.join}
    ORDER BY ${label.orderBy}, a."status"`;

  const out = new Map<string, StatusDistributionRow>();
  for (const row of rows) {
    let entry = out.get(row.groupId);
    if (!entry) {
      entry = { id: row.groupId, name: row.name, color: row.color, counts: emptyCounts(), total: 0, progress: null };
      out.set(row.groupId, entry);
    }
    // Statuses are validated on the way in; anything else would be counted in the total only.
    if (isStatus(row.status)) entry.counts[row.status] += num(row.items);
    entry.total += num(row.items);
  }
  for (const entry of out.values()) entry.progress = progressOfCounts(entry.counts);
  return [...out.values()];
}

/** CTE "counts" (groupId, status, items) from the tally's rows: each status's moves summed; zero sums left out. */
function tallyCountsSql(tally: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`"counts" AS (
      SELECT t."groupId", t."status", SUM(t."moves") AS "items" FROM (${tally}) t GROUP BY t."groupId", t."status" HAVING SUM(t."moves") > 0
    )`;
}

/** CTE "counts" (groupId, status, items) from the items in scope: their stored status today, else their status that day. */
function itemCountsSql(input: { by: ProgressGrouping; scope: ItemScope; asOf: Date }): Prisma.Sql {
  // MATERIALIZED: the status subquery of an earlier day runs once per item, not once per use below.
  const current = isToday(input.asOf)
    ? Prisma.sql`"current" AS (SELECT s."groupId", s."itemStatus" AS "status" FROM "scope" s)`
    : Prisma.sql`"current" AS MATERIALIZED (
      SELECT s."groupId", ${statusOnSql(Prisma.sql`s."id"`, Prisma.sql`${input.asOf}`, recordedCutOf(input.asOf))} AS "status"
      FROM "scope" s
    )`;
  return Prisma.sql`"scope" AS (${groupedScopeSql(input.by, input.scope)}),
    ${current},
    "counts" AS (
      SELECT c."groupId", c."status", COUNT(*) AS "items" FROM "current" c WHERE c."status" IS NOT NULL GROUP BY c."groupId", c."status"
    )`;
}

/** Weighted progress from status counts (the weights of lib/status/status.ts). */
export function progressOfCounts(counts: StatusCounts): number | null {
  let sum = 0;
  let counted = 0;
  for (const status of STATUSES) {
    const weight = STATUS_WEIGHT[status];
    if (weight === null) continue;
    sum += weight * counts[status];
    counted += counts[status];
  }
  return progressOf(sum, counted);
}
