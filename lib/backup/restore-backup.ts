// `tracker restore FILE`: loads a backup archive into an empty database of either provider.
//
// 1. The whole archive is checked first (verify-archive.ts): nothing is written for a file that is
//    not an archive, is truncated or tampered with, or comes from a newer schema.
// 2. The target must hold no rows at all, and must not be migrated past the archive's schema.
// 3. It is migrated to the archive's schema, the rows are loaded in one transaction (checked again
//    against the manifest, and counted, before the commit), then the migrations the archive predates
//    are applied, as on any upgrade.
import { isDeepStrictEqual } from 'node:util';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { existsSync, rmSync } from 'node:fs';
import { providerOf, sqliteFilePath } from '@/lib/db/config';
import { migrate, readMigrations } from '@/lib/db/migrate';
import { ConflictError } from '@/lib/errors';
import { HEADER_ENTRY, MANIFEST_ENTRY, parseChunkEntryName, type ArchiveTable, type Manifest } from './archive-format';
import { ArchiveError } from './archive-error';
import { readArchiveEntries } from './archive-reader';
import { inspectDatabase } from './inspect-database';
import { openLoader, type Loader } from './loader';
import { openSnapshot } from './snapshot';
import { verifyArchive } from './verify-archive';
import type { ProgressReporter } from './progress';
import type { ArchiveValue } from './values';
import { createHash } from 'node:crypto';

export type RestoreOptions = { onProgress?: ProgressReporter; onStep?: (line: string) => void };
export type RestoreResult = { manifest: Manifest; migrations: string[] };

export async function restoreBackup(url: string, file: string, actor: Actor, options: RestoreOptions = {}): Promise<RestoreResult> {
  requireRole(actor, 'ADMIN');
  const step = options.onStep ?? (() => undefined);
  const progress = options.onProgress ?? (() => undefined);
  const buildMigrations = readMigrations(providerOf(url)).map((migration) => migration.name);

  step(`Checking ${file}…`);
  const manifest = await verifyArchive(file, buildMigrations);
  const totalRows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
  step(
    `  a backup of ${manifest.source.provider === 'sqlite' ? 'SQLite' : 'PostgreSQL'} made ${manifest.createdAt}: ${manifest.tables.length} tables, ${totalRows.toLocaleString('en')} rows, schema ${manifest.schema.version}; checksums match.`,
  );

  const target = await inspectDatabase(url);
  if (target.tablesWithRows.length) {
    const listed = target.tablesWithRows.map(({ table, rows }) => `${table}: ${rows.toLocaleString('en')}`).join(', ');
    throw new ConflictError(
      'database_not_empty',
      `The database already holds data (${listed} rows). A restore loads into an empty database only; nothing was changed.`,
    );
  }
  if (!isDeepStrictEqual(target.migrations, manifest.schema.migrations.slice(0, target.migrations.length))) {
    throw new ConflictError(
      'database_schema_ahead',
      `The database is migrated past the archive's schema (${target.migrations.at(-1)}; the archive has ${manifest.schema.version}). Restore into a new, empty database; nothing was changed.`,
    );
  }

  // A SQLite file the restore creates is removed again if the restore fails: nothing is left behind.
  const newSqliteFile = providerOf(url) === 'sqlite' && !existsSync(sqliteFilePath(url)) ? sqliteFilePath(url) : null;
  let applied: string[];
  try {
    step('Migrating the database to the archive’s schema…');
    applied = await migrate(url, undefined, { through: manifest.schema.version });
    await assertSameTables(url, manifest);

    step('Loading the rows (one transaction)…');
    const loader = await openLoader(url);
    try {
      await loadRows(file, manifest, loader, progress);
      for (const table of manifest.tables) {
        const rows = await loader.count(table.name);
        if (rows !== table.rows) throw new Error(`${table.name} has ${rows} rows after loading, not ${table.rows}.`);
      }
      await loader.commit();
    } catch (error) {
      await loader.rollback();
      throw error;
    }
  } catch (error) {
    if (newSqliteFile) for (const suffix of ['', '-wal', '-shm']) rmSync(`${newSqliteFile}${suffix}`, { force: true });
    throw error;
  }
  const later = await migrate(url);
  if (later.length) step(`Applied the migrations made since the backup: ${later.join(', ')}`);
  return { manifest, migrations: [...applied, ...later] };
}

/** The migrated target has the archive's tables with the same columns (it has its schema version). */
async function assertSameTables(url: string, manifest: Manifest): Promise<void> {
  const snapshot = await openSnapshot(url);
  try {
    const tables = new Map((await snapshot.catalog()).map((table) => [table.name, table]));
    for (const table of manifest.tables) {
      const found = tables.get(table.name);
      if (!found || !isDeepStrictEqual(found.columns, table.columns)) {
        throw new ArchiveError(
          `The archive's table ${table.name} does not match the database's at schema ${manifest.schema.version}; nothing was restored.`,
          'archive_schema_mismatch',
        );
      }
    }
  } finally {
    await snapshot.close();
  }
}

async function loadRows(file: string, manifest: Manifest, loader: Loader, progress: ProgressReporter): Promise<void> {
  const tables = new Map(manifest.tables.map((table) => [table.name, table]));
  const hashes = new Map(manifest.tables.map((table) => [table.name, createHash('sha256')]));
  const loaded = new Map<string, number>();
  for await (const entry of readArchiveEntries(file)) {
    if (entry.name === HEADER_ENTRY || entry.name === MANIFEST_ENTRY) continue;
    const chunk = parseChunkEntryName(entry.name);
    const table = chunk && tables.get(chunk.table);
    if (!table) throw new ArchiveError(`${file} changed while it was being restored (${entry.name}); nothing was restored.`, 'archive_tampered');
    hashes.get(table.name)!.update(entry.body);
    const rows = parseRows(table, entry.body);
    await loader.insert(table.name, table.columns, rows);
    const done = (loaded.get(table.name) ?? 0) + rows.length;
    loaded.set(table.name, done);
    progress({ table: table.name, done, total: table.rows });
  }
  for (const table of manifest.tables) {
    if (hashes.get(table.name)!.digest('hex') !== table.sha256) {
      throw new ArchiveError(`${file} changed while it was being restored (${table.name}); nothing was restored.`, 'archive_tampered');
    }
  }
}

function parseRows(table: ArchiveTable, body: Buffer): ArchiveValue[][] {
  const lines = body.toString('utf8').split('\n');
  lines.pop();
  return lines.map((line) => {
    const row = JSON.parse(line) as Record<string, ArchiveValue>;
    return table.columns.map((column) => {
      const value = row[column.name];
      if (value === undefined) throw new ArchiveError(`A row of ${table.name} has no ${column.name}; nothing was restored.`, 'archive_tampered');
      return value;
    });
  });
}
