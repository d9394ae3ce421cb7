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
  const client = new SqliteClient({ adapter });
  // The database is in WAL mode (lib/db/migrate.ts); there synchronous=NORMAL is what SQLite
  // recommends: a commit no longer waits for the disk, and the database stays consistent after a
  // crash, which may lose only the last commits before a power cut. The adapter keeps one
  // connection, and this is its first statement.
  client.$executeRawUnsafe('PRAGMA synchronous = NORMAL').catch((error: unknown) => {
    console.error('Could not set PRAGMA synchronous = NORMAL; commits stay fully synchronous.', error);
  });
  return client;
}
