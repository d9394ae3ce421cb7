import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, isTransactionClient } from './client';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { TrackerSqliteAdapter } from './sqlite-adapter';
import { migrate } from './migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-client-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('database client (SQLite)', () => {
  it('commits in WAL mode with synchronous=NORMAL, whatever query comes first', async () => {
    const url = `file:${path.join(dir, 'tracker.db')}`;
    await migrate(url);
    const db = createClient(url);
    try {
      const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      const [sync] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>('PRAGMA synchronous');
      expect(mode?.journal_mode).toBe('wal');
      // 0 OFF, 1 NORMAL, 2 FULL.
      expect(Number(sync?.synchronous)).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it('a transaction holds the write lock from its start, so a read-then-write never fails because another connection wrote', async () => {
    const file = path.join(dir, 'tracker.db');
    await migrate(`file:${file}`);
    const db = createClient(`file:${file}`);
    // Another process on the same file (the CLI, a second server), with no patience for locks.
    const other = new Database(file, { timeout: 0 });
    const insert = other.prepare(`INSERT INTO "Setting" ("key", "value", "updatedAt") VALUES (?, 'x', '2026-01-01T00:00:00.000+00:00')`);
    try {
      await db.$transaction(async (tx) => {
        await tx.setting.findMany();
        // A deferred BEGIN would let this write in, and the transaction's own write below would
        // then fail with SQLITE_BUSY_SNAPSHOT.
        expect(() => insert.run('other.during')).toThrow(/locked|busy/i);
        await tx.setting.create({ data: { key: 'ours', value: 'y' } });
      });
      insert.run('other.after');
      expect((await db.setting.findMany({ orderBy: { key: 'asc' } })).map((row) => row.key)).toEqual(['other.after', 'ours']);
    } finally {
      other.close();
      await db.$disconnect();
    }
  });

  it('binds as many values as SQLite allows, not the 999 Prisma assumes (the search hands the list thousands of ids)', async () => {
    const url = `file:${path.join(dir, 'tracker.db')}`;
    await migrate(url);
    const db = createClient(url);
    try {
      await db.setting.create({ data: { key: 'key-4999', value: 'x' } });
      await db.setting.create({ data: { key: 'key-0', value: 'y' } });
      const keys = Array.from({ length: 5_000 }, (_, index) => `key-${index}`);
      // Ordered and paged, as the list is: a query Prisma could not split into chunks.
      const page = await db.setting.findMany({ where: { key: { in: keys } }, orderBy: { key: 'desc' }, skip: 0, take: 1 });
      expect(page.map((row) => row.key)).toEqual(['key-4999']);
    } finally {
      await db.$disconnect();
    }
  });

  it('a read outside a transaction sees only committed data at once; a write outside waits, and a rollback never takes it along', async () => {
    const url = `file:${path.join(dir, 'tracker.db')}`;
    await migrate(url);
    const db = createClient(url);
    let written!: () => void;
    let finish!: () => void;
    const hasWritten = new Promise<void>((resolve) => (written = resolve));
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    try {
      await db.setting.create({ data: { key: 'before', value: 'x' } });
      const transaction = db
        .$transaction(async (tx) => {
          await tx.setting.create({ data: { key: 'inside', value: 'x' } });
          written();
          await mayFinish;
          throw new Error('changed my mind');
        })
        .catch((error: Error) => error.message);
      await hasWritten;
      // The read does not wait for the open transaction, and does not see its row.
      expect((await db.setting.findMany()).map((row) => row.key)).toEqual(['before']);
      const settled: string[] = [];
      const write = db.setting.create({ data: { key: 'outside', value: 'y' } }).then(() => settled.push('write'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toEqual([]);
      finish();
      expect(await transaction).toBe('changed my mind');
      await write;
      expect((await db.setting.findMany({ orderBy: { key: 'asc' } })).map((row) => row.key)).toEqual(['before', 'outside']);
    } finally {
      await db.$disconnect();
    }
  });

  it('a transaction that cannot begin (another connection holds the write lock) fails alone: the next one works', async () => {
    const file = path.join(dir, 'tracker.db');
    await migrate(`file:${file}`);
    // A busy timeout of 0: BEGIN IMMEDIATE fails at once while the other connection writes.
    const db = new SqliteClient({ adapter: new TrackerSqliteAdapter({ url: file, timeout: 0 }) });
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      await expect(db.$transaction(async (tx) => tx.setting.create({ data: { key: 'blocked', value: 'x' } }))).rejects.toThrow();
      other.exec('ROLLBACK');
      await db.$transaction(async (tx) => tx.setting.create({ data: { key: 'later', value: 'y' } }));
      await db.setting.create({ data: { key: 'outside', value: 'z' } });
      expect((await db.setting.findMany({ orderBy: { key: 'asc' } })).map((row) => row.key)).toEqual(['later', 'outside']);
    } finally {
      other.close();
      await db.$disconnect();
    }
  });

  it('tells a transaction’s client from the database client (a search in a bulk update reads afresh, in its transaction)', async () => {
    const url = `file:${path.join(dir, 'tracker.db')}`;
    await migrate(url);
    const db = createClient(url);
    try {
      expect(isTransactionClient(db)).toBe(false);
      expect(await db.$transaction(async (tx) => isTransactionClient(tx))).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it('reuses compiled statements: the same query with other values is not compiled again', async () => {
    const file = path.join(dir, 'tracker.db');
    await migrate(`file:${file}`);
    const adapter = new TrackerSqliteAdapter({ url: file, timeout: 1_000 });
    const db = new SqliteClient({ adapter });
    try {
      for (let index = 0; index < 20; index += 1) {
        await db.setting.create({ data: { key: `key-${index}`, value: String(index) } });
        expect((await db.setting.findUnique({ where: { key: `key-${index}` } }))?.value).toBe(String(index));
      }
      const compiled = adapter.statementCaches.reduce((sum, cache) => sum + cache.compiled, 0);
      expect(adapter.statementCaches).toHaveLength(2);
      // 40 statements of two shapes (plus the connection's own PRAGMA): compiled a handful of times, not 40.
      expect(compiled).toBeLessThan(8);
    } finally {
      await db.$disconnect();
    }
  });
});
