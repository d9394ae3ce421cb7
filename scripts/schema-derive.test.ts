import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { derivePostgresSchema, postgresSchemaPath, readDerivedPostgresSchema } from './lib/derive-postgres-schema.mjs';

describe('provider schemas', () => {
  it('the committed PostgreSQL schema is exactly the one derived from prisma/schema.prisma', () => {
    expect(readFileSync(postgresSchemaPath, 'utf8')).toBe(readDerivedPostgresSchema());
  });

  it('derivation changes only the provider and the client output', () => {
    const derived = derivePostgresSchema(
      'generator client {\n  provider     = "prisma-client"\n  output       = "../lib/db/generated/sqlite"\n}\ndatasource db {\n  provider = "sqlite"\n}\nmodel A { id Int @id }\n',
    );
    expect(derived).toContain('provider = "postgresql"');
    expect(derived).toContain('../../lib/db/generated/postgres');
    expect(derived).toContain('model A { id Int @id }');
  });

  it('refuses a schema whose provider line it cannot find', () => {
    expect(() => derivePostgresSchema('datasource db {\n  provider = "mysql"\n}\n')).toThrow(/expected provider/);
  });
});
