import type { Db } from '@/lib/db';
import { toDateOnly } from '@/lib/dates';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { asInteger, daysBefore, itemScopeSql, num, statusOnSql, type ItemScope } from '@/lib/progress/history-sql';
import { itemScopeWhere } from '@/lib/progress/recent-activity';
import { CLOSED_STATUSES } from '@/lib/recommendations/recommendation-query';
import { isStatus, PRIORITIES, type Priority, type Status } from '@/lib/status/status';
import { rawDay } from './raw-day';
import type { ReportCut } from './report-cut';
import type { Day, ReportItem } from './report-types';

/** An item of the report, with what the summaries need besides its printed columns. */
export type ReportItemFacts = {
  item: ReportItem;
  sectorIds: string[];
  changedInPreviousQuarter: boolean;
  staleBefore: boolean;
  overdueBefore: boolean;
};

type FactRow = {
  id: string;
  status: string | null;
  statusBefore: string | null;
  changedNow: unknown;
  changedBefore: unknown;
  changedEver: unknown;
  lastChange: unknown;
  lastChangeBefore: unknown;
  lastEvidence: unknown;
  lastEvidenceBefore: unknown;
};

const later = (a: Day | null, b: Day | null): Day | null => (a === null ? b : b === null ? a : a > b ? a : b);
const isClosed = (status: Status) => CLOSED_STATUSES.includes(status);
const asPriority = (value: string): Priority => ((PRIORITIES as readonly string[]).includes(value) ? (value as Priority) : 'MEDIUM');

/**
 * Every item in scope that had a status on the report's day, with its status then and at the end
 * of the previous quarter, its latest activity on both days and how many status changes took
 * effect in each quarter: ONE statement over the items' history (each change ranked within its
 * item, so "a change" is any entry after the first, the recording at the seminar), plus one read
 * of the items' printed fields. Stale and overdue are then worked out per item from those dates,
 * with the dashboard's definitions (lib/progress/headline-figures.ts).
 *
 * Items come in the order of the recommendations list: by seminar date, then position.
 */
