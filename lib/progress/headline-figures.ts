import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { DEFAULT_STALE_DAYS } from '@/lib/validations/recommendation-filters';
import {
  asDouble,
  asInteger,
  dateValue,
  isToday,
  daysBefore,
  itemScopeSql,
  num,
  numOrNull,
  providerOf,
  recordedCutOf,
  statusOnSql,
  weightSql,
  type ItemScope,
} from './history-sql';
import { headlineToday } from './headline-today';
import { previousQuarter, quarterEnd, quarterLabel, quarterOf, quarterStart } from './quarters';

/** A figure on the as-of day and at the end of the quarter before, and the difference. */
export type Figure<T extends number | null = number> = { current: T; previous: T; change: T };

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
  /** Items with no status change or evidence dated in the `staleDays` days up to the day. */
  stale: Figure;
  /** Items past their target date on the day and not implemented or no longer relevant. */
  overdue: Figure;
  staleDays: number;
};

type Row = { idx: unknown; tracked: unknown; counted: unknown; weightSum: unknown; implemented: unknown; overdue: unknown; changed: unknown; stale: unknown };

type Values = { tracked: number; progress: number | null; implemented: number; changed: number; stale: number; overdue: number };

const NOTHING: Values = { tracked: 0, progress: null, implemented: 0, changed: 0, stale: 0, overdue: 0 };

function figure(current: number, previous: number): Figure {
  return { current, previous, change: current - previous };
}

/**
 * The headline figures on the as-of day and at the end of the previous quarter, in ONE statement:
 * each item's status on both days (history-sql.ts statusOnSql), aggregated with COUNT/SUM, the
 * "changed" and "stale" tests as correlated EXISTS on indexed columns. Both days are read with
 * what was known on the as-of day, the same history as the chart, so a back-dated change moves
 * the previous quarter's figures as it moves the chart.
 *
 * The target date is the item's current one (target dates have no history).
 */
export async function getHeadlineFigures(
  db: Db,
  input: { scope: ItemScope; asOf: Date; staleDays?: number; /** Read from the history even as of today (tests compare the two). */ fromHistory?: boolean },
): Promise<HeadlineFigures> {
  const provider = providerOf(db);
  const staleDays = input.staleDays ?? DEFAULT_STALE_DAYS;
  const current = quarterOf(input.asOf);
  const previous = previousQuarter(current);
  const previousAt = quarterEnd(previous);
  const cut = recordedCutOf(input.asOf);
  const fast = input.fromHistory ? null : await headlineToday(db, { scope: input.scope, asOf: input.asOf, staleDays, current, previous });
  const { then, now } = fast ?? (await fromHistory());
  return {
    asOf: input.asOf,
    previousAt,
    quarterLabel: quarterLabel(current),
    previousQuarterLabel: quarterLabel(previous),
    tracked: figure(now.tracked, then.tracked),
    progress: {
      current: now.progress,
      previous: then.progress,
      change: now.progress !== null && then.progress !== null ? now.progress - then.progress : null,
    },
    implemented: figure(now.implemented, then.implemented),
    changedThisQuarter: figure(now.changed, then.changed),
    stale: figure(now.stale, then.stale),
    overdue: figure(now.overdue, then.overdue),
    staleDays,
  };

  async function fromHistory(): Promise<{ then: Values; now: Values }> {
    const point = (idx: number, at: Date, start: Date) =>
      Prisma.sql`(${Prisma.raw(String(idx))}, ${dateValue(provider, at)}, ${dateValue(provider, start)}, ${dateValue(provider, daysBefore(at, staleDays))})`;
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
    const stale = storedToday
      ? Prisma.sql`CASE WHEN sn."idx" = 1 THEN (CASE WHEN sn."lastActivityAt" <= sn."activeAfter" THEN 1 ELSE 0 END) WHEN ${quiet} THEN 1 ELSE 0 END`
      : Prisma.sql`CASE WHEN ${quiet} THEN 1 ELSE 0 END`;
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
        ${asInteger(Prisma.sql`SUM(CASE WHEN sn."targetDate" < sn."at" AND sn."status" NOT IN (${'IMPLEMENTED'}, ${'NO_LONGER_RELEVANT'}) THEN 1 ELSE 0 END)`)} AS "overdue",
        ${asInteger(Prisma.sql`SUM(CASE WHEN EXISTS (
          SELECT 1 FROM "StatusChange" c
          WHERE c."recommendationId" = sn."itemId" AND c."fromStatus" IS NOT NULL
            AND c."effectiveDate" >= sn."quarterStart" AND c."effectiveDate" <= sn."at" AND c."recordedAt" < ${cut}
        ) THEN 1 ELSE 0 END)`)} AS "changed",
        ${asInteger(Prisma.sql`SUM(${stale})`)} AS "stale"
      FROM "snapshot" sn
      WHERE sn."status" IS NOT NULL
      GROUP BY sn."idx"`;

    const byIdx = new Map<number, Values>();
    for (const row of rows) {
      const counted = num(row.counted);
      const weightSum = numOrNull(row.weightSum);
      byIdx.set(num(row.idx), {
        tracked: num(row.tracked),
        progress: counted > 0 && weightSum !== null ? weightSum / counted : null,
        implemented: num(row.implemented),
        changed: num(row.changed),
        stale: num(row.stale),
        overdue: num(row.overdue),
      });
    }
    return { then: byIdx.get(0) ?? NOTHING, now: byIdx.get(1) ?? NOTHING };
  }
}
