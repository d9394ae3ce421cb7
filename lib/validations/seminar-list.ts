import { z } from 'zod';

export const SEMINAR_PAGE_SIZE = 20;

/** The seminars page's URL (/seminars?page=N). */
export const seminarListQuerySchema = z.object({
  page: z.coerce
    .number({ error: 'Use a page number from 1.' })
    .int('Use a page number from 1.')
    .min(1, 'Use a page number from 1.')
    .max(100_000, 'Use a page number from 1.')
    .default(1),
});

export type SeminarListQuery = z.output<typeof seminarListQuerySchema>;

/**
 * Reads the page's URL leniently: a page number that cannot be read shows the first page with a
 * notice, rather than an error page for a mistyped link.
 */
export function parseSeminarListQuery(raw: Record<string, string | string[] | undefined>): { query: SeminarListQuery; error: string | null } {
  const page = Array.isArray(raw.page) ? raw.page[0] : raw.page;
  const parsed = seminarListQuerySchema.safeParse({ page: page === '' ? undefined : page });
  if (parsed.success) return { query: parsed.data, error: null };
  return { query: { page: 1 }, error: `“${page}” is not a page number; showing the first page.` };
}
