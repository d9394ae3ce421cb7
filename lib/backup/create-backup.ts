// `tracker backup --out FILE`: every table of the database in one archive (archive-format.ts), read
// from one snapshot, so it is consistent however many writes land meanwhile.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { providerOf } from '@/lib/db/config';
import { readMigrations } from '@/lib/db/migrate';
import { RuleViolationError } from '@/lib/errors';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  CHUNK_BYTES,
  CHUNK_ROWS,
  HEADER_ENTRY,
  MANIFEST_ENTRY,
  chunkEntryName,
  type ArchiveHeader,
  type ArchiveTable,
  type Manifest,
} from './archive-format';
import { ArchiveWriter } from './archive-writer';
import { openSnapshot } from './snapshot';
import { toArchiveValue, type DriverValue } from './values';
import type { CatalogTable } from './catalog';
import type { ProgressReporter } from './progress';

export type BackupOptions = { overwrite?: boolean; onProgress?: ProgressReporter };
export type BackupResult = { file: string; manifest: Manifest };

/** Rows fetched from the database at a time. */
const FETCH_ROWS = 2_000;

export async function createBackup(url: string, out: string, actor: Actor, options: BackupOptions = {}): Promise<BackupResult> {
  requireRole(actor, 'ADMIN');
  const file = path.resolve(out);
  if (!options.overwrite && existsSync(file))
    throw new RuleViolationError('file_exists', `${file} already exists; choose another file or allow overwriting it.`);
  const progress = options.onProgress ?? (() => undefined);
  const provider = providerOf(url);
  const snapshot = await openSnapshot(url);
  let writer: ArchiveWriter | null = null;
  try {
    const migrations = await snapshot.appliedMigrations();
    if (!migrations.length) throw new RuleViolationError('database_empty', 'The database has no migrations applied: there is nothing to back up.');
    const known = new Set(readMigrations(provider).map((migration) => migration.name));
    const unknown = migrations.filter((name) => !known.has(name));
    if (unknown.length)
      throw new RuleViolationError(
        'database_newer',
        `The database has migrations this version of the tracker does not know (${unknown.join(', ')}): back it up with the newer version.`,
      );

    const catalog = await snapshot.catalog();
    const header: ArchiveHeader = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: { provider },
      schema: { version: migrations.at(-1)!, migrations },
    };
    writer = new ArchiveWriter(file);
    await writer.add(HEADER_ENTRY, Buffer.from(`${JSON.stringify(header, null, 2)}\n`));
    const tables: ArchiveTable[] = [];
    for (const table of catalog) tables.push(await writeTable(snapshot, writer, table, progress));
    const manifest: Manifest = { ...header, tables };
    await writer.add(MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await writer.finish(options.overwrite ?? false);
    writer = null;
    return { file, manifest };
  } finally {
    await writer?.abort();
    await snapshot.close();
  }
}

async function writeTable(
  snapshot: Awaited<ReturnType<typeof openSnapshot>>,
  writer: ArchiveWriter,
  table: CatalogTable,
  progress: ProgressReporter,
): Promise<ArchiveTable> {
  const total = await snapshot.count(table.name);
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  let chunks = 0;
  let lines: string[] = [];
  let pending = 0;
  const flush = async () => {
    if (!lines.length) return;
    const body = Buffer.from(lines.join(''));
    hash.update(body);
    bytes += body.length;
    chunks += 1;
    lines = [];
    pending = 0;
    await writer.add(chunkEntryName(table.name, chunks), body);
    progress({ table: table.name, done: rows, total });
  };
  progress({ table: table.name, done: 0, total });
  for await (const batch of snapshot.rows(table, FETCH_ROWS)) {
    for (const values of batch) {
      const row: Record<string, unknown> = {};
      table.columns.forEach((column, index) => {
        try {
          row[column.name] = toArchiveValue(column.type, values[index] as DriverValue);
        } catch (error) {
          throw new Error(`${table.name}.${column.name}: ${(error as Error).message}`);
        }
      });
      const line = `${JSON.stringify(row)}\n`;
      lines.push(line);
      pending += line.length;
      rows += 1;
      if (lines.length >= CHUNK_ROWS || pending >= CHUNK_BYTES) await flush();
    }
  }
  await flush();
  return { name: table.name, columns: table.columns, primaryKey: table.primaryKey, rows, sha256: hash.digest('hex'), bytes, chunks };
}
