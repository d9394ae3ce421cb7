// The status vocabulary and its progress weights: the one place they are defined.
// Weighted progress = sum(weight of each item's status) / number of items whose weight is not null.
// NO_LONGER_RELEVANT has no weight: such items leave the denominator (README, "Status and progress").

export const STATUSES = [
  'NOT_STARTED',
  'IN_PROGRESS',
  'PARTIALLY_IMPLEMENTED',
  'IMPLEMENTED',
  'STALLED',
  'NO_LONGER_RELEVANT',
] as const;

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

/** Weighted progress in [0, 1], or null when no item counts (all no longer relevant, or none). */
export function weightedProgress(statuses: Iterable<Status>): number | null {
  let sum = 0;
  let counted = 0;
  for (const status of statuses) {
    const weight = STATUS_WEIGHT[status];
    if (weight === null) continue;
    sum += weight;
    counted += 1;
  }
  return counted === 0 ? null : sum / counted;
}

export const PRIORITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PRIORITY_LABEL: Record<Priority, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High' };
