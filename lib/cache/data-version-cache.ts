import type { Db } from '@/lib/db';
import { dataVersion } from '@/lib/db/data-version';
import { versionedCache, type VersionedCache } from './versioned-cache';

// Each client (database) gets a number of its own in the keys: two databases may well be at the
// same data version (a fresh SQLite connection counts from 1), and a result read from one must
// never answer for the other (the CLI and the tests open several in one process).
const clientNumbers = new WeakMap<Db, number>();
let clientCount = 0;
const clientNumber = (db: Db) => clientNumbers.get(db) ?? clientNumbers.set(db, ++clientCount).get(db)!;

/**
 * A per-process cache of results computed from the database, each used only while the database's
 * data version (lib/db/data-version.ts) is unchanged: a repeated read costs one small statement,
 * and a change made anywhere (this server, another, the CLI) shows at the next read. `name` keeps
 * one cache per use on globalThis, so a dev-mode reload does not start another.
 */
export function dataVersionCache<T>(name: string, maxEntries: number): (db: Db, key: string, compute: () => Promise<T>) => Promise<T> {
  const symbol = Symbol.for(`recommendation-tracker.${name}`);
  const holder = globalThis as { [key: symbol]: VersionedCache<T> | undefined };
  const cache = (holder[symbol] ??= versionedCache<T>(maxEntries));
  return async (db, key, compute) => cache.get(`${clientNumber(db)}:${key}`, await dataVersion(db), compute, () => dataVersion(db));
}
