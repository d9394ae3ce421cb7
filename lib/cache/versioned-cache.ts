/**
 * A small per-process cache of computed results, each stamped with the data version it was
 * computed at (lib/db/data-version.ts). An entry is used only while the version is unchanged, so
 * a result is never stale, whichever server made the change; app servers stay stateless (the
 * cache is an optimisation that each process fills on its own). Concurrent requests for the same
 * key and version share one computation. Least recently used entries go first.
 */
export type VersionedCache<T> = {
  get(key: string, version: string, compute: () => Promise<T>): Promise<T>;
  clear(): void;
  readonly size: number;
};

type Entry<T> = { version: string; value: Promise<T> };

export function versionedCache<T>(maxEntries: number): VersionedCache<T> {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key, version, compute) {
      const hit = entries.get(key);
      entries.delete(key);
      if (hit && hit.version === version) {
        entries.set(key, hit);
        return hit.value;
      }
      const value = compute();
      const entry = { version, value };
      entries.set(key, entry);
      // A failed computation is not kept: the next request tries again.
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    clear() {
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
