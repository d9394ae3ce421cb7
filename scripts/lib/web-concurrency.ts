// How many server processes `npm start` runs: one per core by default, as many as the machine's memory
// allows for that. Each process keeps its own heap limit (scripts/lib/server-memory.ts): a quarterly
// export is made by one process alone and needs that room whatever the number of processes, so the
// limit is not divided; the number of processes is capped instead.

/** Resident memory a server process may reach beyond its heap limit: code, buffers, SQLite's page caches, malloc. */
export const SERVER_NATIVE_MB = 150;
/** Heap assumed when TRACKER_SERVER_HEAP_MB=0 leaves Node's own default (a quarter of memory, often 2 to 4 GB). */
const NODE_DEFAULT_HEAP_ESTIMATE_MB = 2_048;
/** The share of the machine's memory the default number of processes may take at their limits. */
const MEMORY_SHARE = 0.5;

export type Concurrency = { workers: number; why: string };

/**
 * WEB_CONCURRENCY when set (a whole number, at least 1); otherwise one process per core, but no more
 * than half the machine's memory holds at `heapMb` + SERVER_NATIVE_MB each, and at least one.
 * (2 cores, 24 GiB: 2. 64 cores, 24 GiB: 30. 64 cores, 256 GiB: 64. 2 cores, 1 GiB: 1.)
 */
export function webConcurrency(env: Record<string, string | undefined>, cores: number, totalMemoryMb: number, heapMb: number | null): Concurrency {
  const raw = env.WEB_CONCURRENCY?.trim();
  if (raw) {
    const workers = Number(raw);
    if (!Number.isInteger(workers) || workers < 1) throw new Error(`WEB_CONCURRENCY must be a whole number of server processes, at least 1; it is "${raw}".`);
    return { workers, why: 'WEB_CONCURRENCY' };
  }
  const perProcessMb = (heapMb ?? NODE_DEFAULT_HEAP_ESTIMATE_MB) + SERVER_NATIVE_MB;
  const byMemory = Math.max(1, Math.floor((totalMemoryMb * MEMORY_SHARE) / perProcessMb));
  const perCore = Math.max(1, cores);
  if (byMemory < perCore) {
    return {
      workers: byMemory,
      why: `one per core would be ${perCore}; half of ${Math.round(totalMemoryMb)} MB of memory holds ${byMemory} at ${perProcessMb} MB each`,
    };
  }
  return { workers: perCore, why: `one per core` };
}

/** The heap limit in MB that Node's flags set, or null when they leave Node's default. */
export function heapLimitMb(nodeArgs: string[]): number | null {
  for (const arg of nodeArgs) {
    const match = /^--max-old-space-size=(\d+)$/.exec(arg);
    if (match) return Number(match[1]);
  }
  return null;
}
