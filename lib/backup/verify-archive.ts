// Checks a whole backup archive before a restore writes anything: that it is one at all, that this
// build knows its schema, and that every table's rows match the manifest's count and SHA-256.
import { createHash, type Hash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';
import { ARCHIVE_FORMAT_VERSION, HEADER_ENTRY, MANIFEST_ENTRY, parseChunkEntryName, type ArchiveHeader, type Manifest } from './archive-format';
import { ArchiveError } from './archive-error';
import { readArchiveEntries } from './archive-reader';
import { headerSchema, manifestSchema } from './manifest-schema';

type Seen = { rows: number; bytes: number; chunks: number; hash: Hash };

function parseJson<T>(file: string, what: string, body: Buffer, schema: z.ZodType<T>): T {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ArchiveError(`${file} is not a tracker backup archive (its ${what} is not JSON).`, 'archive_not_archive');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ArchiveError(`${file} is not a tracker backup archive (its ${what} is not one the tracker writes).`, 'archive_not_archive');
  return parsed.data;
}

/** Refuses an archive made with migrations this build does not have (a newer version of the tracker). */
export function assertSchemaKnown(file: string, header: Pick<ArchiveHeader, 'formatVersion' | 'schema'>, buildMigrations: string[]): void {
  if (header.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw new ArchiveError(
      `${file} was written by a newer version of the tracker (archive format ${header.formatVersion}); upgrade the tracker to restore it.`,
      'archive_newer_schema',
    );
  }
  const known = new Set(buildMigrations);
  const unknown = header.schema.migrations.filter((name) => !known.has(name));
  if (unknown.length) {
    throw new ArchiveError(
      `${file} was made from a newer database schema (${header.schema.version}) than this version of the tracker knows (${buildMigrations.at(-1) ?? 'none'}); upgrade the tracker to restore it.`,
      'archive_newer_schema',
    );
  }
  if (!isDeepStrictEqual(header.schema.migrations, buildMigrations.slice(0, header.schema.migrations.length))) {
    throw new ArchiveError(`${file} was made from a database whose migrations do not match this version of the tracker's.`, 'archive_schema_mismatch');
  }
}

export function countLines(body: Buffer): number {
  let lines = 0;
  for (let index = body.indexOf(10); index !== -1; index = body.indexOf(10, index + 1)) lines += 1;
  return lines;
}

/** Reads the whole archive; returns its manifest when everything in it checks out. */
export async function verifyArchive(file: string, buildMigrations: string[]): Promise<Manifest> {
  let header: ArchiveHeader | null = null;
  let manifest: Manifest | null = null;
  const seen = new Map<string, Seen>();
  let current: string | null = null;
  for await (const entry of readArchiveEntries(file)) {
    if (!header) {
      if (entry.name !== HEADER_ENTRY)
        throw new ArchiveError(`${file} is not a tracker backup archive (it does not start with ${HEADER_ENTRY}).`, 'archive_not_archive');
      header = parseJson(file, HEADER_ENTRY, entry.body, headerSchema);
      assertSchemaKnown(file, header, buildMigrations);
      continue;
    }
    if (manifest) throw new ArchiveError(`${file} has entries after its manifest (${entry.name}); it was changed after it was written.`, 'archive_tampered');
    if (entry.name === MANIFEST_ENTRY) {
      manifest = parseJson(file, MANIFEST_ENTRY, entry.body, manifestSchema);
      continue;
    }
    const chunk = parseChunkEntryName(entry.name);
    if (!chunk) throw new ArchiveError(`${file} is not a tracker backup archive (unexpected entry ${entry.name}).`, 'archive_not_archive');
    let table = seen.get(chunk.table);
    if (table && current !== chunk.table)
      throw new ArchiveError(`${file}: the rows of ${chunk.table} are not together; it was changed after it was written.`, 'archive_tampered');
    if (!table) {
      table = { rows: 0, bytes: 0, chunks: 0, hash: createHash('sha256') };
      seen.set(chunk.table, table);
    }
    current = chunk.table;
    if (chunk.chunk !== table.chunks + 1) throw new ArchiveError(`${file}: a part of ${chunk.table} is missing or out of order.`, 'archive_tampered');
    table.chunks += 1;
    table.rows += countLines(entry.body);
    table.bytes += entry.body.length;
    table.hash.update(entry.body);
  }
  if (!header) throw new ArchiveError(`${file} is an empty archive, not a tracker backup.`, 'archive_not_archive');
  if (!manifest) throw new ArchiveError(`${file} has no manifest: it is incomplete (the backup may have been cut short).`, 'archive_damaged');
  const { tables, ...manifestHeader } = manifest;
  if (!isDeepStrictEqual(manifestHeader, header))
    throw new ArchiveError(`${file}: the manifest does not match the archive's header; it was changed after it was written.`, 'archive_tampered');
  const listed = new Set(tables.map((table) => table.name));
  for (const name of seen.keys()) {
    if (!listed.has(name))
      throw new ArchiveError(`${file} holds rows of ${name}, which its manifest does not list; it was changed after it was written.`, 'archive_tampered');
  }
  for (const table of tables) {
    const found = seen.get(table.name) ?? { rows: 0, bytes: 0, chunks: 0, hash: createHash('sha256') };
    const sha256 = found.hash.digest('hex');
    if (found.rows !== table.rows || found.bytes !== table.bytes || found.chunks !== table.chunks || sha256 !== table.sha256) {
      throw new ArchiveError(
        `${file}: the rows of ${table.name} do not match the manifest (${found.rows} rows, checksum ${sha256.slice(0, 12)}…; the manifest says ${table.rows} rows, checksum ${table.sha256.slice(0, 12)}…). The archive is damaged or was changed after it was written.`,
        'archive_checksum',
      );
    }
  }
  return manifest;
}
