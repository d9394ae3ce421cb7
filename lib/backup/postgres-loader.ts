// Loads rows into PostgreSQL: one transaction, multi-row INSERTs (within the 65,535 bind parameters
// of a statement). Tables arrive parents first, so each foreign key is satisfied as it is checked.
// The search triggers fill the search index as the recommendations and evidence notes go in.
import type pg from 'pg';
import type { Loader } from './loader';
import type { ArchiveColumn } from './archive-format';
import { postgresClient } from './postgres-snapshot';
import { fromArchiveValue, type ArchiveValue } from './values';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
const MAX_PARAMETERS = 60_000;
const MAX_ROWS_PER_STATEMENT = 1_000;

export class PostgresLoader implements Loader {
  readonly provider = 'postgresql' as const;
  private closed = false;

  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<PostgresLoader> {
    const client = postgresClient(url);
    await client.connect();
    try {
      await client.query('BEGIN');
    } catch (error) {
      await client.end();
      throw error;
    }
    return new PostgresLoader(client);
  }

  async insert(table: string, columns: ArchiveColumn[], rows: ArchiveValue[][]): Promise<void> {
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length)));
    const names = columns.map((column) => quote(column.name)).join(', ');
    for (let start = 0; start < rows.length; start += perStatement) {
      const batch = rows.slice(start, start + perStatement);
      const values: unknown[] = [];
      const tuples = batch.map((row) => {
        const placeholders = row.map((value, index) => {
          values.push(fromArchiveValue('postgresql', columns[index]!.type, value));
          return `$${values.length}`;
        });
        return `(${placeholders.join(', ')})`;
      });
      await this.client.query(`INSERT INTO ${quote(table)} (${names}) VALUES ${tuples.join(', ')}`, values);
    }
  }

  async count(table: string): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
    return Number(rows[0]!.n);
  }

  async commit(): Promise<void> {
    try {
      await this.client.query('COMMIT');
    } finally {
      this.closed = true;
      await this.client.end();
    }
  }

  async rollback(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.client.query('ROLLBACK');
    } finally {
      await this.client.end();
    }
  }
}
