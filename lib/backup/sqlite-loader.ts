// Loads rows into SQLite: one IMMEDIATE transaction, prepared statements, foreign keys checked at
// the commit (tables arrive parents first anyway). The search triggers fill the search index as the
// recommendations and evidence notes go in.
import Database from 'better-sqlite3';
import type { Loader } from './loader';
import type { ArchiveColumn } from './archive-format';
import { fromArchiveValue, type ArchiveValue } from './values';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export class SqliteLoader implements Loader {
  readonly provider = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();

  private constructor(private readonly db: Database.Database) {}

  static open(file: string): SqliteLoader {
    const db = new Database(file, { fileMustExist: true, timeout: 10_000 });
    db.pragma('foreign_keys = ON');
    db.pragma('cache_size = -32768');
    db.exec('BEGIN IMMEDIATE');
    db.pragma('defer_foreign_keys = ON');
    return new SqliteLoader(db);
  }

  private statement(table: string, columns: ArchiveColumn[]): Database.Statement {
    const key = `${table}(${columns.map((column) => column.name).join(',')})`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO ${quote(table)} (${columns.map((column) => quote(column.name)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      );
      this.statements.set(key, statement);
    }
    return statement;
  }

  async insert(table: string, columns: ArchiveColumn[], rows: ArchiveValue[][]): Promise<void> {
    const statement = this.statement(table, columns);
    for (const row of rows) statement.run(row.map((value, index) => fromArchiveValue('sqlite', columns[index]!.type, value)));
  }

  async count(table: string): Promise<number> {
    return Number((this.db.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n);
  }

  async commit(): Promise<void> {
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.db.close();
      throw error;
    }
    this.db.close();
  }

  async rollback(): Promise<void> {
    if (!this.db.open) return;
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.db.close();
  }
}
