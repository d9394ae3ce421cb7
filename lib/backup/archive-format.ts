// The backup archive (`tracker backup --out`): a gzip-compressed tar file (tar-stream + zlib), the
// same on SQLite and PostgreSQL.
//
//   backup.json                     what this is: format, version, schema version (first entry)
//   tables/<Table>/000001.jsonl     the table's rows, one JSON object per line, in primary-key order,
//   tables/<Table>/000002.jsonl     in chunks of at most CHUNK_ROWS rows or about CHUNK_BYTES bytes
//   ...                             (a tar entry's size is written before it, so a chunk is built in memory)
//   manifest.json                   row counts and SHA-256 checksums of every table (last entry)
//
// Values are written in one provider-neutral form whatever database they came from (values.ts), so a
// table's checksum is the same after SQLite -> archive -> PostgreSQL -> archive.

export const ARCHIVE_FORMAT = 'recommendation-tracker-backup';
export const ARCHIVE_FORMAT_VERSION = 1;
export const HEADER_ENTRY = 'backup.json';
export const MANIFEST_ENTRY = 'manifest.json';
export const CHUNK_ROWS = 10_000;
export const CHUNK_BYTES = 4 * 1024 * 1024;

/** A column's type as the archive records it, the same for both providers. */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'float' | 'decimal' | 'boolean' | 'datetime' | 'bytes';

export type ArchiveColumn = { name: string; type: ColumnType };

export type ArchiveTable = {
  name: string;
  /** Primary-key columns first, then the others by name. */
  columns: ArchiveColumn[];
  primaryKey: string[];
  rows: number;
  /** SHA-256 of the table's JSON lines, all chunks in order. */
  sha256: string;
  /** Bytes of the table's JSON lines, uncompressed. */
  bytes: number;
  chunks: number;
};

export type ArchiveSchema = {
  /** The newest migration applied to the database the archive was made from. */
  version: string;
  /** Every migration applied to it, in order (the names are the same for both providers). */
  migrations: string[];
};

export type ArchiveHeader = {
  format: typeof ARCHIVE_FORMAT;
  formatVersion: number;
  createdAt: string;
  /** The database the archive was made from (a restore may load it into either). */
  source: { provider: 'sqlite' | 'postgresql' };
  schema: ArchiveSchema;
};

/** Tables in the order they are written and loaded: a table after the tables its foreign keys point to. */
export type Manifest = ArchiveHeader & { tables: ArchiveTable[] };

export function chunkEntryName(table: string, chunk: number): string {
  return `tables/${table}/${String(chunk).padStart(6, '0')}.jsonl`;
}

const CHUNK_ENTRY = /^tables\/([^/]+)\/(\d{6})\.jsonl$/;

export function parseChunkEntryName(name: string): { table: string; chunk: number } | null {
  const match = CHUNK_ENTRY.exec(name);
  return match ? { table: match[1]!, chunk: Number(match[2]) } : null;
}
