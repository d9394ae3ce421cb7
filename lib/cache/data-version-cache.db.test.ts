import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { testDb } from '@/lib/test/test-db';
import { dataVersionCache } from './data-version-cache';

const db = testDb();
const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-cache-'));
afterAll(async () => {
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
});

describe('data-version cache', () => {
  it('never answers for one database with a result read from another at the same data version', async () => {
    const cached = dataVersionCache<string>('test-two-databases', 4);
    const url = `file:${path.join(dir, 'other.db')}`;
    await migrate(url);
    const first = createClient(url);
    const second = createClient(url);
    try {
      // Two connections to the same untouched file report the same version: only the client tells them apart.
      expect(await cached(first, 'k', async () => 'first')).toBe('first');
      expect(await cached(first, 'k', async () => 'not read')).toBe('first');
      expect(await cached(second, 'k', async () => 'second')).toBe('second');
      expect(await cached(db, 'k', async () => 'test database')).toBe('test database');
    } finally {
      await first.$disconnect();
      await second.$disconnect();
    }
  });
});
