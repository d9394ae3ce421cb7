import type { Db } from '@/lib/db';
import { itemScopeSql, type ItemScope } from '@/lib/progress/history-sql';
import { isStatus } from '@/lib/status/status';
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
 * scope, however late it was entered. "From" is the status in force just before it in the history
 * as it stands (LAG over the item's entries in history order), not the one stored when it was
 * entered: a change back-dated in front of it later would make that stale. An item's first entry
 * (its recording at the seminar) is not a change.
 *
 * In order of effective date, then item code, then entry (recorded time, id): the same every time.
 */
export async function listQuarterChanges(db: Db, input: { scope: ItemScope; cut: ReportCut }): Promise<ReportChange[]> {
  const { cut } = input;
  const rows = await db.$queryRaw<Row[]>`
    WITH "scope" AS (SELECT r."id" FROM "Recommendation" r WHERE ${itemScopeSql(input.scope)}),
    "ordered" AS (
      SELECT sc."id", sc."recommendationId", sc."toStatus", sc."effectiveDate", sc."recordedAt", sc."authorId", sc."note",
             LAG(sc."toStatus") OVER (
               PARTITION BY sc."recommendationId" ORDER BY sc."effectiveDate", sc."recordedAt", sc."id"
             ) AS "fromStatus"
      FROM "StatusChange" sc
      JOIN "scope" ON "scope"."id" = sc."recommendationId"
      WHERE sc."effectiveDate" <= ${cut.day} AND sc."recordedAt" < ${cut.recordedBefore}
    )
    SELECT r."code" AS "code", r."title" AS "title", o."fromStatus" AS "fromStatus", o."toStatus" AS "toStatus",
           o."effectiveDate" AS "effectiveDate", o."recordedAt" AS "recordedAt", u."name" AS "who", o."note" AS "note"
    FROM "ordered" o
    JOIN "Recommendation" r ON r."id" = o."recommendationId"
    LEFT JOIN "User" u ON u."id" = o."authorId"
    WHERE o."fromStatus" IS NOT NULL AND o."effectiveDate" >= ${cut.start}
    ORDER BY o."effectiveDate", r."code", o."recordedAt", o."id"`;

  return rows.flatMap((row): ReportChange[] =>
    isStatus(row.fromStatus) && isStatus(row.toStatus)
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
      : [],
  );
}
