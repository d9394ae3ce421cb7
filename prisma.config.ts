// Prisma CLI configuration for a standard deployment (prisma generate / prisma migrate deploy).
// The app itself migrates without the CLI (lib/db/migrate.ts); this file keeps the same
// schema and migration folders usable by Prisma's own tools where its engines are available.
import 'dotenv/config';
import { defineConfig } from 'prisma/config';
import { externalTables } from './lib/db/external-tables';

const url = process.env.DATABASE_URL ?? 'file:./data/tracker.db';
const postgres = /^postgres(ql)?:\/\//.test(url);

export default defineConfig({
  schema: postgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  datasource: { url },
  // The search index is the migrations' own (lib/db/external-tables.ts): Migrate must not touch it.
  experimental: { externalTables: true },
  tables: { external: externalTables(postgres ? 'postgresql' : 'sqlite') },
});
