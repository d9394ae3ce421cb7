import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { providerOf, sqliteFilePath, type Provider } from './config';
import { TrackerSqliteAdapter } from './sqlite-adapter';

/**
 * Both generated clients have the same models and methods (the PostgreSQL schema is derived
 * from the SQLite one), so the app is typed against one of them. TypeScript cannot relate the two
 * classes as wholes; lib/db/types.ts checks them model by model and operation by operation at
 * compile time (PROVIDERS_AGREE), which is what makes the one conversion in createClient sound.
 * Shared code takes model input types from lib/db/types.ts, never from a generated client.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * The database behind a client or transaction. Read from the client itself rather than from
 * DATABASE_URL, because tests (and scripts) use clients on other databases than the app's.
 * Prisma keeps it as `_activeProvider`; failing loudly beats SQL written for the other database.
 */
export function providerOfClient(client: Db | Tx): Provider {
  const provider = (client as unknown as { _activeProvider?: unknown })._activeProvider;
  if (provider === 'sqlite' || provider === 'postgresql') return provider;
  throw new Error(`Unknown database provider ${String(provider)}`);
}

/**
 * True for the client of an interactive transaction (`db.$transaction(async (tx) => ...)`): Prisma
 * leaves $connect, $disconnect, $on and $extends out of it. Work that must see the transaction's
 * own writes (not a cache kept per committed data version) asks here.
 */
export function isTransactionClient(client: Db | Tx): client is Tx {
  return !('$disconnect' in client);
}

export function createClient(url: string): Db {
  if (providerOf(url) === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    const client = new PostgresClient({ adapter });
    // Sound by lib/db/types.ts (PROVIDERS_AGREE): every SQLite-typed call is a valid PostgreSQL call.
    return client as unknown as Db;
  }
  // timeout = SQLite busy timeout: writers wait for the lock instead of failing at once.
  const adapter = new TrackerSqliteAdapter({ url: sqliteFilePath(url), timeout: 10_000 });
  return new SqliteClient({ adapter });
}
