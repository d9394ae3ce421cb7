import { describe, expect, it } from 'vitest';
import { Prisma as SqlitePrisma } from './generated/sqlite/client';
import { Prisma as PostgresPrisma } from './generated/postgres/client';
import * as Prisma from './sql';

describe('raw SQL helpers', () => {
  it('are the very objects both generated clients export, so either client takes their fragments', () => {
    for (const client of [SqlitePrisma, PostgresPrisma]) {
      expect([Prisma.sql, Prisma.join, Prisma.raw, Prisma.empty, Prisma.Sql]).toEqual([client.sql, client.join, client.raw, client.empty, client.Sql]);
      expect(Prisma.sql`SELECT ${1}`).toBeInstanceOf(client.Sql);
    }
  });
});
