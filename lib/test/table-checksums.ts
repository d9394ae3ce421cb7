// A checksum of every table in the database, for tests that must prove a request changed nothing
// ("hostile input changes nothing"). Generic: the table list comes from the database itself
// (SQLite's schema table, PostgreSQL's catalogue), so a table added later is covered without
// touching this file. Rows are compared as a sorted multiset, so the order a table is read in
// does not matter.
import { createHash } from 'node:crypto';
import { providerOfClient, type Db } from '@/lib/db/client';
import * as Prisma from '@/lib/db/sql';

export type ChecksumOptions = {
  /** Tables left out entirely, e.g. a rate limiter's counters, which a refused request is meant to move. */
  ignoreTables?: string[];
  /** Columns left out, as "Table.column", e.g. "ApiToken.lastUsedAt", which every authenticated call writes. */
  ignoreColumns?: string[];
};

/** Every ordinary table, by name. SQLite's virtual tables are left out: their shadow tables hold their data and are listed. */
export async function listTables(db: Db): Promise<string[]> {
  const rows =
    providerOfClient(db) === 'sqlite'
      ? await db.$queryRaw<{ name: string }[]>(
          Prisma.sql`SELECT name FROM sqlite_master WHERE type = 'table' AND substr(name, 1, 7) <> 'sqlite_' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
        )
      : await db.$queryRaw<{ name: string }[]>(
          Prisma.sql`SELECT tablename AS name FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY tablename`,
        );
  return rows.map((row) => row.name);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One table's rows as text, a line per row, column by column. SQLite: each value through quote(), so
 * blobs (the search index's pages) and numbers read the same every time; PostgreSQL: the row as jsonb.
 */
async function rowLines(db: Db, table: string, ignore: Set<string>): Promise<string[]> {
  if (providerOfClient(db) === 'sqlite') {
    const columns = (await db.$queryRaw<{ name: string }[]>(Prisma.sql`SELECT name FROM pragma_table_info(${table}) ORDER BY name`))
      .map((column) => column.name)
      .filter((column) => !ignore.has(`${table}.${column}`));
    if (columns.length === 0) return [];
    const list = Prisma.raw(columns.map((column) => `quote(${quoted(column)})`).join(' || char(31) || '));
    const rows = await db.$queryRaw<{ line: string }[]>(Prisma.sql`SELECT ${list} AS line FROM ${Prisma.raw(quoted(table))}`);
    return rows.map((row) => row.line);
  }
  const rows = await db.$queryRaw<{ row: Record<string, unknown> }[]>(Prisma.sql`SELECT to_jsonb(t) AS row FROM ${Prisma.raw(quoted(table))} t`);
  return rows.map(({ row }) =>
    JSON.stringify(
      Object.keys(row)
        .filter((column) => !ignore.has(`${table}.${column}`))
        .sort()
        .map((column) => [column, row[column]]),
    ),
  );
}

/** One table's rows, reduced to a hash: equal hashes mean the same rows (in any order). */
async function tableChecksum(db: Db, table: string, ignore: Set<string>): Promise<string> {
  const lines = await rowLines(db, table, ignore);
  lines.sort();
  const hash = createHash('sha256');
  for (const line of lines) hash.update(line).update('\n');
  return `${lines.length}:${hash.digest('hex').slice(0, 16)}`;
}

/** Table name → "row count:hash" for every table; compare two with `expect(after).toEqual(before)`, which names the table that changed. */
export async function tableChecksums(db: Db, options: ChecksumOptions = {}): Promise<Record<string, string>> {
  const skip = new Set(options.ignoreTables ?? []);
  const ignore = new Set(options.ignoreColumns ?? []);
  const result: Record<string, string> = {};
  for (const table of await listTables(db)) {
    if (!skip.has(table)) result[table] = await tableChecksum(db, table, ignore);
  }
  return result;
}
