import { z } from 'zod';
import { isUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';
import { DEFAULT_STALE_DAYS } from '@/lib/status/metrics';
import { PRIORITIES, STATUSES } from '@/lib/status/status';

// The recommendation list's filters: ONE schema for the page's URL (/recommendations?...) and the
// API's query string (GET /api/v1/recommendations?...). Both arrive as strings and repeated keys;
// the page parses leniently (dropping what it cannot read, with a notice), the API strictly (400).

export const SORT_KEYS = ['code', 'title', 'status', 'priority', 'activity', 'updated', 'seminar'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const SORT_LABEL: Record<SortKey, string> = {
  code: 'Code',
  title: 'Title',
  status: 'Status',
  priority: 'Priority',
  // The item's last status change or evidence: what "stale" is measured from (lib/status/metrics.ts).
  activity: 'Last update',
  // The record's last edit of any kind (a theme, a correction): for API clients that sync.
  updated: 'Last edit of the record',
  seminar: 'Seminar',
};
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export const THEME_SCOPES = ['any', 'primary'] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
export const PAGE_SIZES = [10, 25, 50, 100] as const;

/**
 * What a keyset cursor holds per sort: the sort key's value, then the tie-breakers, so the next page
 * starts strictly after the last row shown even if rows were added or edited meanwhile.
 */
const CURSOR_VALUE_TYPES: Record<SortKey, readonly ('string' | 'date' | 'number')[]> = {
  code: ['string'],
  title: ['string', 'string'],
  status: ['string', 'string'],
  priority: ['number', 'string'],
  activity: ['date', 'string'],
  updated: ['date', 'string'],
  seminar: ['date', 'string', 'number', 'string'],
};

export type CursorValue = string | number | Date;
export type CursorPosition = { sort: SortKey; dir: SortDirection; values: CursorValue[] };

/** Opaque to clients: base64url of [sort, dir, ...values], dates as ISO text. */
export function encodeCursor(position: CursorPosition): string {
  const values = position.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  return Buffer.from(JSON.stringify([position.sort, position.dir, ...values]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): CursorPosition | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const [sort, dir, ...raw] = parsed as unknown[];
  if (!(SORT_KEYS as readonly unknown[]).includes(sort) || !(SORT_DIRECTIONS as readonly unknown[]).includes(dir)) return null;
  const types = CURSOR_VALUE_TYPES[sort as SortKey];
  if (raw.length !== types.length) return null;
  const values: CursorValue[] = [];
  for (const [index, type] of types.entries()) {
    const value = raw[index];
    if (type === 'number') {
      if (typeof value !== 'number' || !Number.isInteger(value)) return null;
      values.push(value);
    } else if (typeof value !== 'string' || value.length > 2000) {
      return null;
    } else if (type === 'date') {
      const date = new Date(value);
      if (Number.isNaN(date.getTime())) return null;
      values.push(date);
    } else {
      values.push(value);
    }
  }
  return { sort: sort as SortKey, dir: dir as SortDirection, values };
}

const CURSOR_TEXT = /^[A-Za-z0-9_-]+$/;

/** One query-string value or several (repeated keys); blanks dropped, so an empty <select> is "any". */
function toList(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((entry) => !(typeof entry === 'string' && entry.trim() === ''));
}

function multi<T extends z.ZodType>(item: T, description: string) {
  return z.preprocess(toList, z.array(item).max(50, 'Choose at most 50.')).meta({ description });
}

// A NUL reaching PostgreSQL is an error, not an empty result: refused here, so a page drops it as unreadable.
const storable = (value: string) => !isUnstorableText(value);
const idItem = (what: string) =>
  z.string().trim().min(1, `Choose a ${what} from the list.`).max(64, `Choose a ${what} from the list.`).refine(storable, UNSTORABLE_TEXT_MESSAGE);

/** A yes/no switch: true/false, 1/0, on/off (what a ticked checkbox sends), yes/no. */
const flag = (description: string) =>
  z
    .stringbool({
      truthy: ['true', '1', 'on', 'yes'],
      falsy: ['false', '0', 'off', 'no'],
      error: 'Use true or false.',
    })
    .default(false)
    .meta({ description: `${description} true or false (default false).` });

/** A blank text box is the same as leaving the parameter out. */
function blankIsAbsent(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const wholeNumber = (min: number, max: number, message: string) =>
  z.preprocess(blankIsAbsent, z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).optional());

const filterFields = {
  seminar: multi(idItem('seminar'), 'Seminar id; repeat for several (any of them).'),
  theme: multi(idItem('theme'), 'Theme id, matching the primary or a secondary theme (see themeScope); repeat for several (any of them).'),
  themeScope: z
    .preprocess(blankIsAbsent, z.enum(THEME_SCOPES, { error: 'Theme scope is any or primary.' }).default('any'))
    .meta({ description: 'any (default): the theme filter matches primary or secondary themes; primary: the primary theme only, as the dashboard counts.' }),
  sector: multi(idItem('sector'), 'Owner sector id; repeat for several (any of them).'),
  status: multi(z.enum(STATUSES, { error: 'Choose a status from the list.' }), 'Current status; repeat for several (any of them).'),
  priority: multi(z.enum(PRIORITIES, { error: 'Choose a priority: LOW, MEDIUM or HIGH.' }), 'Priority; repeat for several (any of them).'),
  stale: flag('Only open items (not implemented or no longer relevant) with no status change or evidence for staleDays days.'),
  staleDays: wholeNumber(1, 3650, 'Use a whole number of days from 1 to 3650.').meta({
    description: `Days without activity that make an item stale (default ${DEFAULT_STALE_DAYS}).`,
  }),
  overdue: flag('Only items past their target date that are not implemented or no longer relevant.'),
  recurring: flag('Only recurring items: linked to the same ask made at another seminar.'),
  includeArchived: flag('Include withdrawn items (entered by mistake; kept, but left out of counts).'),
  q: z
    .preprocess(blankIsAbsent, z.string().trim().max(200, 'Search for at most 200 characters.').refine(storable, UNSTORABLE_TEXT_MESSAGE).optional())
    .meta({ description: 'Words to find in the code, title, text or evidence notes (case-insensitive).' }),
  sort: z.preprocess(blankIsAbsent, z.enum(SORT_KEYS, { error: `Sort by one of: ${SORT_KEYS.join(', ')}.` }).default('code')).meta({
    description:
      'Sort by code, title, status, priority (low to high; desc puts high first), activity (last status change or evidence, as the stale filter), updated (last edit of the record) or seminar (date, then order in the report).',
  }),
  dir: z
    .preprocess(blankIsAbsent, z.enum(SORT_DIRECTIONS, { error: 'Sort direction is asc or desc.' }).default('asc'))
    .meta({ description: 'Sort direction.' }),
  pageSize: wholeNumber(1, MAX_PAGE_SIZE, `Use a page size from 1 to ${MAX_PAGE_SIZE}.`).meta({
    description: `Items per page (default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}).`,
  }),
  page: wholeNumber(1, 100_000, 'Use a page number from 1.').meta({ description: 'Page number, from 1 (the web page uses this; the API prefers cursor).' }),
  cursor: z
    .preprocess(blankIsAbsent, z.string().max(3000, 'This cursor is not valid.').regex(CURSOR_TEXT, 'This cursor is not valid.').optional())
    .meta({ description: 'Opaque: the nextCursor of the previous page, with the same sort and dir.' }),
};

export const recommendationFiltersSchema = z
  .object(filterFields)
  .superRefine((value, context) => {
    // zod runs this even when a field failed: a cursor already refused as text is not decoded.
    if (value.cursor === undefined || !CURSOR_TEXT.test(value.cursor) || value.cursor.length > 3000) return;
    if (value.page !== undefined) {
      context.addIssue({ code: 'custom', path: ['cursor'], message: 'Send either page or cursor, not both.' });
      return;
    }
    const position = decodeCursor(value.cursor);
    if (!position) {
      context.addIssue({ code: 'custom', path: ['cursor'], message: 'This cursor is not valid: use the nextCursor of a previous page.' });
    } else if (position.sort !== value.sort || position.dir !== value.dir) {
      context.addIssue({
        code: 'custom',
        path: ['cursor'],
        message: `This cursor belongs to sort=${position.sort}&dir=${position.dir}: keep the sort of the page it came from, or start again without a cursor.`,
      });
    }
  })
  .transform(({ cursor, staleDays, pageSize, ...rest }) => ({
    ...rest,
    staleDays: staleDays ?? DEFAULT_STALE_DAYS,
    pageSize: pageSize ?? DEFAULT_PAGE_SIZE,
    cursor,
    /** The decoded cursor (checked above); undefined on the first page. */
    after: cursor === undefined ? undefined : (decodeCursor(cursor) ?? undefined),
  }));

export type RecommendationFilters = z.output<typeof recommendationFiltersSchema>;

/** The parameter names the schema reads, in a stable order (for the OpenAPI parameters and links). */
export const FILTER_PARAMS = Object.keys(filterFields) as (keyof typeof filterFields)[];

/** The default filters: everything not archived, by code, first page. */
export const DEFAULT_FILTERS: RecommendationFilters = recommendationFiltersSchema.parse({});

export type RawParams = Record<string, string | string[] | undefined>;

/** URLSearchParams (the API) as the plain object the schema reads; repeated keys become arrays. */
export function searchParamsToObject(params: URLSearchParams): RawParams {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of params) {
    const existing = out[key];
    out[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export type IgnoredParam = { param: string; value: string; reason: string };

/**
 * The page's reading of its URL: whatever cannot be read is dropped (one value of a repeated key at
 * a time) and reported, so an old bookmark or a hand-edited link still opens a sensible list.
 */
export function parseFiltersLeniently(raw: RawParams): { filters: RecommendationFilters; ignored: IgnoredParam[] } {
  const input: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value !== undefined && (FILTER_PARAMS as string[]).includes(key)) input[key] = value;
  }
  const ignored: IgnoredParam[] = [];
  // Each round drops at least one value, so this ends; the bound is a guard, not a limit in practice.
  for (let round = 0; round < 200; round += 1) {
    const parsed = recommendationFiltersSchema.safeParse(input);
    if (parsed.success) return { filters: parsed.data, ignored };
    // Drop from the end of each list first, so the indexes of the other issues stay right.
    const issues = [...parsed.error.issues].sort((a, b) => Number(b.path[1] ?? -1) - Number(a.path[1] ?? -1));
    let dropped = false;
    for (const issue of issues) {
      const [key, index] = issue.path;
      if (typeof key !== 'string' || !(key in input)) continue;
      const value = input[key]!;
      if (Array.isArray(value) && typeof index === 'number' && index < value.length) {
        ignored.push({ param: key, value: String(value[index]), reason: issue.message });
        input[key] = value.filter((_, position) => position !== index);
      } else {
        ignored.push({ param: key, value: Array.isArray(value) ? value.join(', ') : value, reason: issue.message });
        delete input[key];
      }
      dropped = true;
    }
    if (!dropped) break;
  }
  return { filters: DEFAULT_FILTERS, ignored };
}

type ListParam = 'seminar' | 'theme' | 'sector' | 'status' | 'priority';
const LIST_PARAMS: ListParam[] = ['seminar', 'theme', 'sector', 'status', 'priority'];

/**
 * The filters as a query string, leaving out defaults so links stay short; `changes` overrides
 * fields (e.g. another sort or page). Pagination is not carried unless `changes` sets it.
 */
export function filtersToSearchParams(
  filters: RecommendationFilters,
  changes: Partial<
    Pick<RecommendationFilters, ListParam | 'stale' | 'staleDays' | 'overdue' | 'recurring' | 'includeArchived' | 'q' | 'sort' | 'dir' | 'pageSize' | 'page'>
  > = {},
): URLSearchParams {
  const next = { ...filters, page: undefined, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  for (const key of LIST_PARAMS) for (const value of next[key]) params.append(key, value);
  if (next.theme.length && next.themeScope === 'primary') params.set('themeScope', 'primary');
  if (next.stale) params.set('stale', 'true');
  if (next.stale && next.staleDays !== DEFAULT_STALE_DAYS) params.set('staleDays', String(next.staleDays));
  if (next.overdue) params.set('overdue', 'true');
  if (next.recurring) params.set('recurring', 'true');
  if (next.includeArchived) params.set('includeArchived', 'true');
  if (next.sort !== DEFAULT_FILTERS.sort || next.dir !== DEFAULT_FILTERS.dir) {
    params.set('sort', next.sort);
    params.set('dir', next.dir);
  }
  if (next.pageSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(next.pageSize));
  if (next.page !== undefined && next.page > 1) params.set('page', String(next.page));
  return params;
}

/** Whether any filter narrows the list (sorting and paging do not). */
export function hasActiveFilters(filters: RecommendationFilters): boolean {
  return (
    LIST_PARAMS.some((key) => filters[key].length > 0) || filters.stale || filters.overdue || filters.recurring || filters.includeArchived || Boolean(filters.q)
  );
}
