// The status vocabulary and its progress weights: the one place they are defined. The rules that
// count by them (open, stale, overdue, weighted progress) are in metrics.ts.
// Weighted progress = sum(weight of each item's status) / number of items whose weight is not null.
// NO_LONGER_RELEVANT has no weight: such items leave the denominator (README, "Status and progress").

export const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'PARTIALLY_IMPLEMENTED', 'IMPLEMENTED', 'STALLED', 'NO_LONGER_RELEVANT'] as const;

export type Status = (typeof STATUSES)[number];

export const STATUS_WEIGHT: Record<Status, number | null> = {
  NOT_STARTED: 0,
  IN_PROGRESS: 0.25,
  PARTIALLY_IMPLEMENTED: 0.5,
  IMPLEMENTED: 1,
  STALLED: 0,
  NO_LONGER_RELEVANT: null,
};

export const STATUS_LABEL: Record<Status, string> = {
  NOT_STARTED: 'Not started',
  IN_PROGRESS: 'In progress',
  PARTIALLY_IMPLEMENTED: 'Partially implemented',
  IMPLEMENTED: 'Implemented',
  STALLED: 'Stalled',
  NO_LONGER_RELEVANT: 'No longer relevant',
};

/** Moving to these needs at least one evidence note on the item. */
export const STATUSES_NEEDING_EVIDENCE: readonly Status[] = ['PARTIALLY_IMPLEMENTED', 'IMPLEMENTED'];

export function isStatus(value: unknown): value is Status {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABEL: Record<Priority, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' };

/** The priorities' order, as the database's "priorityRank" keeps it (migration *_priority_rank): the list sorts by it. */
export const PRIORITY_RANK: Record<Priority, number> = { LOW: 1, MEDIUM: 2, HIGH: 3 };
