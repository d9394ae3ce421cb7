import { describe, expect, it } from 'vitest';
import { dayChunks } from './day-chunks';

const at = (day: string) => new Date(`${day}T00:00:00.000Z`);

describe('day chunks', () => {
  it('chunks: consecutive days are grouped up to the chunk size, each range ending the day after its last', () => {
    const counts = [
      { day: '2026-07-01T00:00:00.000+00:00', rows: 3 },
      { day: at('2026-07-02'), rows: 2n },
      { day: at('2026-07-05'), rows: 4 },
      { day: at('2026-07-06'), rows: 9 },
      { day: at('2026-07-07'), rows: 1 },
    ];
    expect(dayChunks(counts, 5)).toEqual([
      { from: at('2026-07-01'), until: at('2026-07-03') },
      { from: at('2026-07-05'), until: at('2026-07-06') },
      // A day with more rows than a chunk is a chunk of its own.
      { from: at('2026-07-06'), until: at('2026-07-07') },
      { from: at('2026-07-07'), until: at('2026-07-08') },
    ]);
  });

  it('chunks: no rows, no chunks', () => {
    expect(dayChunks([])).toEqual([]);
  });
});
