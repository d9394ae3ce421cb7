import { describe, expect, it } from 'vitest';
import { combinePoints } from './progress-series';

describe('combining groups\u2019 points of a quarter', () => {
  it('combine points: adds the counts and weighs progress by the counted items of each group', () => {
    const combined = combinePoints([
      { quarter: '2026-Q3', items: 10, counted: 8, progress: 0.5, implemented: 3 },
      { quarter: '2026-Q3', items: 4, counted: 2, progress: 1, implemented: 2 },
      { quarter: '2026-Q3', items: 1, counted: 0, progress: null, implemented: 0 },
    ]);
    expect(combined).toEqual({ quarter: '2026-Q3', items: 15, counted: 10, progress: 0.6, implemented: 5 });
  });

  it('combine points: no counted item gives no progress, not zero', () => {
    expect(combinePoints([{ quarter: '2026-Q3', items: 2, counted: 0, progress: null, implemented: 0 }]).progress).toBeNull();
    expect(combinePoints([])).toEqual({ quarter: '', items: 0, counted: 0, progress: null, implemented: 0 });
  });
});
