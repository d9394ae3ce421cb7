/**
 * A small per-process cache of computed results, each stamped with the data version it was
 * computed at (lib/db/data-version.ts). An entry is used only while the version is unchanged, so
 * a result is never stale, whichever server made the change; app servers stay stateless (the
 * cache is an optimisation that each process fills on its own). Concurrent requests for the same
 * key and version share one computation. Least recently used entries go first.
 *
 * `versionNow`, when given, is asked again once the computation is done: if the version moved
 * meanwhile (a write landed while the result was being read), the result is still returned to
 * its callers but not kept, because it may mix data from before and after that write.
 */
export type VersionedCache<T> = {
  get(key: string, version: string, compute: () => Promise<T>, versionNow?: () => Promise<string>): Promise<T>;
  readonly size: number;
};

type Entry<T> = { version: string; value: Promise<T> };

export function versionedCache<T>(maxEntries: number): VersionedCache<T> {
  const entries = new Map<string, Entry<T>>();
  return {
    get(key, version, compute, versionNow) {
      const hit = entries.get(key);
      entries.delete(key);
      if (hit && hit.version === version) {
        entries.set(key, hit);
        return hit.value;
      }
      const value = compute();
      const entry = { version, value };
      entries.set(key, entry);
      const forget = () => {
        if (entries.get(key) === entry) entries.delete(key);
      };
      // A failed computation is not kept: the next request tries again.
      value.then(async () => {
        if (versionNow && (await versionNow().catch(() => null)) !== version) forget();
      }, forget);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return value;
    },
    get size() {
      return entries.size;
    },
  };
}
