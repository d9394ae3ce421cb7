import { describe, expect, it } from 'vitest';
import { mostRecentSeminars, RECENT_SEMINARS } from './recent-seminars';

const seminars = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i + 1}`, date: `20${String(10 + i).padStart(2, '0')}-06-01` }));

describe('most recent seminars on the dashboard', () => {
  it('recent seminars: keeps the twelve newest, oldest first, and counts the ones left out', () => {
    const { shown, total, leftOut } = mostRecentSeminars(seminars(14));
    expect(RECENT_SEMINARS).toBe(12);
    expect(shown.map((s) => s.id)).toEqual(['s3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 's12', 's13', 's14']);
    expect({ total, leftOut }).toEqual({ total: 14, leftOut: 2 });
  });

  it('recent seminars: shows every seminar and leaves none out when there are twelve or fewer', () => {
    expect(mostRecentSeminars(seminars(12))).toMatchObject({ total: 12, leftOut: 0 });
    expect(mostRecentSeminars(seminars(12)).shown).toHaveLength(12);
    expect(mostRecentSeminars(seminars(2)).shown.map((s) => s.id)).toEqual(['s1', 's2']);
    expect(mostRecentSeminars([])).toEqual({ shown: [], total: 0, leftOut: 0 });
  });
});
