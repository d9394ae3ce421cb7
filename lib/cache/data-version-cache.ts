import type { Db } from '@/lib/db';
import { dataVersion } from '@/lib/db/data-version';
import { versionedCache, type VersionedCache } from './versioned-cache';

// Each client (database) gets a number of its own in the keys: two databases may well be at the
// same data version (a fresh SQLite connection counts from 1), and a result read from one must
// never answer for the other (the CLI and the tests open several in one process).
// On globalThis, like the caches themselves, so a dev-mode reload does not number clients afresh.
const CLIENTS = Symbol.for('recommendation-tracker.data-version-cache.clients');
type Clients = { numbers: WeakMap<Db, number>; count: number };
function clientNumber(db: Db): number {
  const clients = ((globalThis as { [CLIENTS]?: Clients })[CLIENTS] ??= { numbers: new WeakMap(), count: 0 });
  let number = clients.numbers.get(db);
  if (number === undefined) {
    number = ++clients.count;
    clients.numbers.set(db, number);
  }
  return number;
}

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
