import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { ArgType } from '@prisma/driver-adapter-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachePreparedStatements } from './statement-cache';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-statements-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const text: ArgType = { scalarType: 'string', arity: 'scalar' };
const int: ArgType = { scalarType: 'int', arity: 'scalar' };

async function connection() {
  return new PrismaBetterSqlite3({ url: path.join(dir, 'cache.db') }).connect();
}

describe('SQLite statement cache', () => {
  it('compiles a statement once and runs it with each call’s own values', async () => {
    const db = await connection();
    const cache = cachePreparedStatements(db)!;
    try {
      await db.executeScript('CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
      const insert = (id: number, body: string) => db.executeRaw({ sql: 'INSERT INTO note (id, body) VALUES (?, ?)', args: [id, body], argTypes: [int, text] });
      const read = (id: number) => db.queryRaw({ sql: 'SELECT id, body FROM note WHERE id = ?', args: [id], argTypes: [int] });
      expect(await insert(1, 'first')).toBe(1);
      expect(await insert(2, 'second')).toBe(1);
      expect((await read(1)).rows).toEqual([[1, 'first']]);
      expect((await read(2)).rows).toEqual([[2, 'second']]);
      expect((await read(3)).rows).toEqual([]);
      expect((await read(2)).columnNames).toEqual(['id', 'body']);
      // One compiled INSERT and one SELECT served all seven calls.
      expect(cache.compiled).toBe(2);
      await expect(db.queryRaw({ sql: 'SELECT nope FROM note', args: [], argTypes: [] })).rejects.toThrow();
    } finally {
      await db.dispose();
    }
  });

  it('keeps at most its capacity, dropping the least recently used', async () => {
    const db = await connection();
    const cache = cachePreparedStatements(db, 2)!;
    try {
      const select = (value: number) => db.queryRaw({ sql: `SELECT ${value} AS v`, args: [], argTypes: [] });
      await select(1);
      await select(2);
      await select(1); // kept, and now the most recently used
      await select(3); // drops 2
      expect(cache.size).toBe(2);
      expect(cache.compiled).toBe(3);
      await select(1);
      expect(cache.compiled).toBe(3);
      await select(2);
      expect(cache.compiled).toBe(4);
      expect((await select(2)).rows).toEqual([[2]]);
    } finally {
      await db.dispose();
    }
  });

  it('compiles a very long statement (a long list of values) each time, without keeping it', async () => {
    const db = await connection();
    const cache = cachePreparedStatements(db)!;
    try {
      const values = Array.from({ length: 2_000 }, (_, index) => index);
      const sql = `SELECT COUNT(*) FROM (SELECT 1 AS v) WHERE v IN (${values.map(() => '?').join(',')})`;
      const run = () => db.queryRaw({ sql, args: values, argTypes: values.map(() => int) });
      expect((await run()).rows).toEqual([[1]]);
      expect((await run()).rows).toEqual([[1]]);
      expect(cache.size).toBe(0);
    } finally {
      await db.dispose();
    }
  });

  it('leaves a connection it does not recognise alone', () => {
    expect(cachePreparedStatements({ client: { query: () => undefined } })).toBeNull();
  });
});
