import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { providerOf, sqliteFilePath } from '@/lib/db/config';
import { migrate } from '@/lib/db/migrate';
import { testDatabaseUrl, testProvider } from '@/lib/test/test-db';
import { freshDatabaseUrl, type FreshDatabase } from '@/lib/test/fresh-database';
import { HEADER_ENTRY, MANIFEST_ENTRY, parseChunkEntryName, type Manifest } from './archive-format';
import { readArchiveEntries, type ArchiveEntry } from './archive-reader';
import { ArchiveWriter } from './archive-writer';
import { createBackup } from './create-backup';
import { inspectDatabase } from './inspect-database';
import { restoreBackup } from './restore-backup';
import { backupSqliteFile } from './sqlite-file-backup';

const provider = testProvider();
let dir: string;
let good: { file: string; manifest: Manifest };
const created: FreshDatabase[] = [];

async function fresh(): Promise<string> {
  const database = await freshDatabaseUrl(provider);
  created.push(database);
  return database.url;
}

/** A copy of the good archive with its entries changed by `change` (null leaves one out). */
async function rewritten(name: string, change: (entry: ArchiveEntry) => ArchiveEntry | null): Promise<string> {
  const file = path.join(dir, name);
  const writer = new ArchiveWriter(file);
  for await (const entry of readArchiveEntries(good.file)) {
    const changed = change(entry);
    if (changed) await writer.add(changed.name, changed.body);
  }
  await writer.finish(false);
  return file;
}

const json = (entry: ArchiveEntry) => JSON.parse(entry.body.toString('utf8')) as Manifest;
const asEntry = (name: string, value: unknown): ArchiveEntry => ({ name, body: Buffer.from(JSON.stringify(value)) });

/** The target was left as it was: no file (SQLite), no migrations, no rows. */
async function expectUntouched(url: string): Promise<void> {
  if (providerOf(url) === 'sqlite') expect(existsSync(sqliteFilePath(url))).toBe(false);
  expect(await inspectDatabase(url)).toEqual({ migrations: [], tablesWithRows: [] });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-restore-refusals-'));
  good = await createBackup(testDatabaseUrl(), path.join(dir, 'good.tar.gz'), SYSTEM_ACTOR);
});

