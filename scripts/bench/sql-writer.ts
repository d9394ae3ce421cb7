// Bulk writes for the data generator, straight through the database drivers (no Prisma): one
// transaction per chunk; SQLite through prepared statements, PostgreSQL through multi-row INSERTs.
// Values are written the way Prisma stores them, so the app reads generated rows like its own:
// SQLite DateTime as ISO text with "+00:00" and booleans as 0/1; PostgreSQL TIMESTAMP(3) as UTC text.
import Database from 'better-sqlite3';
import pg from 'pg';
import { providerOf, sqliteFilePath } from '@/lib/db/config';

export type Value = string | number | boolean | Date | null;
export type TableRows = { table: string; columns: readonly string[]; rows: Value[][] };

export interface SqlWriter {
  /** Writes the tables in the order given (parents first), all in one transaction. */
  writeChunk(tables: TableRows[]): Promise<void>;
  close(): Promise<void>;
}

const quote = (name: string) => `"${name}"`;

function pgTimestamp(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

class SqliteWriter implements SqlWriter {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    this.db = new Database(file, { timeout: 10_000 });
    // This connection only: a crash mid-generation means regenerating anyway, so skip the fsyncs.
    this.db.pragma('synchronous = OFF');
  }

  private statement(table: string, columns: readonly string[]): Database.Statement {
    const key = `${table}(${columns.join(',')})`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      this.statements.set(key, statement);
    }
    return statement;
  }

  async writeChunk(tables: TableRows[]): Promise<void> {
    const toSqlite = (value: Value) =>
      value instanceof Date ? value.toISOString().replace('Z', '+00:00') : typeof value === 'boolean' ? (value ? 1 : 0) : value;
    this.db.transaction(() => {
      for (const { table, columns, rows } of tables) {
        const statement = this.statement(table, columns);
        for (const row of rows) statement.run(row.map(toSqlite));
      }
    })();
  }

  async close(): Promise<void> {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.close();
  }
}

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table. */
const PG_ROWS_PER_STATEMENT = 1_000;

class PostgresWriter implements SqlWriter {
  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<PostgresWriter> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('SET synchronous_commit = off');
    return new PostgresWriter(client);
  }

  async writeChunk(tables: TableRows[]): Promise<void> {
    await this.client.query('BEGIN');
    try {
      for (const { table, columns, rows } of tables) {
        for (let start = 0; start < rows.length; start += PG_ROWS_PER_STATEMENT) {
          const batch = rows.slice(start, start + PG_ROWS_PER_STATEMENT);
          const values: unknown[] = [];
          const tuples = batch.map((row) => {
            const marks = row.map((value) => {
              values.push(value instanceof Date ? pgTimestamp(value) : value);
              return `$${values.length}`;
            });
            return `(${marks.join(', ')})`;
          });
          await this.client.query(`INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`, values);
        }
      }
      await this.client.query('COMMIT');
    } catch (error) {
      await this.client.query('ROLLBACK');
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}

export async function openWriter(url: string): Promise<SqlWriter> {
  return providerOf(url) === 'sqlite' ? new SqliteWriter(sqliteFilePath(url)) : PostgresWriter.open(url);
}
