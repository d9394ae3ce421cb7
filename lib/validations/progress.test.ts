import { describe, expect, it } from 'vitest';
import { toDateOnly, today } from '@/lib/dates';
import { parseProgressQueryLeniently, progressQuerySchema, progressQueryToSearchParams } from './progress';
import { fieldErrors } from './form-data';

const tomorrow = () => toDateOnly(new Date(today().getTime() + 86_400_000));

describe('progress query', () => {
  it('defaults: by theme, per quarter, lines, no filters', () => {
    expect(progressQuerySchema.parse({})).toEqual({ by: 'theme', interval: 'quarter', chart: 'line', seminar: [], theme: [], sector: [] });
  });

  it('reads quarters, the as-of date and repeated ids', () => {
    const query = progressQuerySchema.parse({
      by: 'sector',
      from: '2015-Q1',
      to: '2016-Q4',
      asOf: '2016-03-31',
      seminar: ['s1', 's2'],
      theme: 't1',
      sector: '',
    });
    expect(query).toMatchObject({
      by: 'sector',
      from: { year: 2015, quarter: 1 },
      to: { year: 2016, quarter: 4 },
      seminar: ['s1', 's2'],
      theme: ['t1'],
      sector: [],
    });
    expect(toDateOnly(query.asOf!)).toBe('2016-03-31');
  });

  it('refuses bad values with a message per field', () => {
    const result = progressQuerySchema.safeParse({ by: 'colour', interval: 'month', from: '2015Q1', asOf: tomorrow(), chart: 'pie' });
    expect(result.success).toBe(false);
    const fields = fieldErrors(result.error!);
    expect(Object.keys(fields).sort()).toEqual(['asOf', 'by', 'chart', 'from', 'interval']);
    expect(fields.asOf![0]).toMatch(/cannot be in the future/);
    expect(fields.from![0]).toMatch(/YYYY-Qn/);
  });

  it('refuses a last quarter before the first', () => {
    const result = progressQuerySchema.safeParse({ from: '2016-Q1', to: '2015-Q4' });
    expect(fieldErrors(result.error!)).toEqual({ to: ['The last quarter cannot be before the first quarter.'] });
  });

  it('the page keeps what it can read and reports the rest by field, with what was typed', () => {
    const { query, errors, typed } = parseProgressQueryLeniently({ asOf: '2016-02-30', theme: ['t1'], chart: 'area', page: '2' });
    expect(query).toMatchObject({ theme: ['t1'], chart: 'area' });
    expect(query.asOf).toBeUndefined();
    expect(Object.keys(errors)).toEqual(['asOf']);
    expect(typed.asOf).toBe('2016-02-30');
  });

  it('writes the query back as URL parameters, defaults left out', () => {
    const query = progressQuerySchema.parse({ from: '2015-Q2', asOf: '2016-03-31', seminar: ['s1'], sector: ['x', 'y'] });
    expect(progressQueryToSearchParams(query).toString()).toBe('seminar=s1&sector=x&sector=y&from=2015-Q2&asOf=2016-03-31');
    expect(progressQueryToSearchParams(query, { chart: 'area' }).get('chart')).toBe('area');
  });
});
