// The app server's memory: `next start` runs with a V8 heap limit, so the server stays within a
// known footprint instead of growing its heap lazily towards Node's default (a quarter of the
// machine's memory, gigabytes on a server) between collections. The app never needs a large heap:
// lists are paged and the quarterly exports stream their long tables a chunk at a time
// (lib/reporting/export-quarterly-report.ts). Outside the heap, glibc's malloc gets two arenas
// instead of one per thread. npm start and the benchmark both use this.

/**
 * The default limit of the server's old-generation heap, in MB. A workbook export of 100,000 items
 * made on its own needs about 80 MB of live heap; a server that has served the pages holds more,
 * and at 160 MB one ran out of heap during that export (bench/README.md, 2026-12-02 evening).
 */
export const DEFAULT_SERVER_HEAP_MB = 256;

/**
 * Node's flags for the server: `--max-old-space-size` from TRACKER_SERVER_HEAP_MB (whole MB, at
 * least 64), DEFAULT_SERVER_HEAP_MB when unset, or none with TRACKER_SERVER_HEAP_MB=0 (Node's own
 * default). Anything else is refused with a message saying what is expected.
 */
export function serverNodeArgs(env: Record<string, string | undefined> = process.env): string[] {
  const raw = env.TRACKER_SERVER_HEAP_MB?.trim();
  if (raw === '0') return [];
  const mb = raw ? Number(raw) : DEFAULT_SERVER_HEAP_MB;
  if (!Number.isInteger(mb) || mb < 64) {
    throw new Error(`TRACKER_SERVER_HEAP_MB must be a whole number of MB, at least 64 (or 0 for Node's default); it is "${raw}".`);
  }
  return [`--max-old-space-size=${mb}`];
}

/**
 * The server's environment for its native memory: MALLOC_ARENA_MAX=2 unless set. glibc gives each
 * thread that allocates its own arena (up to eight per core), and the threads that compress a
 * workbook or read files for the server each kept theirs, partly empty; with two, the benchmark's
 * L server held about 40 MB less, on the pages and in the exports (bench/README.md, 2026-12-02
 * evening). Other C libraries ignore it.
 */
export function serverMemoryEnv(env: Record<string, string | undefined> = process.env): { MALLOC_ARENA_MAX: string } {
  return { MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX?.trim() || '2' };
}
