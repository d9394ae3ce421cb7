// A PostgreSQL snapshot: one connection in a REPEATABLE READ READ ONLY transaction (its first
// statement fixes what it sees), each table read through a server-side cursor in primary-key order,
// text compared byte by byte (COLLATE "C") as SQLite does, so both write the same archive.
import pg from 'pg';
import type { Snapshot } from './snapshot';
import { columnType, isBackedUp, loadOrder, MIGRATIONS_TABLE, orderColumns, type CatalogTable } from './catalog';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** int8, numeric, date, timestamp, timestamptz: kept as the server's text (values.ts reads it exactly). */
const AS_TEXT = new Set([20, 1700, 1082, 1114, 1184]);

const asText = (value: string) => value;

export function postgresClient(url: string): pg.Client {
  const getTypeParser = ((oid: number, format?: 'text' | 'binary') =>
    AS_TEXT.has(oid) ? asText : (pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown)(oid, format)) as typeof pg.types.getTypeParser;
  return new pg.Client({ connectionString: url, types: { getTypeParser } });
}

export class PostgresSnapshot implements Snapshot {
  readonly provider = 'postgresql' as const;

  private constructor(private readonly client: pg.Client) {}

  static async open(url: string): Promise<PostgresSnapshot> {
    const client = postgresClient(url);
    await client.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query('SELECT 1');
    } catch (error) {
      await client.end();
      throw error;
    }
    return new PostgresSnapshot(client);
  }

  private async tableNames(): Promise<string[]> {
    const { rows } = await this.client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'",
    );
    return rows.map((row) => row.name);
  }

  async appliedMigrations(): Promise<string[]> {
    if (!(await this.tableNames()).includes(MIGRATIONS_TABLE)) return [];
    const { rows } = await this.client.query<{ migration_name: string }>(
      `SELECT migration_name FROM ${quote(MIGRATIONS_TABLE)} WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name COLLATE "C"`,
    );
    return rows.map((row) => row.migration_name);
  }

  async dataTables(): Promise<string[]> {
    return (await this.tableNames()).filter((name) => isBackedUp('postgresql', name));
  }

  async catalog(): Promise<CatalogTable[]> {
    const names = await this.dataTables();
    const columns = await this.client.query<{ table: string; name: string; type: string }>(
      'SELECT table_name AS table, column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY ordinal_position',
    );
    const keys = await this.client.query<{ table: string; name: string }>(
      `SELECT cl.relname AS table, a.attname AS name
         FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid
         JOIN pg_namespace n ON n.oid = cl.relnamespace
         CROSS JOIN LATERAL unnest(c.conkey) WITH ORDINALITY AS k(attnum, position)
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum
        WHERE c.contype = 'p' AND n.nspname = current_schema()
        ORDER BY cl.relname, k.position`,
    );
    const references = await this.client.query<{ table: string; parent: string }>(
      `SELECT cl.relname AS table, parent.relname AS parent
         FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid
         JOIN pg_class parent ON parent.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = cl.relnamespace
        WHERE c.contype = 'f' AND n.nspname = current_schema()`,
    );
    const tables = names.map((name): CatalogTable => {
      const primaryKey = keys.rows.filter((row) => row.table === name).map((row) => row.name);
      if (!primaryKey.length) throw new Error(`Table ${name} has no primary key; a backup reads every table in primary-key order.`);
      const tableColumns = columns.rows
        .filter((row) => row.table === name)
        .map((row) => ({ name: row.name, type: columnType('postgresql', name, row.name, row.type) }));
      const parents = references.rows.filter((row) => row.table === name).map((row) => row.parent);
      return { name, columns: orderColumns(tableColumns, primaryKey), primaryKey, references: [...new Set(parents)] };
    });
    return loadOrder(tables);
  }

  async count(table: string): Promise<number> {
    const { rows } = await this.client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
    return Number(rows[0]!.n);
  }

  async *rows(table: CatalogTable, batchSize: number): AsyncIterable<unknown[][]> {
    const order = table.primaryKey
      .map((name) => {
        const type = table.columns.find((column) => column.name === name)!.type;
        return type === 'text' ? `${quote(name)} COLLATE "C"` : quote(name);
      })
      .join(', ');
    const columns = table.columns.map((column) => quote(column.name)).join(', ');
    await this.client.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${columns} FROM ${quote(table.name)} ORDER BY ${order}`);
    try {
      for (;;) {
        const { rows } = await this.client.query<unknown[]>({ text: `FETCH ${batchSize} FROM backup_rows`, rowMode: 'array' });
        if (!rows.length) break;
        yield rows;
      }
    } finally {
      await this.client.query('CLOSE backup_rows');
    }
  }

  async close(): Promise<void> {
    try {
      await this.client.query('COMMIT');
    } finally {
      await this.client.end();
    }
  }
}
