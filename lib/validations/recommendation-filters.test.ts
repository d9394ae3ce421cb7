import { describe, expect, it } from 'vitest';
import {
  DEFAULT_FILTERS,
  decodeCursor,
  encodeCursor,
  filtersToSearchParams,
  hasActiveFilters,
  parseFiltersLeniently,
  recommendationFiltersSchema,
  searchParamsToObject,
} from './recommendation-filters';

const parse = (query: string) => recommendationFiltersSchema.safeParse(searchParamsToObject(new URLSearchParams(query)));

function fieldErrorsOf(query: string): Record<string, string[]> {
  const result = parse(query);
  expect(result.success).toBe(false);
  const fields: Record<string, string[]> = {};
  for (const issue of result.error!.issues) (fields[String(issue.path[0])] ??= []).push(issue.message);
  return fields;
}

describe('recommendation filters: reading a query string', () => {
  it('filters: no parameters mean everything not archived, by code, 25 a page', () => {
    expect(DEFAULT_FILTERS).toMatchObject({
      seminar: [],
      theme: [],
      sector: [],
      status: [],
      priority: [],
      stale: false,
      staleDays: 180,
      overdue: false,
      includeArchived: false,
      sort: 'code',
      dir: 'asc',
      pageSize: 25,
    });
    expect(DEFAULT_FILTERS.q).toBeUndefined();
    expect(DEFAULT_FILTERS.page).toBeUndefined();
    expect(hasActiveFilters(DEFAULT_FILTERS)).toBe(false);
  });

  it('filters: repeated keys are lists, a single key is a one-item list, blanks are ignored', () => {
    const result = parse('status=IN_PROGRESS&status=STALLED&theme=t1&sector=&priority=HIGH&q=%20%20');
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ status: ['IN_PROGRESS', 'STALLED'], theme: ['t1'], sector: [], priority: ['HIGH'] });
    expect(result.data!.q).toBeUndefined();
  });

  it('filters: switches accept true/false, 1/0 and a ticked checkbox', () => {
    expect(parse('stale=on&overdue=1&includeArchived=true').data).toMatchObject({ stale: true, overdue: true, includeArchived: true });
    expect(parse('stale=false&overdue=0').data).toMatchObject({ stale: false, overdue: false });
  });

  it('filters: numbers are checked against their ranges', () => {
    expect(parse('staleDays=30&pageSize=100&page=3').data).toMatchObject({ staleDays: 30, pageSize: 100, page: 3 });
    const errors = fieldErrorsOf('staleDays=0&pageSize=101&page=0');
    expect(Object.keys(errors).sort()).toEqual(['page', 'pageSize', 'staleDays']);
    expect(fieldErrorsOf('staleDays=3651').staleDays).toEqual(['Use a whole number of days from 1 to 3650.']);
    expect(fieldErrorsOf('pageSize=2.5').pageSize).toBeDefined();
  });

  it('filters: unknown statuses, priorities, sorts and directions are refused by field', () => {
    const errors = fieldErrorsOf('status=DONE&priority=URGENT&sort=colour&dir=up&stale=maybe');
    expect(Object.keys(errors).sort()).toEqual(['dir', 'priority', 'sort', 'stale', 'status']);
    expect(errors.status).toEqual(['Choose a status from the list.']);
  });

  it('filters: a search is trimmed and at most 200 characters', () => {
    expect(parse('q=%20Trade%20').data!.q).toBe('Trade');
    expect(fieldErrorsOf(`q=${'a'.repeat(201)}`).q).toEqual(['Search for at most 200 characters.']);
  });
});

