// One consistent read of a whole database, for a backup (and for a restore's look at its target).
import type { Provider } from '@/lib/db/config';
import { providerOf, sqliteFilePath } from '@/lib/db/config';
import type { CatalogTable } from './catalog';

export interface Snapshot {
  readonly provider: Provider;
  /** Migrations applied to the database, in order; empty for a database never migrated. */
  appliedMigrations(): Promise<string[]>;
  /** The names of the tables a backup holds, without reading their structure. */
  dataTables(): Promise<string[]>;
  /** The tables a backup holds, parents first (catalog.ts). */
  catalog(): Promise<CatalogTable[]>;
  count(table: string): Promise<number>;
  /** The table's rows in primary-key order (byte order for text), as arrays in `table.columns` order, a batch at a time. */
  rows(table: CatalogTable, batchSize: number): AsyncIterable<unknown[][]>;
  close(): Promise<void>;
}

/** Opens a snapshot: SQLite a deferred read transaction, PostgreSQL REPEATABLE READ READ ONLY. */
export async function openSnapshot(url: string): Promise<Snapshot> {
  if (providerOf(url) === 'sqlite') {
    const { SqliteSnapshot } = await import('./sqlite-snapshot');
    return SqliteSnapshot.open(sqliteFilePath(url));
  }
  const { PostgresSnapshot } = await import('./postgres-snapshot');
  return PostgresSnapshot.open(url);
}
