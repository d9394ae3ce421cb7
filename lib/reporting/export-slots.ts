// A quarterly export of a large organisation needs tens of MB of heap while it is made, and the
// server runs with a fixed heap (scripts/lib/server-memory.ts). So each server makes at most a few
// at a time (EXPORT_MAX_CONCURRENT, default 2); a request beyond that is answered 429 with
// Retry-After at once, rather than queued while holding its memory.
import { TooManyAttemptsError } from '@/lib/errors';

export const EXPORT_RETRY_AFTER_SECONDS = 15;

export function exportConcurrency(env: Record<string, string | undefined> = process.env): number {
  const raw = env.EXPORT_MAX_CONCURRENT?.trim();
  if (!raw) return 2;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 16) {
    throw new Error(`EXPORT_MAX_CONCURRENT must be a whole number from 1 to 16; it is "${raw}".`);
  }
  return limit;
}

/** A per-process count of exports under way. Taking a slot is synchronous, so no two requests race for the last one. */
export class ExportSlots {
  private running = 0;

  constructor(private readonly limit: number) {}

  /** Runs `make` in a slot, or refuses with a 429 when all are taken. */
  async run<T>(make: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      throw new TooManyAttemptsError(
        `The server is already making ${this.limit === 1 ? 'an export' : `${this.limit} exports`}. Try again in a few seconds.`,
        EXPORT_RETRY_AFTER_SECONDS,
        'exports_busy',
      );
    }
    this.running += 1;
    try {
      return await make();
    } finally {
      this.running -= 1;
    }
  }
}

let shared: ExportSlots | undefined;
export const exportSlots = () => (shared ??= new ExportSlots(exportConcurrency()));
