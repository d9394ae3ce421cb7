// Tables the migrations create by hand and Prisma Migrate must leave alone: the search index
// (migrations *_search_index) and, on SQLite, the FTS5 index's own storage tables. The schema
// engine's diff (scripts/lib/migration-diff.ts) and the Prisma CLI (prisma.config.ts) both skip them.
import type { Provider } from './config';

/** The FTS5 index over SearchText, and the "shadow" tables it keeps its data in (https://sqlite.org/fts5.html). */
const SQLITE_FTS5_TABLES = ['SearchIndex', 'SearchIndex_data', 'SearchIndex_idx', 'SearchIndex_docsize', 'SearchIndex_config'];

export function externalTables(provider: Provider): string[] {
  return provider === 'sqlite' ? ['SearchText', ...SQLITE_FTS5_TABLES] : ['public.SearchText'];
}
