import { z } from 'zod';
import { isUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';

/** Seminars per page, on the seminars page and on the admin page that lists them. */
export const SEMINAR_PAGE_SIZE = 20;
/** The longest search the admin seminar page takes (the search box's maxLength). */
export const SEMINAR_SEARCH_MAX = 200;

const PAGE_MESSAGE = 'Use a page number from 1.';
const pageNumber = z.coerce.number({ error: PAGE_MESSAGE }).int(PAGE_MESSAGE).min(1, PAGE_MESSAGE).max(100_000, PAGE_MESSAGE).default(1);

/** The seminars page's URL (/seminars?page=N). */
export const seminarListQuerySchema = z.object({ page: pageNumber });

export type SeminarListQuery = z.output<typeof seminarListQuerySchema>;

type RawQuery = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const notAPage = (page: string | undefined) => `“${page}” is not a page number; showing the first page.`;

/**
 * Reads the page's URL leniently: a page number that cannot be read shows the first page with a
 * notice, rather than an error page for a mistyped link.
 */
export function parseSeminarListQuery(raw: RawQuery): { query: SeminarListQuery; error: string | null } {
  const page = one(raw.page);
  const parsed = seminarListQuerySchema.safeParse({ page: page === '' ? undefined : page });
  if (parsed.success) return { query: parsed.data, error: null };
  return { query: { page: 1 }, error: notAPage(page) };
}

/** The admin seminar page's URL (/admin/seminars?q=...&page=N): a page of the seminars whose title or code prefix contains `q`. */
export const adminSeminarListQuerySchema = z.object({
  page: pageNumber,
  q: z
    .string()
    .trim()
    .max(SEMINAR_SEARCH_MAX, `Search for at most ${SEMINAR_SEARCH_MAX} characters.`)
    // A NUL reaching PostgreSQL is an error, not an empty result.
    .refine((value) => !isUnstorableText(value), UNSTORABLE_TEXT_MESSAGE)
    .optional()
    // A blank search box is no search.
    .transform((value) => value || undefined),
});

export type AdminSeminarListQuery = z.output<typeof adminSeminarListQuerySchema>;

/** The first `max` UTF-16 units of `text` (what a length limit counts), never ending in half of a surrogate pair. */
function cutText(text: string, max: number): string {
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * The admin seminar page's URL, read leniently: a page number that cannot be read shows the first
 * page, a search longer than the box allows is cut to its limit, and one that cannot be searched for
 * (a NUL, a broken character) is left out; each with a notice, never an error page.
 */
export function parseAdminSeminarListQuery(raw: RawQuery): { query: AdminSeminarListQuery; notices: string[] } {
  const page = one(raw.page);
  const input = { page: page === '' ? undefined : page, q: one(raw.q) };
  const first = adminSeminarListQuerySchema.safeParse(input);
  if (first.success) return { query: first.data, notices: [] };

  const notices: string[] = [];
  const issues = first.error.issues;
  if (issues.some((issue) => issue.path[0] === 'page')) {
    input.page = undefined;
    notices.push(notAPage(page));
  }
  const searchIssues = issues.filter((issue) => issue.path[0] === 'q');
  if (searchIssues.length > 0 && input.q !== undefined) {
    if (searchIssues.every((issue) => issue.code === 'too_big')) {
      input.q = cutText(input.q.trim(), SEMINAR_SEARCH_MAX);
      notices.push(`The search was cut to its first ${SEMINAR_SEARCH_MAX} characters.`);
    } else {
      input.q = undefined;
      notices.push('The search held a character that cannot be searched for (a NUL or a broken character); showing every report.');
    }
  }
  const second = adminSeminarListQuerySchema.safeParse(input);
  return { query: second.success ? second.data : { page: 1, q: undefined }, notices };
}
