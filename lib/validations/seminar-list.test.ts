import { expect, it } from 'vitest';
import { parseAdminSeminarListQuery, SEMINAR_SEARCH_MAX } from './seminar-list';

it('admin seminars: the search is trimmed and a blank one is no search', () => {
  expect(parseAdminSeminarListQuery({ q: '  Russia ', page: '2' })).toEqual({ query: { page: 2, q: 'Russia' }, notices: [] });
  expect(parseAdminSeminarListQuery({ q: '   ' })).toEqual({ query: { page: 1, q: undefined }, notices: [] });
  expect(parseAdminSeminarListQuery({})).toEqual({ query: { page: 1, q: undefined }, notices: [] });
  expect(parseAdminSeminarListQuery({ q: ['first', 'second'] }).query.q).toBe('first');
});

it('admin seminars: a page number that cannot be read shows the first page, keeping the search, and says so', () => {
  expect(parseAdminSeminarListQuery({ q: 'Russia', page: 'two' })).toEqual({
    query: { page: 1, q: 'Russia' },
    notices: ['“two” is not a page number; showing the first page.'],
  });
  expect(parseAdminSeminarListQuery({ page: '0' }).notices).toHaveLength(1);
  expect(parseAdminSeminarListQuery({ page: '' })).toEqual({ query: { page: 1, q: undefined }, notices: [] });
});

it('admin seminars: a search too long is cut to its limit (never through an emoji), and one that cannot be searched for is left out, each with a notice', () => {
  const long = parseAdminSeminarListQuery({ q: 'x'.repeat(SEMINAR_SEARCH_MAX + 50), page: '3' });
  expect(long.query).toEqual({ page: 3, q: 'x'.repeat(SEMINAR_SEARCH_MAX) });
  expect(long.notices).toEqual([`The search was cut to its first ${SEMINAR_SEARCH_MAX} characters.`]);

  // An emoji is two UTF-16 units: the cut falls between them and drops the half.
  const emoji = parseAdminSeminarListQuery({ q: `${'x'.repeat(SEMINAR_SEARCH_MAX - 1)}😀😀` });
  expect(emoji.query.q).toBe('x'.repeat(SEMINAR_SEARCH_MAX - 1));

  for (const q of ['Rus\u0000sia', 'Rus\uD800sia']) {
    const refused = parseAdminSeminarListQuery({ q, page: 'x' });
    expect(refused.query).toEqual({ page: 1, q: undefined });
    expect(refused.notices).toHaveLength(2);
  }
});
