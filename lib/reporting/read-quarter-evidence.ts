import type { Db } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { itemScopeSql, type ItemScope } from '@/lib/progress/history-sql';
import { eachDayChunk } from './day-chunks';
import { rawDay } from './raw-day';
import type { ReportCut } from './report-cut';
import type { ReportEvidence } from './report-types';

type Row = {
  code: string;
  title: string;
  evidenceDate: unknown;
  sourceTitle: string | null;
  sourceUrl: string | null;
  body: string;
  who: string | null;
};

/**
 * The evidence notes DATED in the quarter (up to the report's day) for the items in scope, however
 * late they were entered; removed notes are left out. Indexed on evidenceDate; in date order, then
 * item code, then entry, so the list is the same every time. Handed to `onChunk` a few thousand at
 * a time (day ranges, as readQuarterChanges), each chunk one join with the filters inlined.
 */
export async function readQuarterEvidence(
  db: Db,
  input: { scope: ItemScope; cut: ReportCut },
  onChunk: (notes: ReportEvidence[]) => void | Promise<void>,
): Promise<void> {
  const { cut } = input;
  const inQuarter = Prisma.sql`${itemScopeSql(input.scope)}
      AND e."evidenceDate" >= ${cut.start} AND e."evidenceDate" <= ${cut.day}
      AND e."createdAt" < ${cut.recordedBefore}
      AND (e."deletedAt" IS NULL OR e."deletedAt" >= ${cut.recordedBefore})`;
  const from = Prisma.sql`"EvidenceNote" e JOIN "Recommendation" r ON r."id" = e."recommendationId"`;
  await eachDayChunk(db, { day: Prisma.sql`e."evidenceDate"`, from, where: inQuarter }, async (range) => {
    const rows = await db.$queryRaw<Row[]>`
      SELECT r."code" AS "code", r."title" AS "title", e."evidenceDate" AS "evidenceDate", e."sourceTitle" AS "sourceTitle",
             e."sourceUrl" AS "sourceUrl", e."body" AS "body", u."name" AS "who"
      FROM "EvidenceNote" e
      JOIN "Recommendation" r ON r."id" = e."recommendationId"
      LEFT JOIN "User" u ON u."id" = e."authorId"
      WHERE ${inQuarter} AND e."evidenceDate" >= ${range.from} AND e."evidenceDate" < ${range.until}
      ORDER BY e."evidenceDate", r."code", e."createdAt", e."id"`;
    await onChunk(
      rows.map((row) => ({
        code: row.code,
        title: row.title,
        evidenceDate: rawDay(row.evidenceDate)!,
        sourceTitle: row.sourceTitle,
        sourceUrl: row.sourceUrl,
        body: row.body,
        who: row.who ?? 'System',
      })),
    );
  });
}
