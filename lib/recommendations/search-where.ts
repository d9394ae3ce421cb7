// The list's search term as a WHERE on Recommendation: the items whose code, title, text or a kept
// evidence note contain the term, ignoring case. The texts are the database's SearchText rows
// (prisma/schema.prisma), which triggers keep current and an index makes searchable without
// reading them all: SQLite's FTS5 trigram index "SearchIndex", PostgreSQL's pg_trgm index.
import type { Db, Tx } from '@/lib/db';
import { dataVersionCache } from '@/lib/cache/data-version-cache';
import { isTransactionClient, providerOfClient } from '@/lib/db/client';
import { containsText, escapeLike, LIKE_WILDCARD } from '@/lib/db/contains-text';
import type { RecommendationWhereInput } from '@/lib/db/types';

type Where = RecommendationWhereInput;

/**
 * At most this many items are handed to the list by id. Each is a bound parameter of the page's
 * and the count's statements, which costs Prisma about 10 µs; a term found in more items than this
 * is so common that reading each candidate item's texts (the relation filter) costs less.
 * (SQLite allows 32,766 bound values per statement; lib/db/sqlite-adapter.ts tells Prisma so.)
 */
const MAX_INDEXED_MATCHES = 5_000;

/**
 * The items with a text containing `q`, from the database's index, or null when there are more than
 * MAX_INDEXED_MATCHES. SQLite: a LIKE `%q%` on the FTS5 trigram index (answered from the index for
 * three characters or more; it ignores case, as LIKE does). PostgreSQL: an ILIKE on the pg_trgm
 * index, the wildcards escaped (containsText). Prisma cannot put this subquery in its WHERE: as a
 * relation filter it becomes a correlated EXISTS, which SQLite runs once per item, and which
 * PostgreSQL, for a page of the list (ORDER BY ... LIMIT), plans as a walk through the items in the
 * list's order probing each one's texts: 33 ms at the benchmark's M size for a term in one title in
 * thirty, against 2 ms for the ids first.
 */
async function indexedMatchIds(client: Db | Tx, q: string, max: number): Promise<string[] | null> {
  const rows =
    providerOfClient(client) === 'postgresql'
      ? await client.$queryRaw<{ id: string }[]>`
          SELECT DISTINCT "recommendationId" AS "id" FROM "SearchText"
          WHERE "body" ILIKE ${`%${escapeLike(q)}%`} AND "recommendationId" IS NOT NULL LIMIT ${max + 1}`
      : await client.$queryRaw<{ id: string }[]>`
          SELECT DISTINCT "recommendationId" AS "id" FROM "SearchIndex" WHERE "body" LIKE ${`%${q}%`} LIMIT ${max + 1}`;
  return rows.length > max ? null : rows.map((row) => row.id);
}

// Terms searched recently, e.g. while paging through one search's results or changing its filters.
const cachedMatchIds = dataVersionCache<string[] | null>('search-match-cache', 64);

/**
 * indexedMatchIds, kept per term until the data changes (lib/cache/data-version-cache.ts): a term
 * common enough to match thousands of items costs the index lookup 10 ms at the benchmark's L size,
 * and the next page of the same search needs the same ids. Inside a transaction (a bulk update)
 * the lookup is made afresh, in the transaction.
 */
function matchIds(client: Db | Tx, q: string, max: number): Promise<string[] | null> {
  if (isTransactionClient(client)) return indexedMatchIds(client, q, max);
  return cachedMatchIds(client, JSON.stringify([q, max]), () => indexedMatchIds(client, q, max));
}

/** SQLite only: the items whose code, title, text or a kept evidence note contain `q` literally, ignoring ASCII case. */
async function literalMatchIds(client: Db | Tx, q: string): Promise<string[]> {
  const rows = await client.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT "recommendationId" AS "id" FROM "SearchText" WHERE instr(lower("body"), lower(${q})) > 0`;
  return rows.map((row) => row.id);
}

/** `maxIndexed` is for tests: the cut-over to reading each item's texts. */
export async function searchWhere(client: Db | Tx, q: string, maxIndexed = MAX_INDEXED_MATCHES): Promise<Where> {
  const provider = providerOfClient(client);
  const ids = await matchIds(client, q, maxIndexed);
  const matches: Where = ids ? { id: { in: ids } } : { searchTexts: { some: { body: containsText<'SearchText'>(q, provider) } } };
  return provider === 'sqlite' && LIKE_WILDCARD.test(q) ? { AND: [matches, { id: { in: await literalMatchIds(client, q) } }] } : matches;
}
