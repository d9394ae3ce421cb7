import { afterAll, describe, expect, it } from 'vitest';
import { createClient } from '../db/client';
import { testDb } from '../test/test-db';
import { checkHealth } from './check-health';

const live = testDb();
afterAll(() => live.$disconnect());

describe('health check', () => {
  it('reports ok when the database answers', async () => {
    // 2 s in production; a loaded test machine may need longer for its first connection.
    expect(await checkHealth(live, 20_000)).toEqual({ status: 'ok', database: 'ok' });
  });

  it('reports the database down when PostgreSQL does not answer', async () => {
    const dead = createClient('postgresql://tracker@127.0.0.1:1/none');
    expect(await checkHealth(dead)).toEqual({ status: 'error', database: 'error' });
  });

  it('reports the database down when the SQLite file cannot be opened', async () => {
    const dead = createClient('file:/nonexistent-dir/for/sure/tracker.db');
    expect(await checkHealth(dead)).toEqual({ status: 'error', database: 'error' });
  });
});