describe('recommendation filters: cursors', () => {
  const cursor = encodeCursor({ sort: 'updated', dir: 'desc', values: [new Date('2024-03-01T10:00:00.000Z'), 'abc'] });

  it('cursor: round-trips, dates included', () => {
    expect(decodeCursor(cursor)).toEqual({ sort: 'updated', dir: 'desc', values: [new Date('2024-03-01T10:00:00.000Z'), 'abc'] });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('cursor: accepted with its own sort and decoded into `after`', () => {
    const result = parse(`sort=updated&dir=desc&cursor=${cursor}`);
    expect(result.success).toBe(true);
    expect(result.data!.after).toEqual({ sort: 'updated', dir: 'desc', values: [new Date('2024-03-01T10:00:00.000Z'), 'abc'] });
  });

  it('cursor: refused with another sort, when garbled, or together with a page number', () => {
    expect(fieldErrorsOf(`sort=title&cursor=${cursor}`).cursor![0]).toMatch(/belongs to sort=updated&dir=desc/);
    expect(fieldErrorsOf('cursor=bm90LWpzb24').cursor).toEqual(['This cursor is not valid: use the nextCursor of a previous page.']);
    expect(fieldErrorsOf('cursor=not*base64').cursor).toEqual(['This cursor is not valid.']);
    expect(fieldErrorsOf(`sort=updated&dir=desc&page=2&cursor=${cursor}`).cursor).toEqual(['Send either page or cursor, not both.']);
  });

  it('cursor: values of the wrong kind for the sort are refused', () => {
    const forged = Buffer.from(JSON.stringify(['seminar', 'asc', '2024-01-01', 'x', 'not-a-number', 'y'])).toString('base64url');
    expect(decodeCursor(forged)).toBeNull();
    const short = Buffer.from(JSON.stringify(['code', 'asc'])).toString('base64url');
    expect(decodeCursor(short)).toBeNull();
  });
});

describe('recommendation filters: the page reads its URL leniently', () => {
  it('lenient: drops only the values it cannot read, and says which', () => {
    const { filters, ignored } = parseFiltersLeniently({ status: ['IN_PROGRESS', 'DONE', 'STALLED', 'NOPE'], pageSize: '500', q: 'trade' });
    expect(filters.status).toEqual(['IN_PROGRESS', 'STALLED']);
    expect(filters.pageSize).toBe(25);
    expect(filters.q).toBe('trade');
    expect(ignored.map((entry) => `${entry.param}=${entry.value}`).sort()).toEqual(['pageSize=500', 'status=DONE', 'status=NOPE']);
  });

  it('lenient: parameters it does not know are not filters and are not reported', () => {
    const { filters, ignored } = parseFiltersLeniently({ utm_source: 'mail', sort: 'title' });
    expect(filters.sort).toBe('title');
    expect(ignored).toEqual([]);
  });

  it('lenient: a valid URL is read as it is', () => {
    const { filters, ignored } = parseFiltersLeniently({ seminar: 's1', stale: 'true', staleDays: '30', sort: 'seminar', dir: 'desc', page: '2' });
    expect(ignored).toEqual([]);
    expect(filters).toMatchObject({ seminar: ['s1'], stale: true, staleDays: 30, sort: 'seminar', dir: 'desc', page: 2 });
  });
});

describe('recommendation filters: back to a query string', () => {
  it('links: defaults are left out and the round trip gives the same filters', () => {
    expect(filtersToSearchParams(DEFAULT_FILTERS).toString()).toBe('');
    const query = 'q=trade&seminar=s1&seminar=s2&status=STALLED&stale=true&staleDays=30&overdue=true&sort=title&dir=desc&pageSize=50';
    const filters = parse(query).data!;
    const again = parse(filtersToSearchParams(filters).toString()).data!;
    expect(again).toEqual(filters);
    expect(hasActiveFilters(filters)).toBe(true);
  });

  it('links: changing the sort or filters starts again at page 1 unless a page is asked for', () => {
    const filters = parse('page=3&sort=title').data!;
    expect(filtersToSearchParams(filters, { sort: 'code', dir: 'desc' }).get('page')).toBeNull();
    expect(filtersToSearchParams(filters, { page: 4 }).get('page')).toBe('4');
    expect(filtersToSearchParams(filters, { page: 1 }).get('page')).toBeNull();
  });

  it('links: staleDays is kept only while the stale filter is on', () => {
    const filters = parse('staleDays=30').data!;
    expect(filtersToSearchParams(filters).get('staleDays')).toBeNull();
    expect(filtersToSearchParams(filters, { stale: true }).get('staleDays')).toBe('30');
  });
});
