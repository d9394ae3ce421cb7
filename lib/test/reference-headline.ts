// TESTS ONLY: the dashboard's headline figures computed the slow, obvious way, in memory, from the
// rows of the history, to check the SQL of lib/progress/headline-figures.ts and headline-today.ts
// against. The rules themselves (open, stale, overdue, progress) are lib/status/metrics.ts's.
import type { Db } from '@/lib/db';
import type { HeadlineValues } from '@/lib/progress/headline-today';
import { previousQuarter, quarterEnd, quarterOf, quarterStart } from '@/lib/progress/quarters';
import { DEFAULT_STALE_DAYS, isOverdue, isStale, staleCutoff, weightedProgress } from '@/lib/status/metrics';
import { isStatus, type Status } from '@/lib/status/status';
import { referenceStatusOn, type ReferenceChange } from './reference-series';

const DAY_MS = 86_400_000;

/** The figures on `asOf` and at the end of the quarter before, for the (unarchived) items `ids`. */
export async function referenceHeadline(
  db: Db,
  ids: string[],
  asOf: Date,
  staleDays = DEFAULT_STALE_DAYS,
): Promise<{ now: HeadlineValues; then: HeadlineValues }> {
  const [items, rows, evidence] = await Promise.all([
    db.recommendation.findMany({ where: { id: { in: ids }, archived: false }, select: { id: true, targetDate: true } }),
    db.statusChange.findMany({ where: { recommendationId: { in: ids } } }),
    db.evidenceNote.findMany({ where: { recommendationId: { in: ids } } }),
  ]);
  const cut = asOf.getTime() + DAY_MS;
  const changes: (ReferenceChange & { first: boolean })[] = rows.map((row) => ({
    id: row.id,
    itemId: row.recommendationId,
    toStatus: row.toStatus as Status,
    effectiveDate: row.effectiveDate,
    recordedAt: row.recordedAt,
    first: row.fromStatus === null,
  }));
  const known = changes.filter((c) => c.recordedAt.getTime() < cut && c.effectiveDate.getTime() <= asOf.getTime());
  const notes = evidence.filter((e) => e.createdAt.getTime() < cut && (e.deletedAt === null || e.deletedAt.getTime() >= cut));

  const valuesOn = (day: Date): HeadlineValues => {
    const start = quarterStart(quarterOf(day)).getTime();
    const statuses: Status[] = [];
    let changed = 0;
    let stale = 0;
    let overdue = 0;
    for (const item of items) {
      const status = referenceStatusOn(changes, item.id, day, asOf);
      if (status === null || !isStatus(status)) continue;
      statuses.push(status);
      const own = known.filter((c) => c.itemId === item.id && c.effectiveDate.getTime() <= day.getTime());
      if (own.some((c) => !c.first && c.effectiveDate.getTime() >= start)) changed += 1;
      const dates = [
        ...own.map((c) => c.effectiveDate.getTime()),
        ...notes.filter((e) => e.recommendationId === item.id && e.evidenceDate.getTime() <= day.getTime()).map((e) => e.evidenceDate.getTime()),
      ];
      if (isStale(status, new Date(Math.max(...dates)), staleCutoff(day, staleDays))) stale += 1;
      if (isOverdue(status, item.targetDate, day)) overdue += 1;
    }
    return {
      tracked: statuses.length,
      progress: weightedProgress(statuses),
      implemented: statuses.filter((s) => s === 'IMPLEMENTED').length,
      changed,
      stale,
      overdue,
    };
  };
  return { now: valuesOn(asOf), then: valuesOn(quarterEnd(previousQuarter(quarterOf(asOf)))) };
}
