import type { Db } from '@/lib/db';
import { providerOfClient } from '@/lib/db/client';

/**
 * A token that changes whenever the database's committed data may have changed, from this server
 * or any other: cached results stamped with it are still exact while it stays the same. One cheap
 * statement; no table is read.
 *
 * - SQLite (one connection per process, lib/db/client.ts): `data_version` changes when another
 *   connection (the CLI, another server) commits; `total_changes()` counts this connection's own
 *   writes. A write that is rolled back still moves it, which only costs a cache miss.
 * - PostgreSQL: the current snapshot (oldest running transaction, next transaction id, the ones in
 *   progress). Reads take no transaction id, so it stays the same until some transaction writes
 *   and commits, on any database of the server, which again only costs misses.
 */
export async function dataVersion(db: Db): Promise<string> {
  if (providerOfClient(db) === 'postgresql') {
    const rows = await db.$queryRaw<{ version: string }[]>`SELECT CAST(pg_current_snapshot() AS TEXT) AS "version"`;
    return `pg:${rows[0]!.version}`;
  }
  const rows = await db.$queryRaw<{ version: unknown; changes: unknown }[]>`SELECT data_version AS "version", total_changes() AS "changes" FROM pragma_data_version`;
  return `sqlite:${String(rows[0]!.version)}:${String(rows[0]!.changes)}`;
}
