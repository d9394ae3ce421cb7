import type { Db } from '@/lib/db';
import { toDateOnly } from '@/lib/dates';
import * as Prisma from '@/lib/db/sql';
import { asInteger, idIn, itemScopeSql, num, providerOf, statusOnSql, type ItemScope } from '@/lib/progress/history-sql';
import { isOverdue, isStale, staleCutoff } from '@/lib/status/metrics';
import { isStatus, PRIORITIES, type Priority } from '@/lib/status/status';
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
  code: string;
  title: string;
  priority: string;
  targetDate: unknown;
  seminarTitle: string;
  seminarDate: unknown;
  theme: string;
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

type SectorRow = { itemId: string; id: string; name: string };

const later = (a: Day | null, b: Day | null): Day | null => (a === null ? b : b === null ? a : a > b ? a : b);
const asPriority = (value: string): Priority => ((PRIORITIES as readonly string[]).includes(value) ? (value as Priority) : 'MEDIUM');

/** Items per pair of statements: bounds what a report of any size holds at once (see readReportItems). */
export const ITEM_CHUNK = 2_000;

/**
 * Every item in scope that had a status on the report's day, with its status then and at the end
 * of the previous quarter, its latest activity on both days and how many status changes took
 * effect in each quarter, and the printed fields, handed to `onChunk` ITEM_CHUNK items at a time,
 * in the order of the recommendations list (by seminar date, then position).
 *
 * One statement lists the items in scope in that order (ids only); then, per chunk, ONE statement
 * over the chunk's history ("a change" is any entry after the first, the recording at the seminar)
 * and one for its owner sectors, each with the chunk's ids as one parameter (idIn). So a report of
 * a hundred thousand items never holds more than a chunk of rows and objects at a time, and the
 * caller (lib/reporting/export-quarterly-report.ts) writes each chunk out before the next is read.
 * Stale and overdue are then worked out per item from those dates and statuses, by the rules
 * of lib/status/metrics.ts.
 */