export async function listReportItems(db: Db, input: { scope: ItemScope; cut: ReportCut; staleDays: number }): Promise<ReportItemFacts[]> {
  const { cut, scope } = input;
  const before = cut.recordedBefore;
  const [facts, items] = await Promise.all([
    db.$queryRaw<FactRow[]>`
      WITH "scope" AS (SELECT r."id" FROM "Recommendation" r WHERE ${itemScopeSql(scope)}),
      "ranked" AS (
        SELECT sc."recommendationId" AS "itemId", sc."effectiveDate" AS "at",
               ROW_NUMBER() OVER (PARTITION BY sc."recommendationId" ORDER BY sc."effectiveDate", sc."recordedAt", sc."id") AS "rn"
        FROM "StatusChange" sc
        JOIN "scope" ON "scope"."id" = sc."recommendationId"
        WHERE sc."effectiveDate" <= ${cut.day} AND sc."recordedAt" < ${before}
      ),
      "changes" AS (
        SELECT "itemId",
               SUM(CASE WHEN "rn" > 1 AND "at" >= ${cut.start} THEN 1 ELSE 0 END) AS "changedNow",
               SUM(CASE WHEN "rn" > 1 AND "at" >= ${cut.previousStart} AND "at" <= ${cut.previousEnd} THEN 1 ELSE 0 END) AS "changedBefore",
               SUM(CASE WHEN "rn" > 1 THEN 1 ELSE 0 END) AS "changedEver",
               MAX("at") AS "lastChange",
               MAX(CASE WHEN "at" <= ${cut.previousEnd} THEN "at" ELSE NULL END) AS "lastChangeBefore"
        FROM "ranked"
        GROUP BY "itemId"
      ),
      "evidence" AS (
        SELECT e."recommendationId" AS "itemId",
               MAX(e."evidenceDate") AS "lastEvidence",
               MAX(CASE WHEN e."evidenceDate" <= ${cut.previousEnd} THEN e."evidenceDate" ELSE NULL END) AS "lastEvidenceBefore"
        FROM "EvidenceNote" e
        JOIN "scope" ON "scope"."id" = e."recommendationId"
        WHERE e."evidenceDate" <= ${cut.day} AND e."createdAt" < ${before} AND (e."deletedAt" IS NULL OR e."deletedAt" >= ${before})
        GROUP BY e."recommendationId"
      )
      SELECT s."id" AS "id",
             ${statusOnSql(Prisma.sql`s."id"`, Prisma.sql`${cut.day}`, before)} AS "status",
             ${statusOnSql(Prisma.sql`s."id"`, Prisma.sql`${cut.previousEnd}`, before)} AS "statusBefore",
             ${asInteger(Prisma.sql`c."changedNow"`)} AS "changedNow",
             ${asInteger(Prisma.sql`c."changedBefore"`)} AS "changedBefore",
             ${asInteger(Prisma.sql`c."changedEver"`)} AS "changedEver",
             c."lastChange" AS "lastChange", c."lastChangeBefore" AS "lastChangeBefore",
             e."lastEvidence" AS "lastEvidence", e."lastEvidenceBefore" AS "lastEvidenceBefore"
      FROM "scope" s
      JOIN "changes" c ON c."itemId" = s."id"
      LEFT JOIN "evidence" e ON e."itemId" = s."id"`,
    db.recommendation.findMany({
      where: itemScopeWhere(scope),
      orderBy: [{ seminar: { date: 'asc' } }, { seminar: { codePrefix: 'asc' } }, { position: 'asc' }],
      select: {
        id: true,
        code: true,
        title: true,
        priority: true,
        targetDate: true,
        seminar: { select: { title: true, date: true } },
        primaryTheme: { select: { name: true } },
        sectors: {
          select: { sector: { select: { id: true, name: true } } },
          orderBy: [{ sector: { sortOrder: 'asc' } }, { sector: { name: 'asc' } }],
        },
      },
    }),
  ]);

  const factsById = new Map(facts.map((row) => [row.id, row]));
  const day = toDateOnly(cut.day);
  const previousEnd = toDateOnly(cut.previousEnd);
  const staleLine = toDateOnly(daysBefore(cut.day, input.staleDays));
  const staleLineBefore = toDateOnly(daysBefore(cut.previousEnd, input.staleDays));
  return items.flatMap((row): ReportItemFacts[] => {
    const fact = factsById.get(row.id);
    // No status on the day: the item's seminar had not taken place yet.
    if (!fact || !isStatus(fact.status)) return [];
    const status = fact.status;
    const statusBefore = isStatus(fact.statusBefore) ? fact.statusBefore : null;
    const lastChange = rawDay(fact.lastChange)!;
    const lastActivity = later(lastChange, rawDay(fact.lastEvidence))!;
    const lastActivityBefore = later(rawDay(fact.lastChangeBefore), rawDay(fact.lastEvidenceBefore));
    const targetDate = row.targetDate ? toDateOnly(row.targetDate) : null;
    const stale = lastActivity <= staleLine;
    const staleBefore = statusBefore !== null && lastActivityBefore !== null && lastActivityBefore <= staleLineBefore;
    const overdue = targetDate !== null && targetDate < day && !isClosed(status);
    const overdueBefore = statusBefore !== null && targetDate !== null && targetDate < previousEnd && !isClosed(statusBefore);
    return [
      {
        item: {
          code: row.code,
          title: row.title,
          seminar: row.seminar.title,
          seminarDate: toDateOnly(row.seminar.date),
          primaryTheme: row.primaryTheme.name,
          sectors: row.sectors.map((link) => link.sector.name),
          priority: asPriority(row.priority),
          targetDate,
          status,
          // Entries are ordered by effective date first, so the latest one's date is the status's.
          statusSince: lastChange,
          previousStatus: statusBefore,
          lastActivity,
          changesInQuarter: num(fact.changedNow),
          stale,
          overdue,
          becameStale: stale && !staleBefore,
          becameOverdue: overdue && !overdueBefore,
          noChangeSinceSeminar: num(fact.changedEver) === 0,
        },
        sectorIds: row.sectors.map((link) => link.sector.id),
        changedInPreviousQuarter: num(fact.changedBefore) > 0,
        staleBefore,
        overdueBefore,
      },
    ];
  });
}
