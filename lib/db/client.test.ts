import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from './client';
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
      const keys = Array.from({ length: 5_000 }, (_, index) => `key-${index}`);
      expect(await db.setting.count({ where: { key: { in: keys } } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });

  it('a statement outside a transaction waits for it: it never sees its uncommitted rows, and its rollback never takes the statement along', async () => {
    const url = `file:${path.join(dir, 'tracker.db')}`;
    await migrate(url);
    const db = createClient(url);
    let written!: () => void;
    let finish!: () => void;
    const hasWritten = new Promise<void>((resolve) => (written = resolve));
    const mayFinish = new Promise<void>((resolve) => (finish = resolve));
    try {
      const transaction = db
        .$transaction(async (tx) => {
          await tx.setting.create({ data: { key: 'inside', value: 'x' } });
          written();
          await mayFinish;
          throw new Error('changed my mind');
        })
        .catch((error: Error) => error.message);
      await hasWritten;
      const settled: string[] = [];
      const read = db.setting.findMany().then((rows) => (settled.push('read'), rows.map((row) => row.key)));
      const write = db.setting.create({ data: { key: 'outside', value: 'y' } }).then(() => settled.push('write'));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(settled).toEqual([]);
      finish();
      expect(await transaction).toBe('changed my mind');
      expect(await read).toEqual([]);
      await write;
      expect((await db.setting.findMany()).map((row) => row.key)).toEqual(['outside']);
    } finally {
      await db.$disconnect();
    }
  });
});
