import { describe, expect, it } from 'vitest';
import { weightedProgress } from './metrics';
import { STATUS_WEIGHT, STATUSES } from './status';

describe('status weights', () => {
  it('every status has a documented weight, and only NO_LONGER_RELEVANT has none', () => {
    expect(STATUSES.filter((s) => STATUS_WEIGHT[s] === null)).toEqual(['NO_LONGER_RELEVANT']);
    expect(STATUS_WEIGHT).toMatchObject({ NOT_STARTED: 0, IN_PROGRESS: 0.25, PARTIALLY_IMPLEMENTED: 0.5, IMPLEMENTED: 1, STALLED: 0 });
  });

  it('weighted progress leaves no-longer-relevant items out of the denominator', () => {
    expect(weightedProgress(['IMPLEMENTED', 'NOT_STARTED', 'NO_LONGER_RELEVANT'])).toBe(0.5);
    expect(weightedProgress(['IN_PROGRESS', 'PARTIALLY_IMPLEMENTED', 'STALLED', 'IMPLEMENTED'])).toBeCloseTo(0.4375);
  });

  it('is undefined (null) when nothing counts', () => {
    expect(weightedProgress([])).toBeNull();
    expect(weightedProgress(['NO_LONGER_RELEVANT'])).toBeNull();
  });
});
