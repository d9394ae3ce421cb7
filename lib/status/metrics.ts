// The rules every count of the app is made by, each written once: which statuses are open, when an
// item is stale or overdue, and weighted progress. The dashboard, the recommendations list and the
// API, the item page and the quarterly report all count with these (README, "Status and progress").
// Their SQL and Prisma versions, for the queries that count in the database, are in metrics-sql.ts,
// rule by rule in the same order; metrics.db.test.ts checks that both give the same answers.
// This file imports no database code: pages in the browser use it too.
import { STATUS_WEIGHT, type Status } from './status';

const DAY_MS = 86_400_000;

/** Statuses after which an item needs nothing more: never stale, never overdue. */
export const CLOSED_STATUSES: readonly Status[] = ['IMPLEMENTED', 'NO_LONGER_RELEVANT'];

/** Days without a status change or evidence that make an open item stale, unless the reader chooses. */
export const DEFAULT_STALE_DAYS = 180;

export function isOpen(status: Status): boolean {
  return !CLOSED_STATUSES.includes(status);
}

/**
 * The last day whose activity leaves an item stale on `day`: stale means no status change or
 * evidence dated in the `staleDays` days up to `day`, i.e. the latest is on or before this day.
 */
export function staleCutoff(day: Date, staleDays: number): Date {
  return new Date(day.getTime() - staleDays * DAY_MS);
}

/**
 * Days are compared either as Dates (midnight UTC) or as "YYYY-MM-DD" text (the report's rows),
 * which sort the same; one call never mixes the two.
 */
type DayValue = Date | string;

/** Open, and its latest status change or evidence is on or before `cutoff` (staleCutoff). */
export function isStale<D extends DayValue>(status: Status, lastActivity: D, cutoff: D): boolean {
  return isOpen(status) && lastActivity <= cutoff;
}

/** Open, and its target date is before `day`. */
export function isOverdue<D extends DayValue>(status: Status, targetDate: D | null, day: D): boolean {
  return isOpen(status) && targetDate !== null && targetDate < day;
}

/**
 * Weighted progress in [0, 1] from the sum of the items' weights and the number of items that have
 * a weight (all but NO_LONGER_RELEVANT, lib/status/status.ts); null when no item counts.
 */
export function progressOf(weightSum: number | null, counted: number): number | null {
  return counted > 0 ? (weightSum ?? 0) / counted : null;
}

/** Weighted progress of a list of statuses (progressOf). */
export function weightedProgress(statuses: Iterable<Status>): number | null {
  let sum = 0;
  let counted = 0;
  for (const status of statuses) {
    const weight = STATUS_WEIGHT[status];
    if (weight === null) continue;
    sum += weight;
    counted += 1;
  }
  return progressOf(sum, counted);
}
