// The app server's memory: `next start` runs with a V8 heap limit, so the server stays within a
// known footprint instead of growing its heap lazily towards Node's default (a quarter of the
// machine's memory, gigabytes on a server) between collections. The app never needs a large heap:
// lists are paged and the quarterly exports stream their long tables a chunk at a time
// (lib/reporting/export-quarterly-report.ts). npm start and the benchmark both use this.

/** The default limit of the server's old-generation heap, in MB (a 100,000-item export fits in 128). */
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
