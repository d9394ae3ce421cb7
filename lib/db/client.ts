import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { providerOf, sqliteFilePath } from './config';

/**
 * Both generated clients have the same models and methods (the PostgreSQL schema is derived
 * from the SQLite one), so the app is typed against one of them.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export function createClient(url: string): Db {
  if (providerOf(url) === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // timeout = SQLite busy timeout: writers wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(url), timeout: 10_000 });
  return new SqliteClient({ adapter });
}
