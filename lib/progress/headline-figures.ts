import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { DEFAULT_STALE_DAYS, progressOf, staleCutoff } from '@/lib/status/metrics';
import { isOverdueSql, isStaleSql, quietSinceSql, weightSql } from '@/lib/status/metrics-sql';
import { asDouble, asInteger, dateValue, isToday, itemScopeSql, num, numOrNull, providerOf, recordedCutOf, statusOnSql, type ItemScope } from './history-sql';
import { figure, progressFigure, type Figure } from './figure';
import { headlineToday, type HeadlineValues } from './headline-today';
import { previousQuarter, quarterEnd, quarterLabel, quarterOf, quarterStart } from './quarters';

export type HeadlineFigures = {
  asOf: Date;
  /** Last day of the quarter before the as-of date's quarter. */
  previousAt: Date;
  quarterLabel: string;
  previousQuarterLabel: string;
  /** Items with a status on the day (not archived). */
  tracked: Figure;
  /** Weighted progress in [0, 1]; null when no item counts. */
  progress: Figure<number | null>;
  implemented: Figure;
  /** Items with a status change effective in the quarter up to the day (the first recording excluded). */
  changedThisQuarter: Figure;
  /** Open items with no status change or evidence dated in the `staleDays` days up to the day (lib/status/metrics.ts). */
  stale: Figure;
  /** Open items past their target date on the day (lib/status/metrics.ts). */
  overdue: Figure;
  staleDays: number;
};

type Row = { idx: unknown; tracked: unknown; counted: unknown; weightSum: unknown; implemented: unknown; overdue: unknown; changed: unknown; stale: unknown };

const NOTHING: HeadlineValues = { tracked: 0, progress: null, implemented: 0, changed: 0, stale: 0, overdue: 0 };

/**
 * The headline figures on the as-of day and at the end of the previous quarter, in ONE statement:
 * each item's status on both days (history-sql.ts statusOnSql), aggregated with COUNT/SUM, the
 * "changed" and "stale" tests as correlated EXISTS on indexed columns. Both days are read with
 * what was known on the as-of day, the same history as the chart, so a back-dated change moves
 * the previous quarter's figures as it moves the chart.
 *
 * The target date is the item's current one (target dates have no history).
 */
