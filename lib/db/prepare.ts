import pg from 'pg';
import { createClient } from './client';
import { providerOf } from './config';
import { migrate } from './migrate';
import { runSeed, type SeedSummary } from '@/lib/seminars/seed/run-seed';
import { ensureProgressTally } from '@/lib/progress/tally/rebuild-progress-tally';
import type { Actor } from '@/lib/auth/actor';

/** Brings a database up to date: applies pending migrations, the idempotent seed, and builds the progress tally if it has none. */
export async function prepareDatabase(url: string, actor: Actor): Promise<{ migrations: string[]; seed: SeedSummary }> {
  return withPreparationLock(url, async () => {
    const migrations = await migrate(url);
    const client = createClient(url);
    try {
      const seed = await runSeed(client, actor);
      await ensureProgressTally(client);
      return { migrations, seed };
    } finally {
      await client.$disconnect();
    }
  });
}

// Several app servers may start at once on one PostgreSQL database: they prepare it one after
// another, so the seed (which creates what is missing, at READ COMMITTED) and the tally's rebuild run
// once; the others find nothing to do. On SQLite each seed step is one transaction that holds the
// write lock from its start (lib/db/sqlite-adapter.ts), which serialises them already.
const PREPARATION_LOCK_KEY = 72_707_370;

async function withPreparationLock<T>(url: string, prepare: () => Promise<T>): Promise<T> {
  if (providerOf(url) !== 'postgresql') return prepare();
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [PREPARATION_LOCK_KEY]);
    return await prepare();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [PREPARATION_LOCK_KEY]).catch(() => undefined);
    await lock.end();
  }
}
