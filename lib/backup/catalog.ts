// The tables a backup holds, read from the database itself (not from the Prisma schema), so every
// table is in it, whichever migration made it: all but Prisma's migration log and the search index,
// which the database's own triggers rebuild as the recommendations and evidence notes are loaded
// (ARCHITECTURE.md, "The search index"; lib/db/external-tables.ts).
import { externalTables } from '@/lib/db/external-tables';
import type { Provider } from '@/lib/db/config';
import type { ArchiveColumn, ColumnType } from './archive-format';

export type CatalogTable = {
  name: string;
  /** Primary-key columns first (in key order), then the others by name: the same on both providers. */
  columns: ArchiveColumn[];
  primaryKey: string[];
  /** Tables this one's foreign keys point to. */
  references: string[];
};

export const MIGRATIONS_TABLE = '_prisma_migrations';

export function isBackedUp(provider: Provider, table: string): boolean {
  const skipped = new Set(externalTables(provider).map((name) => name.replace(/^public\./, '')));
  return table !== MIGRATIONS_TABLE && !skipped.has(table);
}

const SQLITE_TYPES: [RegExp, ColumnType][] = [
  [/^BIGINT/, 'bigint'],
  [/^(INTEGER|INT|SMALLINT)\b/, 'integer'],
  [/^(TEXT|VARCHAR|CHAR)/, 'text'],
  [/^(REAL|DOUBLE|FLOAT)/, 'float'],
  [/^(DECIMAL|NUMERIC)/, 'decimal'],
  [/^BOOLEAN/, 'boolean'],
  [/^(DATETIME|DATE|TIMESTAMP)/, 'datetime'],
  [/^BLOB/, 'bytes'],
];

const POSTGRES_TYPES: Record<string, ColumnType> = {
  text: 'text',
  'character varying': 'text',
  character: 'text',
  integer: 'integer',
  smallint: 'integer',
  bigint: 'bigint',
  'double precision': 'float',
  real: 'float',
  numeric: 'decimal',
  boolean: 'boolean',
  'timestamp without time zone': 'datetime',
  'timestamp with time zone': 'datetime',
  date: 'datetime',
  bytea: 'bytes',
};

export function columnType(provider: Provider, table: string, column: string, declared: string): ColumnType {
  const type = provider === 'sqlite' ? SQLITE_TYPES.find(([pattern]) => pattern.test(declared.toUpperCase()))?.[1] : POSTGRES_TYPES[declared.toLowerCase()];
  if (!type) throw new Error(`${table}.${column} has the type ${declared}, which backups do not know yet (lib/backup/catalog.ts).`);
  return type;
}

/** Primary-key columns first, then the others by name. */
export function orderColumns(columns: ArchiveColumn[], primaryKey: string[]): ArchiveColumn[] {
  const byName = new Map(columns.map((column) => [column.name, column]));
  const rest = columns.filter((column) => !primaryKey.includes(column.name)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [...primaryKey.map((name) => byName.get(name)!), ...rest];
}

/** Parents before children (foreign keys), otherwise by name: the order tables are written and loaded in. */
export function loadOrder(tables: CatalogTable[]): CatalogTable[] {
  const byName = new Map(tables.map((table) => [table.name, table]));
  const sorted: CatalogTable[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (table: CatalogTable, path: string[]) => {
    if (state.get(table.name) === 'done') return;
    if (state.get(table.name) === 'visiting') throw new Error(`Foreign keys form a cycle: ${[...path, table.name].join(' -> ')}`);
    state.set(table.name, 'visiting');
    for (const name of [...table.references].sort()) {
      const parent = byName.get(name);
      if (parent && parent !== table) visit(parent, [...path, table.name]);
    }
    state.set(table.name, 'done');
    sorted.push(table);
  };
  for (const table of [...tables].sort((a, b) => (a.name < b.name ? -1 : 1))) visit(table, []);
  return sorted;
}
