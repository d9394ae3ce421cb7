// One provider-neutral form for each column type in the archive, and the way each database driver
// gives and takes it. SQLite (better-sqlite3, safe integers on) returns BigInt for every integer,
// 0/1 for booleans and DateTime as the text Prisma wrote ("2026-03-01T10:00:00.000+00:00"), or the
// text SQL's CURRENT_TIMESTAMP wrote; PostgreSQL (pg, with timestamp, int8 and numeric left as text,
// postgres-snapshot.ts) returns TIMESTAMP(3) as "2026-03-01 10:00:00" in UTC.
//
//   text, decimal, bigint  -> JSON string (bigint and decimal exactly, decimal without trailing zeros)
//   integer, float         -> JSON number
//   boolean                -> true / false
//   datetime               -> "2026-03-01T10:00:00.000Z" (UTC, milliseconds)
//   bytes                  -> base64 string
import type { Provider } from '@/lib/db/config';
import type { ColumnType } from './archive-format';

export type ArchiveValue = string | number | boolean | null;

/** What better-sqlite3 (safe integers) and pg (postgres-snapshot.ts's parsers) return for a column. */
export type DriverValue = string | number | bigint | boolean | Date | Uint8Array | null | undefined;

function isoFromText(text: string): string {
  // SQLite's CURRENT_TIMESTAMP and PostgreSQL's TIMESTAMP without zone: a UTC time without a zone.
  const bare = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text);
  const date = new Date(bare ? `${text.replace(' ', 'T')}Z` : text.replace(/([+-]\d{2})$/, '$1:00'));
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${JSON.stringify(text)}`);
  return date.toISOString();
}

function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

function textOf(value: Exclude<DriverValue, null | undefined>): string {
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return String(value);
}

/** A value as the archive holds it, from what the database driver returned. */
export function toArchiveValue(type: ColumnType, value: DriverValue): ArchiveValue {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'text':
      return typeof value === 'string' ? value : textOf(value);
    case 'integer': {
      const number = Number(value);
      if (!Number.isSafeInteger(number)) throw new Error(`not an integer: ${textOf(value)}`);
      return number;
    }
    case 'bigint':
      return BigInt(textOf(value)).toString();
    case 'float': {
      const number = Number(value);
      return Number.isFinite(number) ? number : String(number);
    }
    case 'decimal':
      return trimDecimal(textOf(value));
    case 'boolean':
      return value === true || value === 1 || value === 1n || value === '1' || value === 't';
    case 'datetime':
      if (value instanceof Date) return value.toISOString();
      if (typeof value === 'number' || typeof value === 'bigint') return new Date(Number(value)).toISOString();
      return isoFromText(textOf(value));
    case 'bytes':
      return value instanceof Uint8Array ? Buffer.from(value).toString('base64') : Buffer.from(textOf(value)).toString('base64');
  }
}

/** What the provider's driver takes to store an archive value as the app would have stored it. */
export function fromArchiveValue(provider: Provider, type: ColumnType, value: ArchiveValue): unknown {
  if (value === null) return null;
  switch (type) {
    case 'text':
      return String(value);
    case 'integer':
      return Number(value);
    case 'bigint':
      return provider === 'sqlite' ? BigInt(value) : String(value);
    case 'float':
      return Number(value);
    case 'decimal':
      // Prisma's SQLite adapter stores a Decimal as a number too.
      return provider === 'sqlite' ? Number(value) : String(value);
    case 'boolean':
      return provider === 'sqlite' ? (value ? 1 : 0) : Boolean(value);
    case 'datetime':
      // SQLite: the text Prisma's adapter writes. PostgreSQL: TIMESTAMP(3) ignores the zone of the
      // text given (and TIMESTAMPTZ reads it), so the UTC time is stored either way.
      return provider === 'sqlite' ? String(value).replace('Z', '+00:00') : String(value);
    case 'bytes':
      return Buffer.from(String(value), 'base64');
  }
}
