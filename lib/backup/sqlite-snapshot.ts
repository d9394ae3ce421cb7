// A SQLite snapshot: a read-only connection in a deferred transaction. Under WAL (lib/db/migrate.ts)
// its first read fixes what it sees until it ends, while the app goes on writing (SQLite only cannot
// checkpoint past it meanwhile).
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { RuleViolationError } from '@/lib/errors';
import type { Snapshot } from './snapshot';
import { columnType, isBackedUp, loadOrder, MIGRATIONS_TABLE, orderColumns, type CatalogTable } from './catalog';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

type ColumnInfo = { name: string; type: string; pk: number };
type ForeignKeyInfo = { table: string };

export class SqliteSnapshot implements Snapshot {
  readonly provider = 'sqlite' as const;

  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SqliteSnapshot {
    if (!existsSync(file)) throw new RuleViolationError('database_missing', `There is no SQLite database at ${file} (DATABASE_URL).`);
    const db = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
    db.exec('BEGIN DEFERRED');
    // The first read starts the snapshot.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return new SqliteSnapshot(db);
  }

  private tableNames(): string[] {
    return (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").all() as { name: string }[]).map(
      (row) => row.name,
    );
  }

  async appliedMigrations(): Promise<string[]> {
    if (!this.tableNames().includes(MIGRATIONS_TABLE)) return [];
    const rows = this.db
      .prepare(`SELECT migration_name FROM ${quote(MIGRATIONS_TABLE)} WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`)
      .all() as { migration_name: string }[];
    return rows.map((row) => row.migration_name);
  }

  async dataTables(): Promise<string[]> {
    return this.tableNames().filter((name) => isBackedUp('sqlite', name));
  }

  async catalog(): Promise<CatalogTable[]> {
    const tables = (await this.dataTables()).map((name): CatalogTable => {
      const info = this.db.prepare(`PRAGMA table_info(${quote(name)})`).all() as ColumnInfo[];
      const primaryKey = info
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name);
      if (!primaryKey.length) throw new Error(`Table ${name} has no primary key; a backup reads every table in primary-key order.`);
      const columns = info.map((column) => ({ name: column.name, type: columnType('sqlite', name, column.name, column.type) }));
      const references = (this.db.prepare(`PRAGMA foreign_key_list(${quote(name)})`).all() as ForeignKeyInfo[]).map((key) => key.table);
      return { name, columns: orderColumns(columns, primaryKey), primaryKey, references: [...new Set(references)] };
    });
    return loadOrder(tables);
  }

  async count(table: string): Promise<number> {
    return Number((this.db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n);
  }

  async *rows(table: CatalogTable, batchSize: number): AsyncIterable<unknown[][]> {
    const statement = this.db
      .prepare(
        `SELECT ${table.columns.map((column) => quote(column.name)).join(', ')} FROM ${quote(table.name)} ORDER BY ${table.primaryKey.map(quote).join(', ')}`,
      )
      .raw(true)
      .safeIntegers(true);
    let batch: unknown[][] = [];
    for (const row of statement.iterate() as IterableIterator<unknown[]>) {
      batch.push(row);
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length) yield batch;
  }

  async close(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('COMMIT');
    this.db.close();
  }
}
