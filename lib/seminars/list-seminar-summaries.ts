import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { emptyCounts, progressOfCounts, type StatusCounts } from '@/lib/progress/status-distribution';
import { isStatus } from '@/lib/status/status';

export type SeminarSummary = {
  id: string;
  title: string;
  kind: string;
  date: Date;
  codePrefix: string;
  /** Recommendations tracked (not archived). */
  recommendations: number;
  counts: StatusCounts;
  /** Weighted progress today; null when nothing counts. */
  progress: number | null;
};

export type SeminarSummaryPage = { seminars: SeminarSummary[]; total: number; page: number; pageCount: number };

/**
 * One page of seminars, newest first, each with how many of its recommendations are in each status
 * today: three statements whatever the number of seminars (a count, the page, and one GROUP BY over
 * the page's recommendations). A page past the last shows the last.
 */
export async function listSeminarSummaries(db: Db, input: { page: number; pageSize: number }, actor: Actor): Promise<SeminarSummaryPage> {
  requireRole(actor, 'VIEWER');
  const total = await db.seminar.count();
  const pageCount = Math.max(1, Math.ceil(total / input.pageSize));
  const page = Math.min(input.page, pageCount);
  const seminars = await db.seminar.findMany({
    orderBy: [{ date: 'desc' }, { title: 'asc' }, { id: 'asc' }],
    skip: (page - 1) * input.pageSize,
    take: input.pageSize,
    select: { id: true, title: true, kind: true, date: true, codePrefix: true },
  });
  const groups = await db.recommendation.groupBy({
    by: ['seminarId', 'status'],
    where: { archived: false, seminarId: { in: seminars.map((seminar) => seminar.id) } },
    _count: { _all: true },
  });
  const counts = new Map(seminars.map((seminar) => [seminar.id, emptyCounts()]));
  for (const group of groups) {
    const seminarCounts = counts.get(group.seminarId);
    if (seminarCounts && isStatus(group.status)) seminarCounts[group.status] += group._count._all;
  }
  return {
    total,
    page,
    pageCount,
    seminars: seminars.map((seminar) => {
      const statusCounts = counts.get(seminar.id)!;
      return {
        ...seminar,
        recommendations: Object.values(statusCounts).reduce((sum, n) => sum + n, 0),
        counts: statusCounts,
        progress: progressOfCounts(statusCounts),
      };
    }),
  };
}
