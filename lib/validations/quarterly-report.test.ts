import { afterEach, describe, expect, it, vi } from 'vitest';
import { fieldErrors } from './form-data';
import { lastCompleteQuarter, parseReportQueryLeniently, quarterlyReportQuerySchema, reportFileName, reportSearchParams } from './quarterly-report';

afterEach(() => vi.useRealTimers());

describe('quarterly report input', () => {
  it('report input: defaults to the last complete quarter, a PDF, the items CSV and no filters', () => {
    vi.useFakeTimers({ now: new Date('2026-08-20T12:00:00Z'), toFake: ['Date'] });
    expect(lastCompleteQuarter()).toEqual({ year: 2026, quarter: 2 });
    expect(quarterlyReportQuerySchema.parse({})).toEqual({
      quarter: { year: 2026, quarter: 2 },
      format: 'pdf',
      csv: 'items',
      seminar: [],
      theme: [],
      sector: [],
    });
    expect(quarterlyReportQuerySchema.parse({ quarter: '', format: '' }).quarter).toEqual({ year: 2026, quarter: 2 });
    // In January the last complete quarter is the previous year's fourth.
    vi.setSystemTime(new Date('2027-01-03T00:00:00Z'));
    expect(lastCompleteQuarter()).toEqual({ year: 2026, quarter: 4 });
  });

  it('report input: the quarter in progress is allowed, a future quarter and bad spellings are refused with field errors', () => {
    vi.useFakeTimers({ now: new Date('2026-08-20T12:00:00Z'), toFake: ['Date'] });
    expect(quarterlyReportQuerySchema.parse({ quarter: '2026-Q3' }).quarter).toEqual({ year: 2026, quarter: 3 });
    const future = quarterlyReportQuerySchema.safeParse({ quarter: '2026-Q4' });
    expect(future.success).toBe(false);
    expect(fieldErrors(future.error!).quarter).toEqual(['The quarter cannot be in the future (the current quarter is 2026-Q3).']);
    for (const quarter of ['2026-Q5', '2026Q1', 'Q1-2026', '1800-Q1']) {
      const result = quarterlyReportQuerySchema.safeParse({ quarter });
      expect(fieldErrors(result.error!).quarter, quarter).toEqual(['Enter a quarter as YYYY-Qn, e.g. 2026-Q3.']);
    }
    const bad = quarterlyReportQuerySchema.safeParse({ format: 'docx', csv: 'both', seminar: ['ok', 'x'.repeat(80)] });
    expect(Object.keys(fieldErrors(bad.error!)).sort()).toEqual(['csv', 'format', 'seminar.1']);
  });

  it('report input: filters are lists, repeated keys or one value; the page keeps what it can read', () => {
    const query = quarterlyReportQuerySchema.parse({ quarter: '2015-Q3', seminar: 's1', theme: ['t1', 't2'], sector: '' });
    expect(query).toMatchObject({ seminar: ['s1'], theme: ['t1', 't2'], sector: [] });
    expect(reportSearchParams(query).toString()).toBe('quarter=2015-Q3&seminar=s1&theme=t1&theme=t2');
    expect(reportSearchParams(query, { format: 'csv', csv: 'changes' }).toString()).toBe('quarter=2015-Q3&format=csv&csv=changes&seminar=s1&theme=t1&theme=t2');

    const lenient = parseReportQueryLeniently({ quarter: '2015-Q9', seminar: 's1' });
    expect(lenient.errors.quarter).toEqual(['Enter a quarter as YYYY-Qn, e.g. 2026-Q3.']);
    expect(lenient.typed.quarter).toBe('2015-Q9');
    expect(lenient.query.seminar).toEqual(['s1']);
    expect(lenient.query.quarter).toEqual(lastCompleteQuarter());
  });

  it('report input: file names say the quarter and, for CSV, which table', () => {
    expect(reportFileName('2026-Q3', 'pdf')).toBe('tracker-2026-Q3.pdf');
    expect(reportFileName('2026-Q3', 'xlsx')).toBe('tracker-2026-Q3.xlsx');
    expect(reportFileName('2026-Q3', 'csv', 'changes')).toBe('tracker-2026-Q3-changes.csv');
  });
});
