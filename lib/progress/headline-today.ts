import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { progressOf, staleCutoff } from '@/lib/status/metrics';
import { isOverdueSql, isStaleSql, quietSinceSql, weightSql } from '@/lib/status/metrics-sql';
import { asDouble, asInteger, itemScopeSql, num, numOrNull, recordedCutOf, statusOnSql, type ItemScope } from './history-sql';
import { combinePoints, getProgressSeries, tallyAnswers } from './progress-series';
import { quarterEnd, quarterStart, toQuarterPoint, type Quarter } from './quarters';

/** A day's headline figures (see headline-figures.ts), each one number. */
export type HeadlineValues = { tracked: number; progress: number | null; implemented: number; changed: number; stale: number; overdue: number };

type Row = {
  tracked: unknown;
  counted: unknown;
  weightSum: unknown;
  implemented: unknown;
  overdue: unknown;
  stale: unknown;
  changed: unknown;
  changedBefore: unknown;
  staleBefore: unknown;
  overdueBefore: unknown;
};

/**
 * The headline figures as of today and at the end of the previous quarter, without reading every
 * item's history: today's from what is stored on each item (status, last activity, kept current by
 * lib/status/recompute-status.ts); the previous quarter's status counts from the progress tally;
 * the rest from index ranges (the changes in each quarter, the activity in the stale window before
 * the previous quarter's end) and, for the few items past a target date then, their status that day.
 * An item has a status from its seminar's day (its first history entry), so "tracked then" is "its
 * seminar was held by then". Null when the tally cannot answer for this scope.
 *
 * The stored dates spare most items those reads: an item whose last activity is before a quarter
 * had no change in it; one whose last activity is on or before the previous quarter's end had the
 * same last activity then; one whose current status dates from then or earlier had it then.
 */
export async function headlineToday(
  db: Db,
  input: { scope: ItemScope; asOf: Date; staleDays: number; current: Quarter; previous: Quarter },
): Promise<{ now: HeadlineValues; then: HeadlineValues } | null> {
  const { scope, asOf, staleDays, current, previous } = input;
  if (!tallyAnswers({ by: 'theme', scope, asOf })) return null;
  const previousAt = quarterEnd(previous);
  const cut = recordedCutOf(asOf);
  const weight = weightSql(Prisma.sql`r."status"`);
  const changedIn = (start: Date, at: Date) => Prisma.sql`(
      SELECT c."recommendationId" FROM "StatusChange" c
      WHERE c."fromStatus" IS NOT NULL AND c."effectiveDate" >= ${start} AND c."effectiveDate" <= ${at} AND c."recordedAt" < ${cut}
    )`;
  const activeAfter = staleCutoff(previousAt, staleDays);
  // The status at the previous quarter's end: the stored one if it took effect by then, else read.
  const statusBefore = Prisma.sql`(CASE WHEN r."statusDate" <= ${previousAt} THEN r."status" ELSE ${statusOnSql(Prisma.sql`r."id"`, Prisma.sql`${previousAt}`, cut)} END)`;
  const status = Prisma.sql`r."status"`;
  const query = Prisma.sql`
      SELECT
        ${asInteger(Prisma.sql`COUNT(*)`)} AS "tracked",
        ${asInteger(Prisma.sql`COUNT(${weight})`)} AS "counted",
        ${asDouble(Prisma.sql`SUM(${weight})`)} AS "weightSum",
        ${asInteger(Prisma.sql`SUM(CASE WHEN r."status" = ${'IMPLEMENTED'} THEN 1 ELSE 0 END)`)} AS "implemented",
        ${asInteger(Prisma.sql`SUM(CASE WHEN ${isOverdueSql(status, Prisma.sql`r."targetDate"`, asOf)} THEN 1 ELSE 0 END)`)} AS "overdue",
        ${asInteger(Prisma.sql`SUM(CASE WHEN ${isStaleSql(status, quietSinceSql(Prisma.sql`r."lastActivityAt"`, staleCutoff(asOf, staleDays)))} THEN 1 ELSE 0 END)`)} AS "stale",
        ${asInteger(Prisma.sql`SUM(CASE WHEN r."lastActivityAt" >= ${quarterStart(current)} AND r."id" IN ${changedIn(quarterStart(current), asOf)} THEN 1 ELSE 0 END)`)} AS "changed",
        ${asInteger(Prisma.sql`SUM(CASE WHEN r."lastActivityAt" >= ${quarterStart(previous)} AND r."id" IN ${changedIn(quarterStart(previous), previousAt)} THEN 1 ELSE 0 END)`)} AS "changedBefore",
        ${asInteger(
          Prisma.sql`SUM(CASE WHEN s."date" <= ${previousAt} AND ${isStaleSql(
            statusBefore,
            Prisma.sql`(
          r."lastActivityAt" <= ${activeAfter}
          OR (r."lastActivityAt" > ${previousAt}
            AND r."id" NOT IN (
              SELECT c."recommendationId" FROM "StatusChange" c
              WHERE c."effectiveDate" > ${activeAfter} AND c."effectiveDate" <= ${previousAt} AND c."recordedAt" < ${cut}
            )
            AND r."id" NOT IN (
              SELECT e."recommendationId" FROM "EvidenceNote" e
              WHERE e."evidenceDate" > ${activeAfter} AND e."evidenceDate" <= ${previousAt} AND e."createdAt" < ${cut}
                AND (e."deletedAt" IS NULL OR e."deletedAt" >= ${cut})
            ))
          )`,
          )} THEN 1 ELSE 0 END)`,
        )} AS "staleBefore",
        ${asInteger(Prisma.sql`SUM(CASE WHEN s."date" <= ${previousAt} AND ${isOverdueSql(statusBefore, Prisma.sql`r."targetDate"`, previousAt)}
          THEN 1 ELSE 0 END)`)} AS "overdueBefore"
      FROM "Recommendation" r
      JOIN "Seminar" s ON s."id" = r."seminarId"
      WHERE ${itemScopeSql(scope)}`;
  const [rows, series] = await Promise.all([
    db.$queryRaw<Row[]>(query),
    getProgressSeries(db, {
      by: 'theme',
      scope,
      quarters: [toQuarterPoint(previous, asOf)],
      asOf,
    }),
  ]);
  const row = rows[0];
  const before = combinePoints(series.map((group) => group.points[0]!));
  return {
    now: {
      tracked: num(row?.tracked),
      progress: progressOf(numOrNull(row?.weightSum), num(row?.counted)),
      implemented: num(row?.implemented),
      changed: num(row?.changed),
      stale: num(row?.stale),
      overdue: num(row?.overdue),
    },
    then: {
      tracked: before.items,
      progress: before.progress,
      implemented: before.implemented,
      changed: num(row?.changedBefore),
      stale: num(row?.staleBefore),
      overdue: num(row?.overdueBefore),
    },
  };
}
