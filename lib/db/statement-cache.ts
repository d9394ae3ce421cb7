// Compiled SQLite statements, kept for reuse. Prisma's better-sqlite3 adapter compiles every
// statement it runs anew (`client.prepare(sql).bind(args)`), and compiling is a sixth of a status
// change's time in the driver: the same few dozen statements, thousands of times a minute.
import type Database from 'better-sqlite3';

/** Compiled statements kept per connection, the least recently used dropped first. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * Longer statements are compiled each time and not kept. Prisma writes a list of values as one `?`
 * each, so the search's thousands of ids make statements that are each compiled once, weigh most
 * of a megabyte compiled, and would push the everyday ones out.
 */
export const MAX_CACHED_SQL_LENGTH = 4_000;

type Statement = Database.Statement<unknown[]>;

/** What the adapter does with a statement it prepared (see its performIO and executeIO). */
type BoundStatement = {
  readonly reader: boolean;
  run(): Database.RunResult;
  columns(): Database.ColumnDefinition[];
  raw(): { all(): unknown[] };
};

type PreparingStatement = BoundStatement & { bind(args: unknown[]): BoundStatement };

/**
 * Runs `statement` with `args` each time, instead of binding them into it for good (a
 * better-sqlite3 statement can be bound only once), so one compiled statement serves every call.
 * Calls are synchronous and never iterate, so a statement is never in use twice at once.
 */
function withArgs(statement: Statement, args: unknown[]): BoundStatement {
  return {
    reader: statement.reader,
    run: () => statement.run(args),
    columns: () => statement.columns(),
    raw: () => ({ all: () => statement.raw(true).all(args) }),
  };
}

/** What `prepare` hands the adapter: the statement, to bind once (as the adapter does) or run bare. */
function preparing(statement: Statement): PreparingStatement {
  return { ...withArgs(statement, []), bind: (args: unknown[]) => withArgs(statement, args) };
}

export type StatementCache = { readonly size: number; readonly compiled: number };

/**
 * Makes the adapter's connection reuse compiled statements, by SQL text. SQLite recompiles a kept
 * statement by itself when the schema changes. Returns the cache's counters (for tests), or null
 * when the connection is not the better-sqlite3 database this expects (a changed adapter): then
 * it is left as it is.
 */
export function cachePreparedStatements(connection: object, capacity = STATEMENT_CACHE_SIZE): StatementCache | null {
  // The adapter keeps its better-sqlite3 database in `client` (not part of its typed interface).
  const database = (connection as { client?: unknown }).client as Database.Database | undefined;
  if (!database || typeof database.prepare !== 'function' || typeof database.exec !== 'function') return null;
  const compile = database.prepare.bind(database) as (sql: string) => Statement;
  const kept = new Map<string, Statement>();
  const counters = {
    compiled: 0,
    get size() {
      return kept.size;
    },
  };
  const prepare = (sql: string): PreparingStatement => {
    if (sql.length > MAX_CACHED_SQL_LENGTH) return preparing(compile(sql));
    let statement = kept.get(sql);
    if (statement) {
      kept.delete(sql);
    } else {
      statement = compile(sql);
      counters.compiled += 1;
      if (kept.size >= capacity) kept.delete(kept.keys().next().value!);
    }
    kept.set(sql, statement);
    return preparing(statement);
  };
  (database as unknown as { prepare: typeof prepare }).prepare = prepare;
  return counters;
}
