import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { today, toDateOnly } from '@/lib/dates';
import { isOverdue, isStale, staleCutoff } from '@/lib/status/metrics';
import type { Priority, Status } from '@/lib/status/status';
import { encodeCursor, type RecommendationFilters } from '@/lib/validations/recommendation-filters';
import type { RecommendationListDto, RecommendationListItemDto } from './recommendation-list-dto';
import { afterCursorWhere, cursorAfter, recommendationOrderBy, recommendationWhere } from './recommendation-query';

export type Term = { id: string; name: string; color: string };

export type RecommendationRow = {
  id: string;
  code: string;
  title: string;
  text: string;
  status: Status;
  priority: Priority;
  version: number;
  targetDate: Date | null;
  updatedAt: Date;
  lastActivityAt: Date;
  archived: boolean;
  /** Overdue today (lib/status/metrics.ts), as the overdue filter. */
  overdue: boolean;
  /** Stale today by the filters' staleDays (lib/status/metrics.ts), as the stale filter. */
  stale: boolean;
  seminar: { id: string; title: string; codePrefix: string };
  primaryTheme: Term;
  secondaryThemes: Term[];
  sectors: { id: string; name: string }[];
  evidenceCount: number;
};

export type RecommendationPage = { items: RecommendationRow[]; total: number; nextCursor: string | null };

const TERM = { select: { id: true, name: true, color: true } } as const;

/**
 * One page of the recommendations matching `filters`, and how many match in all: two queries,
 * read together in one transaction so the count and the page agree, then the page's evidence
 * counts. (Prisma's `_count` of a relation would group every evidence note in the database on each
 * page view; a third statement counts the page's items' notes only.) The page is addressed by
 * page number (`filters.page`, the web page) or by keyset cursor (`filters.after`, the API);
 * nextCursor is given either way, so an API client may start from a page number and go on by cursor.
 */
export async function listRecommendations(db: Db, filters: RecommendationFilters, actor: Actor, now = new Date()): Promise<RecommendationPage> {
  requireRole(actor, 'VIEWER');
  const where = await recommendationWhere(db, filters, now);
  const pageWhere = filters.after ? { AND: [where, afterCursorWhere(filters.after)] } : where;
  const skip = filters.after ? 0 : ((filters.page ?? 1) - 1) * filters.pageSize;
  const [rows, total] = await db.$transaction([
    db.recommendation.findMany({
      where: pageWhere,
      orderBy: recommendationOrderBy(filters.sort, filters.dir),
      skip,
      // One more than a page tells whether there is a next one without another query.
      take: filters.pageSize + 1,
      select: {
        id: true,
        code: true,
        title: true,
        text: true,
        status: true,
        priority: true,
        priorityRank: true,
        version: true,
        targetDate: true,
        updatedAt: true,
        lastActivityAt: true,
        archived: true,
        position: true,
        seminarId: true,
        seminar: { select: { id: true, title: true, codePrefix: true, date: true } },
        primaryTheme: TERM,
        secondaryThemes: { select: { theme: TERM }, orderBy: { theme: { sortOrder: 'asc' } } },
        sectors: { select: { sector: { select: { id: true, name: true } } }, orderBy: { sector: { sortOrder: 'asc' } } },
      },
    }),
    db.recommendation.count({ where }),
  ]);
  const pageRows = rows.slice(0, filters.pageSize);
  const evidence = await db.evidenceNote.groupBy({
    by: ['recommendationId'],
    where: { recommendationId: { in: pageRows.map((row) => row.id) }, deletedAt: null },
    _count: { _all: true },
  });
  const evidenceCount = new Map(evidence.map((row) => [row.recommendationId, row._count._all]));
  const start = today(now);
  const cutoff = staleCutoff(start, filters.staleDays);
  const last = pageRows.at(-1);
  const nextCursor = rows.length > filters.pageSize && last ? encodeCursor(cursorAfter(last, filters.sort, filters.dir)) : null;
  return {
    total,
    nextCursor,
    items: pageRows.map(({ secondaryThemes, sectors, seminar, position: _position, seminarId: _seminarId, priorityRank: _priorityRank, ...row }) => ({
      ...row,
      status: row.status as Status,
      priority: row.priority as Priority,
      overdue: isOverdue(row.status as Status, row.targetDate, start),
      stale: isStale(row.status as Status, row.lastActivityAt, cutoff),
      seminar: { id: seminar.id, title: seminar.title, codePrefix: seminar.codePrefix },
      secondaryThemes: secondaryThemes.map((link) => link.theme),
      sectors: sectors.map((link) => link.sector),
      evidenceCount: evidenceCount.get(row.id) ?? 0,
    })),
  };
}

/** The API's view of a row (lib/recommendations/recommendation-list-dto.ts documents it). */
export function toRecommendationListItemDto(row: RecommendationRow): RecommendationListItemDto {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    text: row.text,
    status: row.status,
    version: row.version,
    seminar: { id: row.seminar.id, title: row.seminar.title },
    themes: { primary: row.primaryTheme, secondary: row.secondaryThemes },
    sectors: row.sectors,
    priority: row.priority,
    targetDate: row.targetDate ? toDateOnly(row.targetDate) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toRecommendationListDto(page: RecommendationPage): RecommendationListDto {
  return { items: page.items.map(toRecommendationListItemDto), total: page.total, nextCursor: page.nextCursor };
}
