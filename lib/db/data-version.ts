import type { Db } from '@/lib/db';
import { providerOfClient } from '@/lib/db/client';

/**
 * A token that changes whenever the database's committed data may have changed, from this server
 * or any other: cached results stamped with it are still exact while it stays the same. One cheap
 * statement; no table is read.
 *
 * - SQLite: read on the server's read-only connection (lib/db/sqlite-adapter.ts), where
 *   `data_version` changes whenever another connection commits: this server's writer, the CLI,
 *   another server. (`total_changes()` counts the connection's own writes: none there, but it
 *   keeps the token exact on any connection.)
 * - PostgreSQL: the current snapshot (oldest running transaction, next transaction id, the ones in
 *   progress). Reads take no transaction id, so it stays the same until some transaction writes
 *   and commits, on any database of the server, which again only costs misses.
 */
export async function dataVersion(db: Db): Promise<string> {
  if (providerOfClient(db) === 'postgresql') {
    const rows = await db.$queryRaw<{ version: string }[]>`SELECT CAST(pg_current_snapshot() AS TEXT) AS "version"`;
    return `pg:${rows[0]!.version}`;
  }
  const rows = await db.$queryRaw<
    { version: unknown; changes: unknown }[]
  >`SELECT data_version AS "version", total_changes() AS "changes" FROM pragma_data_version`;
  return `sqlite:${String(rows[0]!.version)}:${String(rows[0]!.changes)}`;
}
