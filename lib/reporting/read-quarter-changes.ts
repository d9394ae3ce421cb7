import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { itemScopeSql, type ItemScope } from '@/lib/progress/history-sql';
import { isStatus } from '@/lib/status/status';
import { eachDayChunk } from './day-chunks';
import { rawDay } from './raw-day';
import type { ReportCut } from './report-cut';
import type { ReportChange } from './report-types';

type Row = {
  code: string;
  title: string;
  fromStatus: string | null;
  toStatus: string;
  effectiveDate: unknown;
  recordedAt: unknown;
  who: string | null;
  note: string | null;
};

/**
 * Every status change that TOOK EFFECT in the quarter (up to the report's day), for the items in
 * scope, however late it was entered, handed to `onChunk` a few thousand at a time (day ranges
 * from a first count per day, lib/reporting/day-chunks.ts), so a busy quarter is never held whole.
 * "From" is the status in force just before it in the history as it stands (the entry just before
 * it in history order, one index read per change), not the one stored when it was entered: a
 * change back-dated in front of it later would make that stale. An item's first entry (its
 * recording at the seminar, with nothing before it) is not a change. Only the quarter's entries
 * are read, through the effectiveDate index.
 *
 * In order of effective date, then item code, then entry (recorded time, id): the same every time.
 */
export async function readQuarterChanges(
  db: Db,
  input: { scope: ItemScope; cut: ReportCut },
  onChunk: (changes: ReportChange[]) => void | Promise<void>,
): Promise<void> {
  const { cut } = input;
  const inQuarter = Prisma.sql`${itemScopeSql(input.scope)}
      AND sc."effectiveDate" >= ${cut.start} AND sc."effectiveDate" <= ${cut.day} AND sc."recordedAt" < ${cut.recordedBefore}`;
  const from = Prisma.sql`"StatusChange" sc JOIN "Recommendation" r ON r."id" = sc."recommendationId"`;
  await eachDayChunk(db, { day: Prisma.sql`sc."effectiveDate"`, from, where: inQuarter }, async (range) => {
    const rows = await db.$queryRaw<Row[]>`
      SELECT r."code" AS "code", r."title" AS "title",
             (
               SELECT p."toStatus" FROM "StatusChange" p
               WHERE p."recommendationId" = sc."recommendationId"
                 AND (p."effectiveDate", p."recordedAt", p."id") < (sc."effectiveDate", sc."recordedAt", sc."id")
                 AND p."recordedAt" < ${cut.recordedBefore}
               ORDER BY p."effectiveDate" DESC, p."recordedAt" DESC, p."id" DESC
               LIMIT 1
             ) AS "fromStatus",
             sc."toStatus" AS "toStatus", sc."effectiveDate" AS "effectiveDate", sc."recordedAt" AS "recordedAt", u."name" AS "who", sc."note" AS "note"
      FROM "StatusChange" sc
      JOIN "Recommendation" r ON r."id" = sc."recommendationId"
      LEFT JOIN "User" u ON u."id" = sc."authorId"
      WHERE ${inQuarter} AND sc."effectiveDate" >= ${range.from} AND sc."effectiveDate" < ${range.until}
      ORDER BY sc."effectiveDate", r."code", sc."recordedAt", sc."id"`;
    await onChunk(rows.flatMap(toChange));
  });
}

function toChange(row: Row): ReportChange[] {
  return isStatus(row.fromStatus) && isStatus(row.toStatus)
    ? [
        {
          code: row.code,
          title: row.title,
          fromStatus: row.fromStatus,
          toStatus: row.toStatus,
          effectiveDate: rawDay(row.effectiveDate)!,
          recordedOn: rawDay(row.recordedAt)!,
          who: row.who ?? 'System',
          note: row.note,
        },
      ]
    : [];
}