export async function readReportItems(
  db: Db,
  input: { scope: ItemScope; cut: ReportCut; staleDays: number },
  onChunk: (facts: ReportItemFacts[], progress: { read: number; total: number }) => void | Promise<void>,
): Promise<void> {
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT r."id" AS "id"
    FROM "Recommendation" r
    JOIN "Seminar" sem ON sem."id" = r."seminarId"
    WHERE ${itemScopeSql(input.scope)}
    ORDER BY sem."date", sem."codePrefix", r."position"`;
  for (let start = 0; start < ids.length; start += ITEM_CHUNK) {
    const chunk = ids.slice(start, start + ITEM_CHUNK).map((row) => row.id);
    await onChunk(await readChunk(db, input, chunk), { read: start + chunk.length, total: ids.length });
  }
}

async function readChunk(db: Db, input: { cut: ReportCut; staleDays: number }, ids: string[]): Promise<ReportItemFacts[]> {
  const { cut } = input;
  const before = cut.recordedBefore;
  const provider = providerOf(db);
  const [rows, sectorRows] = await Promise.all([
    db.$queryRaw<FactRow[]>`
      -- Plain aggregates over the (recommendationId, effectiveDate, recordedAt, ...) index, no window: an
      -- item's first entry is its recording at the seminar, not a change, so each count drops it
      -- when it falls in the period counted (its date is the item's earliest).
      WITH "entries" AS (
        SELECT sc."recommendationId" AS "itemId",
               SUM(CASE WHEN sc."effectiveDate" >= ${cut.start} THEN 1 ELSE 0 END) AS "inNow",
               SUM(CASE WHEN sc."effectiveDate" >= ${cut.previousStart} AND sc."effectiveDate" <= ${cut.previousEnd} THEN 1 ELSE 0 END) AS "inBefore",
               COUNT(*) AS "inAll",
               MIN(sc."effectiveDate") AS "firstAt",
               MAX(sc."effectiveDate") AS "lastChange",
               MAX(CASE WHEN sc."effectiveDate" <= ${cut.previousEnd} THEN sc."effectiveDate" ELSE NULL END) AS "lastChangeBefore"
        FROM "StatusChange" sc
        WHERE ${idIn(provider, Prisma.sql`sc."recommendationId"`, ids)} AND sc."effectiveDate" <= ${cut.day} AND sc."recordedAt" < ${before}
        GROUP BY sc."recommendationId"
      ),
      "changes" AS (
        SELECT "itemId", "lastChange", "lastChangeBefore",
               "inNow" - CASE WHEN "firstAt" >= ${cut.start} THEN 1 ELSE 0 END AS "changedNow",
               "inBefore" - CASE WHEN "firstAt" >= ${cut.previousStart} AND "firstAt" <= ${cut.previousEnd} THEN 1 ELSE 0 END AS "changedBefore",
               "inAll" - 1 AS "changedEver"
        FROM "entries"
      ),
      -- Over the (recommendationId, evidenceDate, createdAt, deletedAt) index alone.
      "evidence" AS (
        SELECT e."recommendationId" AS "itemId",
               MAX(e."evidenceDate") AS "lastEvidence",
               MAX(CASE WHEN e."evidenceDate" <= ${cut.previousEnd} THEN e."evidenceDate" ELSE NULL END) AS "lastEvidenceBefore"
        FROM "EvidenceNote" e
        WHERE ${idIn(provider, Prisma.sql`e."recommendationId"`, ids)} AND e."evidenceDate" <= ${cut.day} AND e."createdAt" < ${before}
          AND (e."deletedAt" IS NULL OR e."deletedAt" >= ${before})
        GROUP BY e."recommendationId"
      )
      SELECT r."id" AS "id", r."code" AS "code", r."title" AS "title", r."priority" AS "priority", r."targetDate" AS "targetDate",
             sem."title" AS "seminarTitle", sem."date" AS "seminarDate", t."name" AS "theme",
             ${statusOnSql(Prisma.sql`r."id"`, Prisma.sql`${cut.day}`, before)} AS "status",
             ${statusOnSql(Prisma.sql`r."id"`, Prisma.sql`${cut.previousEnd}`, before)} AS "statusBefore",
             ${asInteger(Prisma.sql`c."changedNow"`)} AS "changedNow",
             ${asInteger(Prisma.sql`c."changedBefore"`)} AS "changedBefore",
             ${asInteger(Prisma.sql`c."changedEver"`)} AS "changedEver",
             c."lastChange" AS "lastChange", c."lastChangeBefore" AS "lastChangeBefore",
             e."lastEvidence" AS "lastEvidence", e."lastEvidenceBefore" AS "lastEvidenceBefore"
      FROM "changes" c
      JOIN "Recommendation" r ON r."id" = c."itemId"
      JOIN "Seminar" sem ON sem."id" = r."seminarId"
      JOIN "Theme" t ON t."id" = r."primaryThemeId"
      LEFT JOIN "evidence" e ON e."itemId" = r."id"
      ORDER BY sem."date", sem."codePrefix", r."position"`,
    db.$queryRaw<SectorRow[]>`
      SELECT rs."recommendationId" AS "itemId", se."id" AS "id", se."name" AS "name"
      FROM "RecommendationSector" rs
      JOIN "Sector" se ON se."id" = rs."sectorId"
      WHERE ${idIn(provider, Prisma.sql`rs."recommendationId"`, ids)}
      ORDER BY se."sortOrder", se."name", se."id"`,
  ]);

  const sectorsById = new Map<string, SectorRow[]>();
  for (const sector of sectorRows) {
    const list = sectorsById.get(sector.itemId);
    if (list) list.push(sector);
    else sectorsById.set(sector.itemId, [sector]);
  }
  const day = toDateOnly(cut.day);
  const previousEnd = toDateOnly(cut.previousEnd);
  const staleLine = toDateOnly(staleCutoff(cut.day, input.staleDays));
  const staleLineBefore = toDateOnly(staleCutoff(cut.previousEnd, input.staleDays));
  return rows.flatMap((fact): ReportItemFacts[] => {
    // No status on the day: the item's seminar had not taken place yet.
    if (!isStatus(fact.status)) return [];
    const status = fact.status;
    const statusBefore = isStatus(fact.statusBefore) ? fact.statusBefore : null;
    const lastChange = rawDay(fact.lastChange)!;
    const lastActivity = later(lastChange, rawDay(fact.lastEvidence))!;
    const lastActivityBefore = later(rawDay(fact.lastChangeBefore), rawDay(fact.lastEvidenceBefore));
    const targetDate = rawDay(fact.targetDate);
    const sectors = sectorsById.get(fact.id) ?? [];
    const stale = isStale(status, lastActivity, staleLine);
    const staleBefore = statusBefore !== null && lastActivityBefore !== null && isStale(statusBefore, lastActivityBefore, staleLineBefore);
    const overdue = isOverdue(status, targetDate, day);
    const overdueBefore = statusBefore !== null && isOverdue(statusBefore, targetDate, previousEnd);
    return [
      {
        item: {
          code: fact.code,
          title: fact.title,
          seminar: fact.seminarTitle,
          seminarDate: rawDay(fact.seminarDate)!,
          primaryTheme: fact.theme,
          sectors: sectors.map((sector) => sector.name),
          priority: asPriority(fact.priority),
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
        sectorIds: sectors.map((sector) => sector.id),
        changedInPreviousQuarter: num(fact.changedBefore) > 0,
        staleBefore,
        overdueBefore,
      },
    ];
  });
}
