import type BetterSqlite3 from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { Mutex, withTimeout } from 'async-mutex';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { providerOf, sqliteFilePath, type Provider } from './config';

/**
 * Both generated clients have the same models and methods (the PostgreSQL schema is derived
 * from the SQLite one), so the app is typed against one of them.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/**
 * The SQLite adapter, with two changes to the connection it opens (lazily, at the first query):
 *
 * - synchronous=NORMAL: the database is in WAL mode (lib/db/migrate.ts), where this is what SQLite
 *   recommends: a commit no longer waits for the disk, and the database stays consistent after a
 *   crash, which may lose only the last commits before a power cut.
 * - Transactions begin with BEGIN IMMEDIATE, not the adapter's plain (deferred) BEGIN. A deferred
 *   transaction that reads, then writes, fails at once with SQLITE_BUSY (the busy timeout does not
 *   apply) when another connection wrote in between: the CLI, or a second server on the same file.
 *   IMMEDIATE takes the write lock at the start, so the other writer waits its turn instead (also
 *   behind a read-only transaction, such as a list page's page-and-count). Within one process the
 *   adapter already runs one transaction at a time, so nothing is lost there.
 *   (The adapter keeps its better-sqlite3 handle in `client` and starts transactions with
 *   `client.prepare('BEGIN')`; lib/db/client.test.ts fails if that ever changes.)
 * - Prisma is told how many values a statement may bind (below).
 * - A statement outside a transaction waits while a transaction is open. The process has one
 *   connection, and the adapter queues transactions but not other statements: a read would see a
 *   transaction's uncommitted rows (kept in a cached dashboard even if it then rolled back), and a
 *   write would join it and be rolled back with it. One first-come, first-served lock now covers
 *   both. Code inside a transaction must use its `tx`: a statement through the client there would
 *   wait for its own transaction, so it fails after TX_WAIT_MS instead of hanging.
 */
export const SQLITE_MAX_VARIABLES = 32_766;

class WalTunedSqlite extends PrismaBetterSqlite3 {
  override async connect() {
    const adapter = await super.connect();
    const handle = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    const prepare = handle.prepare.bind(handle);
    handle.prepare = ((sql: string) => prepare(sql === 'BEGIN' ? 'BEGIN IMMEDIATE' : sql)) as typeof handle.prepare;
    await adapter.executeRaw({ sql: 'PRAGMA synchronous = NORMAL', args: [], argTypes: [] });
    serializeWithTransactions(adapter);
    // Prisma assumes SQLite allows 999 bound values per statement unless told; the SQLite in
    // better-sqlite3 allows 32,766 (SQLITE_MAX_VARIABLE_NUMBER). The search hands the list up to
    // 5,000 ids (lib/recommendations/search-where.ts).
    return Object.assign(adapter, { getConnectionInfo: () => ({ supportsRelationJoins: false, maxBindValues: SQLITE_MAX_VARIABLES }) });
  }
}

/** How long a statement waits for an open transaction before it fails (see WalTunedSqlite). */
export const TX_WAIT_MS = 30_000;

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type SqliteTransaction = Awaited<ReturnType<SqliteAdapter['startTransaction']>>;

/** One lock for the connection: held by a transaction from BEGIN to COMMIT or ROLLBACK, and by each other statement while it runs. */
function serializeWithTransactions(adapter: SqliteAdapter): void {
  const lock = withTimeout(new Mutex(), TX_WAIT_MS, new Error(`A database statement waited ${TX_WAIT_MS / 1000} s for a transaction to end.`));
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.queryRaw = (query) => lock.runExclusive(() => queryRaw(query));
  adapter.executeRaw = (query) => lock.runExclusive(() => executeRaw(query));
  adapter.executeScript = (script) => lock.runExclusive(() => executeScript(script));
  adapter.startTransaction = async (isolationLevel) => {
    const releaseLock = await lock.acquire();
    let released = false;
    const release = () => {
      if (!released) releaseLock();
      released = true;
    };
    let tx: SqliteTransaction;
    try {
      tx = await startTransaction(isolationLevel);
    } catch (error) {
      release();
      throw error;
    }
    const commit = tx.commit.bind(tx);
    const rollback = tx.rollback.bind(tx);
    tx.commit = () => commit().finally(release);
    tx.rollback = () => rollback().finally(release);
    return tx;
  };
}

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

export function createClient(url: string): Db {
  if (providerOf(url) === 'postgresql') {
    const adapter = new PrismaPg({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  // timeout = SQLite busy timeout: writers wait for the lock instead of failing at once.
  const adapter = new WalTunedSqlite({ url: sqliteFilePath(url), timeout: 10_000 });
  return new SqliteClient({ adapter });
}
