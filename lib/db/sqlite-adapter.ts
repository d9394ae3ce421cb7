// The app's SQLite driver adapter: Prisma's better-sqlite3 adapter with a second, read-only
// connection and the changes below. Split out of lib/db/client.ts when it outgrew a comment.
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import { Mutex } from 'async-mutex';
import { cachePreparedStatements, type StatementCache } from './statement-cache';

/** SQLITE_MAX_VARIABLE_NUMBER of the SQLite in better-sqlite3 (Prisma assumes 999 unless told). */
export const SQLITE_MAX_VARIABLES = 32_766;

/** Each connection's page cache, in KiB (SQLite's default is 2,000). */
const PAGE_CACHE_KIB = 32_768;

type Adapter = Awaited<ReturnType<PrismaBetterSqlite3['connect']>>;
type Options = { url: string; timeout: number };

/** A statement that only reads: Prisma's SELECTs and our raw reads (lib/progress/tally/tally-sql.ts starts with WITH). */
const READ_ONLY = /^\s*(SELECT|WITH)\b/i;

/**
 * The SQLite adapter. The database is in WAL mode (lib/db/migrate.ts), and a server holds two
 * connections to it, opened at the first query:
 *
 * - The writer runs every transaction and every write, one at a time. synchronous=NORMAL: what
 *   SQLite recommends under WAL (a commit does not wait for the disk; the file stays consistent
 *   after a crash, which may lose only the last commits before a power cut). Transactions begin
 *   with BEGIN IMMEDIATE, not a deferred BEGIN: a deferred transaction that reads, then writes,
 *   fails at once with SQLITE_BUSY (the busy timeout does not apply) when another connection (the
 *   CLI, a second server) wrote in between; IMMEDIATE takes the write lock at the start, so the
 *   other writer waits its turn instead.
 * - The reader (read-only) runs every read outside a transaction. Under WAL it sees only committed
 *   data and never waits for a writer, so a page never shows another request's uncommitted
 *   changes (nor caches them, lib/cache/data-version-cache.ts) and is not held up by a long bulk
 *   edit. Prisma's own adapter has one connection: a read there saw an open transaction's rows,
 *   and a write outside a transaction joined the open one and was rolled back with it.
 *
 * A write outside a transaction waits for the open transaction (one first-come, first-served lock
 * covers both). Code inside a transaction must write through its `tx`: a write through the client
 * there waits until Prisma's transaction timeout ends the transaction.
 */
export class TrackerSqliteAdapter extends PrismaBetterSqlite3 {
  readonly #options: Options;
  /** The compiled-statement caches of the connections opened so far (lib/db/statement-cache.ts). */
  readonly statementCaches: StatementCache[] = [];

  constructor(options: Options) {
    super(options);
    this.#options = options;
  }

  override async connect(): Promise<Adapter> {
    const writer = await super.connect();
    const reader = await new PrismaBetterSqlite3({ ...this.#options, readonly: true }).connect();
    for (const connection of [writer, reader]) {
      const cache = cachePreparedStatements(connection);
      if (cache) this.statementCaches.push(cache);
      // SQLite's own page cache (default 2 MB): a list page with a search reads a few MB of index and
      // table pages, which then stay here instead of being copied in from the operating system's
      // cache on every view (list SQL at the benchmark's M size: 5.5 -> 2.7 ms).
      await connection.executeRaw({ sql: `PRAGMA cache_size = -${PAGE_CACHE_KIB}`, args: [], argTypes: [] });
    }
    const execute = writer.executeRaw.bind(writer);
    await execute({ sql: 'PRAGMA synchronous = NORMAL', args: [], argTypes: [] });

    const lock = new Mutex();
    const query = writer.queryRaw.bind(writer);
    const script = writer.executeScript.bind(writer);
    const disposeWriter = writer.dispose.bind(writer);
    const run = (sql: string) => execute({ sql, args: [], argTypes: [] });
    return Object.assign(writer, {
      queryRaw: (statement: SqlQuery) => (READ_ONLY.test(statement.sql) ? reader.queryRaw(statement) : lock.runExclusive(() => query(statement))),
      executeRaw: (statement: SqlQuery) => lock.runExclusive(() => execute(statement)),
      executeScript: (text: string) => lock.runExclusive(() => script(text)),
      startTransaction: async (isolationLevel?: string): Promise<Transaction> => {
        if (isolationLevel && isolationLevel !== 'SERIALIZABLE') return writer.startTransaction(isolationLevel as never);
        const release = onlyOnce(await lock.acquire());
        try {
          await run('BEGIN IMMEDIATE');
        } catch (error) {
          release();
          throw error;
        }
        // Prisma sends COMMIT or ROLLBACK itself (usePhantomQuery: false), then calls commit() or rollback().
        return {
          provider: writer.provider,
          adapterName: writer.adapterName,
          options: { usePhantomQuery: false },
          queryRaw: query,
          executeRaw: execute,
          commit: async () => release(),
          rollback: async () => release(),
          createSavepoint: async (name: string) => void (await run(`SAVEPOINT ${name}`)),
          rollbackToSavepoint: async (name: string) => void (await run(`ROLLBACK TO ${name}`)),
          releaseSavepoint: async (name: string) => void (await run(`RELEASE SAVEPOINT ${name}`)),
        };
      },
      dispose: async () => {
        await reader.dispose();
        await disposeWriter();
      },
      getConnectionInfo: () => ({ supportsRelationJoins: false, maxBindValues: SQLITE_MAX_VARIABLES }),
    });
  }
}

function onlyOnce(release: () => void): () => void {
  let released = false;
  return () => {
    if (!released) release();
    released = true;
  };
}
