// Finished quarterly exports, kept per data version (issue 26): a repeat of the same download costs
// one small statement instead of a report. The rule is the data-version caches' own
// (lib/cache/versioned-cache.ts): a file is used only while the database's data version is the one
// it was made at, so a committed change anywhere makes the next download a new file; a file made
// while a write landed is handed out but not kept. What differs: the entries are files of up to tens
// of MB, so the bound is in bytes (EXPORT_CACHE_MB), and a file is made inside an export slot
// (export-slots.ts) while a kept one is handed out without taking one.
import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { today, toDateOnly } from '@/lib/dates';
import { dataVersion } from '@/lib/db/data-version';
import { displaySettings, type DisplaySettings } from '@/lib/format';
import { quarterKey } from '@/lib/progress/quarters';
import type { QuarterlyReportQuery } from '@/lib/validations/quarterly-report';
import { exportQuarterlyReport, type ReportFile } from './export-quarterly-report';
import { exportSlots, type ExportSlots } from './export-slots';

export const DEFAULT_EXPORT_CACHE_MB = 64;
const MAX_EXPORT_CACHE_MB = 4096;

/** EXPORT_CACHE_MB in bytes: whole MB, default 64; 0 keeps no file (identical requests under way are still shared). */
export function exportCacheBytes(env: Record<string, string | undefined> = process.env): number {
  const raw = env.EXPORT_CACHE_MB?.trim();
  if (!raw) return DEFAULT_EXPORT_CACHE_MB * 1024 * 1024;
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 0 || mb > MAX_EXPORT_CACHE_MB) {
    throw new Error(`EXPORT_CACHE_MB must be a whole number of MB from 0 to ${MAX_EXPORT_CACHE_MB} (0 keeps no exports); it is "${raw}".`);
  }
  return mb * 1024 * 1024;
}

type Kept = { client: number; version: string; file: ReportFile };
type Making = { version: string; file: Promise<ReportFile>; settled: Promise<void> };

/**
 * A per-process store of finished files, least recently used first out, holding at most `maxBytes`
 * of file bodies. Identical requests at the same data version share one making, in one slot.
 */
export class ExportFileCache {
  private readonly kept = new Map<string, Kept>();
  private readonly making = new Map<string, Making>();
  private keptBytes = 0;
  // Each database client gets a number of its own in the keys, as in lib/cache/data-version-cache.ts:
  // two databases may be at the same data version (the tests and the CLI open several).
  private readonly clients = new WeakMap<Db, number>();
  private clientCount = 0;

  constructor(
    readonly maxBytes: number,
    private readonly versionOf: (db: Db) => Promise<string> = dataVersion,
  ) {}

  get size(): number {
    return this.kept.size;
  }

  get bytes(): number {
    return this.keptBytes;
  }

  /**
   * The kept file for `key` at the database's current data version, else the one being made for
   * it, else a new one made by `make` in one of `slots` (which refuses with a 429 when all are
   * taken). `stillValid` is asked once the file is made: false (say, the display settings changed
   * meanwhile) hands the file out without keeping it, as does a moved data version.
   */
  async get(db: Db, key: string, make: () => Promise<ReportFile>, slots: ExportSlots, stillValid: () => boolean = () => true): Promise<ReportFile> {
    const client = this.clientNumber(db);
    const version = await this.versionOf(db);
    const full = `${client}:${key}`;
    // From here to slots.run, nothing awaits: a second identical request finds this one's making.
    const hit = this.kept.get(full);
    if (hit?.version === version) {
      this.kept.delete(full);
      this.kept.set(full, hit);
      return hit.file;
    }
    this.dropOtherVersions(client, version);
    const making = this.making.get(full);
    if (making?.version === version) return making.file;

    const file = slots.run(make);
    // Until the file is kept (or not), a repeat finds it here: the data version is read again first.
    const done = () => {
      if (this.making.get(full) === entry) this.making.delete(full);
    };
    const entry: Making = {
      version,
      file,
      // A failed making (a 429 included) is not kept: the next request tries again.
      settled: file.then(async (made) => {
        try {
          if (stillValid() && (await this.versionOf(db).catch(() => null)) === version) this.keep(full, { client, version, file: made });
        } finally {
          done();
        }
      }, done),
    };
    this.making.set(full, entry);
    return file;
  }

