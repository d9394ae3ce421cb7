// npm run db:migration -- NAME
// Writes the next migration for both providers from prisma/schema.prisma (the source of truth):
// derives prisma/postgres/schema.prisma, diffs the committed migrations against the schema with
// Prisma's schema engine (WebAssembly, offline) and writes <timestamp>_<name>/migration.sql.
// PostgreSQL needs a server to replay into: MIGRATION_POSTGRES_URL, else postgresql://postgres@127.0.0.1:5432/postgres.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { derivePostgresSchema, postgresSchemaPath, sqliteSchemaPath } from './lib/derive-postgres-schema.mjs';
import { diffMigrationsToSchema, lockfileContent } from './lib/migration-diff';
import { migrationsDir } from '../lib/db/config';

const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]+$/.test(name)) {
  console.error('Usage: npm run db:migration -- NAME   (NAME in lower_snake_case, e.g. add_theme_icon)');
  process.exit(2);
}

const sqliteSchema = readFileSync(sqliteSchemaPath, 'utf8');
const postgresSchema = derivePostgresSchema(sqliteSchema);
writeFileSync(postgresSchemaPath, postgresSchema);

const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const postgresUrl = process.env.MIGRATION_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

for (const [provider, schemaText] of [
  ['sqlite', sqliteSchema],
  ['postgresql', postgresSchema],
] as const) {
  const sql = await diffMigrationsToSchema({ provider, schemaText, postgresUrl });
  const dir = migrationsDir(provider);
  if (!sql) {
    console.log(`${provider}: the migrations already match the schema; nothing written.`);
    continue;
  }
  mkdirSync(path.join(dir, `${stamp}_${name}`), { recursive: true });
  writeFileSync(path.join(dir, `${stamp}_${name}`, 'migration.sql'), sql);
  if (!existsSync(path.join(dir, 'migration_lock.toml'))) writeFileSync(path.join(dir, 'migration_lock.toml'), lockfileContent(provider));
  console.log(`${provider}: wrote ${path.relative(process.cwd(), path.join(dir, `${stamp}_${name}`, 'migration.sql'))}`);
}

// Regenerate both clients so the code sees the new models at once.
execFileSync(process.execPath, ['scripts/prisma-generate.mjs'], { stdio: 'inherit' });
