// A case-insensitive "contains" on a text column that reads the same on both databases: shared by
// the recommendation list's search (lib/recommendations/search-where.ts) and the admin seminar
// search (lib/seminars/list-seminars-for-admin.ts).
import type { Provider } from './config';
import type { StringFilter } from './types';

/** LIKE's wildcards. */
export const LIKE_WILDCARD = /[%_]/;

/**
 * Case-insensitive "contains". Prisma's contains is SQL LIKE with the wildcards % and _ passed
 * through as wildcards. PostgreSQL's LIKE does not ignore case, so it gets ILIKE (mode:
 * 'insensitive') and the wildcards escaped with its default escape character, the backslash.
 * SQLite's LIKE ignores case (ASCII letters) but has no escape character without an ESCAPE clause
 * Prisma cannot write: there, a term matching LIKE_WILDCARD must also be narrowed to the rows that
 * hold it literally (`instr(lower(column), lower(term)) > 0`), which each caller does in raw SQL.
 */
export function containsText<Model>(q: string, provider: Provider): StringFilter<Model> {
  // The app is typed against the SQLite client, whose filter type has no `mode`.
  return (provider === 'postgresql' ? { contains: escapeLike(q), mode: 'insensitive' } : { contains: q }) as StringFilter<Model>;
}

/** PostgreSQL: `q` with LIKE's wildcards (and the escape character, a backslash) escaped. */
export function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (char) => `\\${char}`);
}
