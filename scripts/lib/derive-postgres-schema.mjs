// Derives prisma/postgres/schema.prisma from prisma/schema.prisma (the source of truth).
// Prisma needs the provider as a literal, so the PostgreSQL schema is the same models with
// another datasource provider and generator output.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sqliteSchemaPath = path.join(root, 'prisma/schema.prisma');
export const postgresSchemaPath = path.join(root, 'prisma/postgres/schema.prisma');

const HEADER =
  '// GENERATED from prisma/schema.prisma by scripts/lib/derive-postgres-schema.mjs. Do not edit:\n' +
  '// change prisma/schema.prisma and run `npm run db:migration -- NAME`.\n';

/** @param {string} sqliteSchema */
export function derivePostgresSchema(sqliteSchema) {
  const replaced = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('output       = "../lib/db/generated/sqlite"', 'output       = "../../lib/db/generated/postgres"');
  if (!replaced.includes('"postgresql"') || !replaced.includes('generated/postgres')) {
    throw new Error('prisma/schema.prisma no longer has the expected provider/output lines');
  }
  return HEADER + replaced;
}

export function readDerivedPostgresSchema() {
  return derivePostgresSchema(readFileSync(sqliteSchemaPath, 'utf8'));
}