  /** Once every file being made is kept or dropped (tests). */
  async settled(): Promise<void> {
    await Promise.all([...this.making.values()].map((entry) => entry.settled));
  }

  private keep(full: string, entry: Kept): void {
    const size = entry.file.body.byteLength;
    if (size > this.maxBytes) return;
    this.forget(full);
    this.kept.set(full, entry);
    this.keptBytes += size;
    for (const [oldest] of this.kept) {
      if (this.keptBytes <= this.maxBytes) break;
      this.forget(oldest);
    }
  }

  /** Files of this database at another data version can never be used again: their memory goes now. */
  private dropOtherVersions(client: number, version: string): void {
    for (const [full, entry] of this.kept) if (entry.client === client && entry.version !== version) this.forget(full);
  }

  private forget(full: string): void {
    const entry = this.kept.get(full);
    if (!entry) return;
    this.kept.delete(full);
    this.keptBytes -= entry.file.body.byteLength;
  }

  private clientNumber(db: Db): number {
    let number = this.clients.get(db);
    if (number === undefined) {
      number = ++this.clientCount;
      this.clients.set(db, number);
    }
    return number;
  }
}

// On globalThis, like the data-version caches, so a dev-mode reload does not start another.
const SHARED = Symbol.for('recommendation-tracker.export-file-cache');
export const exportFileCache = (): ExportFileCache => ((globalThis as { [SHARED]?: ExportFileCache })[SHARED] ??= new ExportFileCache(exportCacheBytes()));

const sortedUnique = (ids: string[]) => [...new Set(ids)].sort();

/**
 * Everything a file's bytes depend on besides the data: the query (filter ids sorted, each once:
 * the report reads them as a set), the generation day (the quarter in progress is read as of
 * today, and every report's history as recorded up to today), the display settings the PDF and
 * workbook format dates and numbers with, and the name on the cover of the formats that show it.
 * The CSVs show no name, so every user shares them; the PDF and workbook are keyed by the name
 * itself rather than the user: two users of the same name get the same bytes, and a renamed
 * user's next file is new anyway (the rename is a committed change). The generation time in the
 * PDF and workbook is the time the kept file was made: its data is that of the download's moment.
 */
export function exportCacheKey(query: QuarterlyReportQuery, generatedBy: string, day: Date, settings: DisplaySettings): string {
  const file = query.format === 'csv' ? ['csv', query.csv] : [query.format, generatedBy];
  return JSON.stringify([
    quarterKey(query.quarter),
    ...file,
    sortedUnique(query.seminar),
    sortedUnique(query.theme),
    sortedUnique(query.sector),
    toDateOnly(day),
    settings.locale,
    settings.timeZone,
  ]);
}

/**
 * The download route's export: the file for `query`, kept per data version and reused while it
 * holds (a kept file takes no export slot, so a repeat is never refused), made in an export slot
 * otherwise. The role is checked first, kept file or not. The file's body is shared: read it, never
 * write to it.
 */
export async function exportQuarterlyReportFile(
  db: Db,
  query: QuarterlyReportQuery,
  generatedBy: string,
  actor: Actor,
  { cache = exportFileCache(), slots = exportSlots(), now = new Date() }: { cache?: ExportFileCache; slots?: ExportSlots; now?: Date } = {},
): Promise<ReportFile> {
  requireRole(actor, 'VIEWER');
  const settings = displaySettings();
  // The filters as the key has them, so the file is made from exactly what it is kept under.
  const normalised = { ...query, seminar: sortedUnique(query.seminar), theme: sortedUnique(query.theme), sector: sortedUnique(query.sector) };
  const key = exportCacheKey(normalised, generatedBy, today(now), settings);
  const make = async () => (await exportQuarterlyReport(db, { ...normalised, generatedBy, now }, normalised, actor)).file;
  return cache.get(db, key, make, slots, () => {
    const current = displaySettings();
    return current.locale === settings.locale && current.timeZone === settings.timeZone;
  });
}
