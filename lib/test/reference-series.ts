// TESTS ONLY: the quarterly progress computed the slow, obvious way, over a history held in memory,
// to check the SQL of progress-series.ts against. For every quarter and every item it scans the
// item's whole history; nothing clever, so it can be read as the definition.
import { STATUS_WEIGHT, type Status } from '@/lib/status/status';
import type { ProgressPoint } from '@/lib/progress/progress-series';
import type { QuarterPoint } from '@/lib/progress/quarters';

export type ReferenceItem = { id: string; groupIds: string[] };
export type ReferenceChange = { id: string; itemId: string; toStatus: Status; effectiveDate: Date; recordedAt: Date };

const DAY_MS = 86_400_000;

/** Whether change `a` comes after change `b` in an item's history: by effective date, then recorded time, then id. */
function isLater(a: ReferenceChange, b: ReferenceChange): boolean {
  if (a.effectiveDate.getTime() !== b.effectiveDate.getTime()) return a.effectiveDate.getTime() > b.effectiveDate.getTime();
  if (a.recordedAt.getTime() !== b.recordedAt.getTime()) return a.recordedAt.getTime() > b.recordedAt.getTime();
  return a.id > b.id;
}

/** The status of an item on day `at`, knowing only what was recorded by the end of `asOf`. */
export function referenceStatusOn(changes: ReferenceChange[], itemId: string, at: Date, asOf: Date): Status | null {
  const knownBefore = asOf.getTime() + DAY_MS;
  let latest: ReferenceChange | null = null;
  for (const change of changes) {
    if (change.itemId !== itemId) continue;
    if (change.effectiveDate.getTime() > at.getTime()) continue;
    if (change.effectiveDate.getTime() > asOf.getTime()) continue;
    if (change.recordedAt.getTime() >= knownBefore) continue;
    if (latest === null || isLater(change, latest)) latest = change;
  }
  return latest?.toStatus ?? null;
}

/** Series per group id; only groups with an item in some quarter, as the database answers. */
export function referenceSeries(items: ReferenceItem[], changes: ReferenceChange[], quarters: QuarterPoint[], asOf: Date): Map<string, ProgressPoint[]> {
  const out = new Map<string, ProgressPoint[]>();
  const groupIds = [...new Set(items.flatMap((item) => item.groupIds))];
  for (const groupId of groupIds) {
    const points = quarters.map((quarter): ProgressPoint => {
      let itemsWithStatus = 0;
      let counted = 0;
      let weightSum = 0;
      let implemented = 0;
      for (const item of items) {
        if (!item.groupIds.includes(groupId)) continue;
        const status = referenceStatusOn(changes, item.id, quarter.at, asOf);
        if (status === null) continue;
        itemsWithStatus += 1;
        const weight = STATUS_WEIGHT[status];
        if (weight !== null) {
          counted += 1;
          weightSum += weight;
        }
        if (status === 'IMPLEMENTED') implemented += 1;
      }
      return { quarter: quarter.key, items: itemsWithStatus, counted, progress: counted === 0 ? null : weightSum / counted, implemented };
    });
    if (points.some((point) => point.items > 0)) out.set(groupId, points);
  }
  return out;
}
