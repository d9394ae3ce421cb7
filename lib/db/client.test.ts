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
});