afterAll(async () => {
  for (const database of created) await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`restore refusals (${provider})`, () => {
  it('refuses a database that holds data, with a non-zero answer, and changes nothing in it', async () => {
    await expect(restoreBackup(testDatabaseUrl(), good.file, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'database_not_empty',
      message: expect.stringMatching(/already holds data .*nothing was changed/) as unknown,
    });
    const after = await createBackup(testDatabaseUrl(), path.join(dir, 'after-refusal.tar.gz'), SYSTEM_ACTOR);
    expect(after.manifest.tables).toEqual(good.manifest.tables);
  });

  it('`tracker restore` into a database that holds data exits with 1 and says why', () => {
    const result = spawnSync(process.execPath, ['bin/tracker.mjs', 'restore', good.file], {
      env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
      encoding: 'utf8',
    });
    expect(result.stderr).toMatch(/error: The database already holds data .*nothing was changed/);
    expect(result.status).toBe(1);
    // A new Node process compiling the CLI with tsx: slow on a busy machine.
  }, 180_000);

  it('refuses a truncated archive', async () => {
    const file = path.join(dir, 'truncated.tar.gz');
    writeFileSync(file, readFileSync(good.file).subarray(0, Math.floor(statSync(good.file).size / 2)));
    const url = await fresh();
    await expect(restoreBackup(url, file, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'archive_damaged',
      message: expect.stringMatching(/damaged or incomplete/) as unknown,
    });
    await expectUntouched(url);
  });

  it('refuses an archive whose rows were changed after it was written (checksum)', async () => {
    let tampered = false;
    const file = await rewritten('tampered-row.tar.gz', (entry) => {
      const chunk = parseChunkEntryName(entry.name);
      if (tampered || chunk?.table !== 'Recommendation') return entry;
      tampered = true;
      return { name: entry.name, body: Buffer.from(entry.body.toString('utf8').replace('"title":"', '"title":"Tampered: ')) };
    });
    expect(tampered).toBe(true);
    const url = await fresh();
    await expect(restoreBackup(url, file, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'archive_checksum',
      message: expect.stringMatching(/rows of Recommendation do not match the manifest/) as unknown,
    });
    await expectUntouched(url);
  });

  it('refuses an archive whose manifest checksum was changed', async () => {
    const file = await rewritten('tampered-manifest.tar.gz', (entry) => {
      if (entry.name !== MANIFEST_ENTRY) return entry;
      const manifest = json(entry);
      const table = manifest.tables.find((candidate) => candidate.name === 'StatusChange')!;
      table.sha256 = table.sha256.replace(/^./, (first) => (first === '0' ? '1' : '0'));
      return asEntry(entry.name, manifest);
    });
    const url = await fresh();
    await expect(restoreBackup(url, file, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'archive_checksum',
      message: expect.stringMatching(/StatusChange/) as unknown,
    });
    await expectUntouched(url);
  });

  it('refuses an archive that lost a part, or its manifest', async () => {
    const withoutChunk = await rewritten('missing-chunk.tar.gz', (entry) => (parseChunkEntryName(entry.name)?.table === 'AuditLog' ? null : entry));
    const withoutManifest = await rewritten('missing-manifest.tar.gz', (entry) => (entry.name === MANIFEST_ENTRY ? null : entry));
    const url = await fresh();
    await expect(restoreBackup(url, withoutChunk, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'archive_checksum',
      message: expect.stringMatching(/AuditLog/) as unknown,
    });
    await expect(restoreBackup(url, withoutManifest, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'archive_damaged',
      message: expect.stringMatching(/no manifest/) as unknown,
    });
    await expectUntouched(url);
  });

  it('refuses an archive from a newer schema than this build knows', async () => {
    const future = '29991231000000_from_a_newer_version';
    const newer = (entry: ArchiveEntry) => {
      const value = json(entry);
      return asEntry(entry.name, { ...value, schema: { version: future, migrations: [...value.schema.migrations, future] } });
    };
    const file = await rewritten('newer.tar.gz', (entry) => (entry.name === HEADER_ENTRY || entry.name === MANIFEST_ENTRY ? newer(entry) : entry));
    const url = await fresh();
    await expect(restoreBackup(url, file, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'archive_newer_schema',
      message: expect.stringMatching(/newer database schema \(29991231000000_from_a_newer_version\).*upgrade the tracker/) as unknown,
    });
    await expectUntouched(url);
  });

  it('refuses files that are not backup archives', async () => {
    const text = path.join(dir, 'notes.txt');
    writeFileSync(text, 'These are not the rows you are looking for.\n');
    const gzippedText = path.join(dir, 'notes.txt.gz');
    writeFileSync(gzippedText, gzipSync(Buffer.alloc(4096, 'x')));
    const empty = path.join(dir, 'empty.tar.gz');
    writeFileSync(empty, '');
    const url = await fresh();
    await expect(restoreBackup(url, text, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: 'archive_not_archive',
      message: expect.stringMatching(/not a tracker backup archive/) as unknown,
    });
    await expect(restoreBackup(url, gzippedText, SYSTEM_ACTOR)).rejects.toMatchObject({
      code: expect.stringMatching(/archive_(not_archive|damaged)/) as unknown,
    });
    await expect(restoreBackup(url, empty, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'archive_not_archive' });
    await expect(restoreBackup(url, path.join(dir, 'no-such-file.tar.gz'), SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'archive_unreadable' });
    await expectUntouched(url);
  });

  it('leaves nothing behind when loading fails part-way (a history row whose item is missing, checksums made to match)', async () => {
    const hash = createHash('sha256');
    let bytes = 0;
    let broken = false;
    const file = await rewritten('broken-reference.tar.gz', (entry) => {
      const chunk = parseChunkEntryName(entry.name);
      if (chunk?.table === 'StatusChange') {
        const body = broken ? entry.body : Buffer.from(entry.body.toString('utf8').replace(/"recommendationId":"[^"]+"/, '"recommendationId":"no-such-item"'));
        broken = true;
        hash.update(body);
        bytes += body.length;
        return { name: entry.name, body };
      }
      if (entry.name !== MANIFEST_ENTRY) return entry;
      const manifest = json(entry);
      Object.assign(
        manifest.tables.find((table) => table.name === 'StatusChange')!,
        { sha256: hash.digest('hex'), bytes },
      );
      return asEntry(entry.name, manifest);
    });
    const url = await fresh();
    await expect(restoreBackup(url, file, SYSTEM_ACTOR)).rejects.toThrow(/FOREIGN KEY|foreign key/);
    if (provider === 'sqlite') await expectUntouched(url);
    else expect((await inspectDatabase(url)).tablesWithRows).toEqual([]);
  });

  it('refuses a database already migrated past the archive (restore into a new, empty one instead)', async () => {
    const older = (entry: ArchiveEntry) => {
      const value = json(entry);
      const migrations = value.schema.migrations.slice(0, -1);
      return asEntry(entry.name, { ...value, schema: { version: migrations.at(-1), migrations } });
    };
    const file = await rewritten('older.tar.gz', (entry) => (entry.name === HEADER_ENTRY || entry.name === MANIFEST_ENTRY ? older(entry) : entry));
    const url = await fresh();
    const applied = await migrate(url);
    await expect(restoreBackup(url, file, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'database_schema_ahead' });
    expect(await inspectDatabase(url)).toEqual({ migrations: applied, tablesWithRows: [] });
  });
});

describe(`tracker backup --sqlite-file (${provider})`, () => {
  if (provider === 'sqlite') {
    it("copies the SQLite database with SQLite's online backup: the copy holds the same rows", async () => {
      const copy = path.join(dir, 'copy.db');
      const result = await backupSqliteFile(testDatabaseUrl(), copy, SYSTEM_ACTOR);
      expect(result.pages).toBeGreaterThan(0);
      const fromCopy = await createBackup(`file:${copy}`, path.join(dir, 'from-copy.tar.gz'), SYSTEM_ACTOR);
      const fromSource = await createBackup(testDatabaseUrl(), path.join(dir, 'from-source.tar.gz'), SYSTEM_ACTOR);
      expect(fromCopy.manifest.tables).toEqual(fromSource.manifest.tables);
      await expect(backupSqliteFile(testDatabaseUrl(), copy, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'file_exists' });
    });
  } else {
    it('is refused on PostgreSQL, with what to use instead', async () => {
      const copy = path.join(dir, 'copy.db');
      await expect(backupSqliteFile(testDatabaseUrl(), copy, SYSTEM_ACTOR)).rejects.toMatchObject({
        code: 'sqlite_only',
        message: expect.stringMatching(/tracker backup --out/) as unknown,
      });
      expect(existsSync(copy)).toBe(false);
    });
  }
});