export async function getHeadlineFigures(db: Db, input: { scope: ItemScope; asOf: Date; staleDays?: number }): Promise<HeadlineFigures> {
  const provider = providerOf(db);
  const staleDays = input.staleDays ?? DEFAULT_STALE_DAYS;
  const current = quarterOf(input.asOf);
  const previous = previousQuarter(current);
  const previousAt = quarterEnd(previous);
  const cut = recordedCutOf(input.asOf);
  const fast = await headlineToday(db, { scope: input.scope, asOf: input.asOf, staleDays, current, previous });
  const { then, now } = fast ?? (await readHistory());
  return {
    asOf: input.asOf,
    previousAt,
    quarterLabel: quarterLabel(current),
    previousQuarterLabel: quarterLabel(previous),
    tracked: figure(then.tracked, now.tracked),
    progress: progressFigure(then.progress, now.progress),
    implemented: figure(then.implemented, now.implemented),
    changedThisQuarter: figure(then.changed, now.changed),
    stale: figure(then.stale, now.stale),
    overdue: figure(then.overdue, now.overdue),
    staleDays,
  };

  async function readHistory(): Promise<{ then: HeadlineValues; now: HeadlineValues }> {
    const point = (idx: number, at: Date, start: Date) =>
      Prisma.sql`(${Prisma.raw(String(idx))}, ${dateValue(provider, at)}, ${dateValue(provider, start)}, ${dateValue(provider, staleCutoff(at, staleDays))})`;
    const weight = weightSql(Prisma.sql`sn."status"`);
    // As of today, the item's stored status and last activity are the day's (see isToday); only the
    // end of the previous quarter is read from the history.
    const storedToday = isToday(input.asOf);
    const statusOn = statusOnSql(Prisma.sql`r."id"`, Prisma.sql`p."at"`, cut);
    const status = storedToday ? Prisma.sql`CASE WHEN p."idx" = 1 THEN r."status" ELSE ${statusOn} END` : statusOn;
    const quiet = Prisma.sql`NOT EXISTS (
          SELECT 1 FROM "StatusChange" c
          WHERE c."recommendationId" = sn."itemId"
            AND c."effectiveDate" > sn."activeAfter" AND c."effectiveDate" <= sn."at" AND c."recordedAt" < ${cut}
        ) AND NOT EXISTS (
          SELECT 1 FROM "EvidenceNote" e
          WHERE e."recommendationId" = sn."itemId"
            AND e."evidenceDate" > sn."activeAfter" AND e."evidenceDate" <= sn."at" AND e."createdAt" < ${cut}
            AND (e."deletedAt" IS NULL OR e."deletedAt" >= ${cut})
        )`;
    const stored = quietSinceSql(Prisma.sql`sn."lastActivityAt"`, Prisma.sql`sn."activeAfter"`);
    const stale = storedToday
      ? Prisma.sql`CASE WHEN sn."idx" = 1 THEN (CASE WHEN ${isStaleSql(Prisma.sql`sn."status"`, stored)} THEN 1 ELSE 0 END) WHEN ${isStaleSql(Prisma.sql`sn."status"`, quiet)} THEN 1 ELSE 0 END`
      : Prisma.sql`CASE WHEN ${isStaleSql(Prisma.sql`sn."status"`, quiet)} THEN 1 ELSE 0 END`;
    const rows = await db.$queryRaw<Row[]>`
      WITH "points"("idx", "at", "quarterStart", "activeAfter") AS (
        VALUES ${point(0, previousAt, quarterStart(previous))}, ${point(1, input.asOf, quarterStart(current))}
      ),
      -- MATERIALIZED: the status subquery runs once per item and day, not once per use below.
      "snapshot" AS MATERIALIZED (
        SELECT p."idx", p."at", p."quarterStart", p."activeAfter", r."id" AS "itemId", r."targetDate", r."lastActivityAt",
               ${status} AS "status"
        FROM "Recommendation" r CROSS JOIN "points" p
        WHERE ${itemScopeSql(input.scope)}
      )
      SELECT sn."idx" AS "idx",
        ${asInteger(Prisma.sql`COUNT(*)`)} AS "tracked",
        ${asInteger(Prisma.sql`COUNT(${weight})`)} AS "counted",
        ${asDouble(Prisma.sql`SUM(${weight})`)} AS "weightSum",
        ${asInteger(Prisma.sql`SUM(CASE WHEN sn."status" = ${'IMPLEMENTED'} THEN 1 ELSE 0 END)`)} AS "implemented",
        ${asInteger(Prisma.sql`SUM(CASE WHEN ${isOverdueSql(Prisma.sql`sn."status"`, Prisma.sql`sn."targetDate"`, Prisma.sql`sn."at"`)} THEN 1 ELSE 0 END)`)} AS "overdue",
        ${asInteger(Prisma.sql`SUM(CASE WHEN EXISTS (
          SELECT 1 FROM "StatusChange" c
          WHERE c."recommendationId" = sn."itemId" AND c."fromStatus" IS NOT NULL
            AND c."effectiveDate" >= sn."quarterStart" AND c."effectiveDate" <= sn."at" AND c."recordedAt" < ${cut}
        ) THEN 1 ELSE 0 END)`)} AS "changed",
        ${asInteger(Prisma.sql`SUM(${stale})`)} AS "stale"
      FROM "snapshot" sn
      WHERE sn."status" IS NOT NULL
      GROUP BY sn."idx"`;

    const byIdx = new Map<number, HeadlineValues>();
    for (const row of rows) {
      byIdx.set(num(row.idx), {
        tracked: num(row.tracked),
        progress: progressOf(numOrNull(row.weightSum), num(row.counted)),
        implemented: num(row.implemented),
        changed: num(row.changed),
        stale: num(row.stale),
        overdue: num(row.overdue),
      });
    }
    return { then: byIdx.get(0) ?? NOTHING, now: byIdx.get(1) ?? NOTHING };
  }
}
