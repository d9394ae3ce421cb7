// What a restore needs to know of its target before it touches it: which migrations it has and
// which tables hold rows. Opens nothing that would create the database.
import { existsSync } from 'node:fs';
import { providerOf, sqliteFilePath } from '@/lib/db/config';
import { openSnapshot } from './snapshot';

export type DatabaseState = { migrations: string[]; tablesWithRows: { table: string; rows: number }[] };

export async function inspectDatabase(url: string): Promise<DatabaseState> {
  if (providerOf(url) === 'sqlite' && !existsSync(sqliteFilePath(url))) return { migrations: [], tablesWithRows: [] };
  const snapshot = await openSnapshot(url);
  try {
    const tablesWithRows: DatabaseState['tablesWithRows'] = [];
    for (const table of await snapshot.dataTables()) {
      const rows = await snapshot.count(table);
      if (rows > 0) tablesWithRows.push({ table, rows });
    }
    return { migrations: await snapshot.appliedMigrations(), tablesWithRows };
  } finally {
    await snapshot.close();
  }
}
