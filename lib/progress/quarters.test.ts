import { describe, expect, it } from 'vitest';
import { parseDateOnly, toDateOnly } from '@/lib/dates';
import { dashboardQuarters, parseQuarter, previousQuarter, quarterEnd, quarterKey, quarterLabel, quarterOf, quarterStart, quartersBetween } from './quarters';

const day = (text: string) => parseDateOnly(text)!;

describe('quarters', () => {
  it('a date falls in the quarter of its UTC calendar month', () => {
    expect(quarterOf(day('2015-01-01'))).toEqual({ year: 2015, quarter: 1 });
    expect(quarterOf(day('2015-03-31'))).toEqual({ year: 2015, quarter: 1 });
    expect(quarterOf(day('2015-04-01'))).toEqual({ year: 2015, quarter: 2 });
    expect(quarterOf(day('2015-12-31'))).toEqual({ year: 2015, quarter: 4 });
    // Late in the evening UTC is still the same calendar day.
    expect(quarterOf(new Date('2015-06-30T23:59:59.999Z'))).toEqual({ year: 2015, quarter: 2 });
  });

  it('a quarter starts on its first day and ends on its last day, inclusive', () => {
    expect(toDateOnly(quarterStart({ year: 2024, quarter: 1 }))).toBe('2024-01-01');
    expect(toDateOnly(quarterEnd({ year: 2024, quarter: 1 }))).toBe('2024-03-31');
    expect(toDateOnly(quarterEnd({ year: 2024, quarter: 2 }))).toBe('2024-06-30');
    expect(toDateOnly(quarterEnd({ year: 2024, quarter: 3 }))).toBe('2024-09-30');
    expect(toDateOnly(quarterEnd({ year: 2024, quarter: 4 }))).toBe('2024-12-31');
  });

  it('labels and keys spell the quarter for people and for URLs', () => {
    expect(quarterLabel({ year: 2015, quarter: 1 })).toBe('2015 Q1');
    expect(quarterKey({ year: 2026, quarter: 3 })).toBe('2026-Q3');
  });

  it('parses "YYYY-Qn" and nothing else', () => {
    expect(parseQuarter('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    for (const bad of ['2026-Q5', '2026-Q0', '2026Q3', '2026-q3', '26-Q3', ' 2026-Q3', '1800-Q1', '']) {
      expect(parseQuarter(bad), bad).toBeNull();
    }
  });

  it('steps back across a year boundary', () => {
    expect(previousQuarter({ year: 2016, quarter: 1 })).toEqual({ year: 2015, quarter: 4 });
  });

  it('lists every quarter between two, both included', () => {
    expect(quartersBetween({ year: 2015, quarter: 3 }, { year: 2016, quarter: 2 }).map(quarterKey)).toEqual(['2015-Q3', '2015-Q4', '2016-Q1', '2016-Q2']);
    expect(quartersBetween({ year: 2016, quarter: 2 }, { year: 2015, quarter: 3 })).toEqual([]);
  });

  it('dashboard quarters run from the first seminar to the as-of date, measured at the as-of date in its quarter', () => {
    const points = dashboardQuarters({ firstSeminarDate: day('2015-02-12'), asOf: day('2015-11-05') });
    expect(points.map((p) => p.label)).toEqual(['2015 Q1', '2015 Q2', '2015 Q3', '2015 Q4']);
    expect(points.map((p) => toDateOnly(p.at))).toEqual(['2015-03-31', '2015-06-30', '2015-09-30', '2015-11-05']);
  });

  it('dashboard quarters are narrowed by from and to, never beyond the seminars or the as-of date', () => {
    const base = { firstSeminarDate: day('2015-02-12'), asOf: day('2016-05-01') };
    const keys = (from?: string, to?: string) =>
      dashboardQuarters({ ...base, from: from ? parseQuarter(from)! : undefined, to: to ? parseQuarter(to)! : undefined }).map((p) => p.key);
    expect(keys('2015-Q3', '2015-Q4')).toEqual(['2015-Q3', '2015-Q4']);
    expect(keys('2010-Q1', '2030-Q4')).toEqual(['2015-Q1', '2015-Q2', '2015-Q3', '2015-Q4', '2016-Q1', '2016-Q2']);
    expect(keys('2016-Q2', '2015-Q1')).toEqual([]);
    expect(dashboardQuarters({ firstSeminarDate: null, asOf: day('2016-05-01') })).toEqual([]);
  });
});
