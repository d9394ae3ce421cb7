import { readFileSync } from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { diffMigrationsToSchema } from '../../scripts/lib/migration-diff';
import { postgresSchemaPath, sqliteSchemaPath } from '../../scripts/lib/derive-postgres-schema.mjs';
import { testProvider } from '../test/test-db';

// Runs for the provider under test: SQLite in `npm test`, PostgreSQL in CI's PostgreSQL run.
const provider = testProvider();
const schemaText = readFileSync(provider === 'sqlite' ? sqliteSchemaPath : postgresSchemaPath, 'utf8');
const postgresUrl = inject('postgresServerUrl') ?? undefined;

describe(`committed migrations (${provider})`, () => {
  it('produce exactly the schema in prisma/: nothing left to migrate', async () => {
    expect(await diffMigrationsToSchema({ provider, schemaText, postgresUrl })).toBe('');
  });

  it('would be reported as drifted if the schema gained a field without a migration', async () => {
    const changed = schemaText.replace('model Setting {', 'model Setting {\n  drift String?');
    expect(await diffMigrationsToSchema({ provider, schemaText: changed, postgresUrl })).toMatch(/drift/);
  });
});
