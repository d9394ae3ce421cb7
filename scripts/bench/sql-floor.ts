// The SQL floor: the statements a page sends to the database, timed straight through the driver
// (better-sqlite3 or pg) with no Prisma client, Next.js or React in the way. The statements are
// captured at the driver-adapter boundary while the page's lib/ operations run once, then replayed
// one after another, again and again: a page can never be faster than that.
import Database from 'better-sqlite3';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import type { Db } from '@/lib/db';
import { providerOf, sqliteFilePath } from '@/lib/db/config';
import { PrismaClient as PostgresClient } from '@/lib/db/generated/postgres/client';
import { PrismaClient as SqliteClient } from '@/lib/db/generated/sqlite/client';
import { TrackerSqliteAdapter } from '@/lib/db/sqlite-adapter';
import { Histogram, type HistogramData } from './histogram';
import type { PageData } from './page-data';

export type SqlFloorResult = { histogram: HistogramData; iterations: number; statements: number; elapsedMs: number };

function recording<T extends SqlDriverAdapter | Transaction>(target: T, log: SqlQuery[]): T {
  return new Proxy(target, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (key === 'queryRaw' || key === 'executeRaw') {
        return (query: SqlQuery) => {
          log.push(query);
          return (value as (query: SqlQuery) => Promise<unknown>).call(object, query);
        };
      }
      if (key === 'startTransaction') {
        return async (...args: unknown[]) => recording(await (value as (...a: unknown[]) => Promise<Transaction>).apply(object, args), log);
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
}

/** A Prisma client on `url`, with the app's adapter, that records every statement it sends into `log`. */
export function recordingClient(url: string, log: SqlQuery[]): Db {
  const factory: SqlDriverAdapterFactory =
    providerOf(url) === 'postgresql' ? new PrismaPg({ connectionString: url }) : new TrackerSqliteAdapter({ url: sqliteFilePath(url), timeout: 10_000 });
  const wrapped = new Proxy(factory, {
    get(object, key, receiver) {
      const value = Reflect.get(object, key, receiver) as unknown;
      if (key === 'connect') return async () => recording(await factory.connect(), log);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(object) : value;
    },
  });
  return providerOf(url) === 'postgresql' ? (new PostgresClient({ adapter: wrapped }) as unknown as Db) : new SqliteClient({ adapter: wrapped });
}

export async function captureStatements(url: string, data: PageData): Promise<SqlQuery[]> {
  const log: SqlQuery[] = [];
  const client = recordingClient(url, log);
  try {
    await data(client);
  } finally {
    await client.$disconnect();
  }
  return log;
}

// Arguments as each Prisma adapter hands them to its driver (see @prisma/adapter-better-sqlite3 and
// @prisma/adapter-pg mapArg): the replay must bind the same values the app binds.
type ArgType = SqlQuery['argTypes'][number];

function sqliteArg(arg: unknown, type: ArgType | undefined): unknown {
  if (arg === null || arg === undefined) return null;
  if (typeof arg === 'string' && (type?.scalarType === 'int' || type?.scalarType === 'float' || type?.scalarType === 'decimal')) return Number(arg);
  if (typeof arg === 'string' && type?.scalarType === 'bigint') return BigInt(arg);
  if (typeof arg === 'boolean') return arg ? 1 : 0;
  if (typeof arg === 'string' && type?.scalarType === 'datetime') return new Date(arg).toISOString().replace('Z', '+00:00');
  if (arg instanceof Date) return arg.toISOString().replace('Z', '+00:00');
  return arg;
}

function pgArg(arg: unknown, type: ArgType | undefined): unknown {
  if (arg === null || arg === undefined) return null;
  if (Array.isArray(arg)) return arg.map((item) => pgArg(item, type));
  const date = typeof arg === 'string' && type?.scalarType === 'datetime' ? new Date(arg) : arg instanceof Date ? arg : null;
  if (date) return date.toISOString().replace('T', ' ').replace('Z', '');
  return arg;
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** Replays `statements` in order, repeatedly, for `durationMs` (at most `maxIterations` times). */
export async function replayStatements(url: string, captured: SqlQuery[], durationMs: number, maxIterations = 100_000): Promise<SqlFloorResult> {
  // Transaction control is the adapter's business, not the page's SQL.
  const statements = captured.filter((query) => !TRANSACTION_CONTROL.test(query.sql));
  const histogram = new Histogram();
  let runOnce: () => Promise<void>;
  let close: () => Promise<void>;
  if (providerOf(url) === 'sqlite') {
    const sqlite = new Database(sqliteFilePath(url), { readonly: true, timeout: 10_000 });
    const prepared = statements.map((query) => ({ statement: sqlite.prepare(query.sql), args: query.args.map((arg, i) => sqliteArg(arg, query.argTypes[i])) }));
    runOnce = async () => {
      for (const { statement, args } of prepared) {
        if (statement.reader) statement.raw().all(...args);
        else throw new Error('The SQL floor replays reads only');
      }
    };
    close = async () => {
      sqlite.close();
    };
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const prepared = statements.map((query) => ({ text: query.sql, values: query.args.map((arg, i) => pgArg(arg, query.argTypes[i])) }));
    runOnce = async () => {
      for (const query of prepared) await client.query({ ...query, rowMode: 'array' });
    };
    close = () => client.end();
  }
  try {
    await runOnce(); // warm: the first run pays for page cache misses and statement preparation
    const started = performance.now();
    let iterations = 0;
    while (performance.now() - started < durationMs && iterations < maxIterations) {
      const begin = performance.now();
      await runOnce();
      histogram.record(performance.now() - begin);
      iterations += 1;
    }
    return { histogram: histogram.toJSON(), iterations, statements: statements.length, elapsedMs: performance.now() - started };
  } finally {
    await close();
  }
}
