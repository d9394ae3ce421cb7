// Writes a restore's rows, all in one transaction: nothing stays if any of it fails.
import type { Provider } from '@/lib/db/config';
import { providerOf, sqliteFilePath } from '@/lib/db/config';
import type { ArchiveColumn } from './archive-format';
import type { ArchiveValue } from './values';

export interface Loader {
  readonly provider: Provider;
  insert(table: string, columns: ArchiveColumn[], rows: ArchiveValue[][]): Promise<void>;
  count(table: string): Promise<number>;
  commit(): Promise<void>;
  /** Rolls back whatever was written, and closes. */
  rollback(): Promise<void>;
}

export async function openLoader(url: string): Promise<Loader> {
  if (providerOf(url) === 'sqlite') {
    const { SqliteLoader } = await import('./sqlite-loader');
    return SqliteLoader.open(sqliteFilePath(url));
  }
  const { PostgresLoader } = await import('./postgres-loader');
  return PostgresLoader.open(url);
}
