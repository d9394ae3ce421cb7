import { createClient } from './client';
import { migrate } from './migrate';
import { runSeed, type SeedSummary } from '@/lib/seminars/seed/run-seed';
import { ensureProgressTally } from '@/lib/progress/tally/rebuild-progress-tally';
import type { Actor } from '@/lib/auth/actor';

/** Brings a database up to date: applies pending migrations, the idempotent seed, and builds the progress tally if it has none. */
export async function prepareDatabase(url: string, actor: Actor): Promise<{ migrations: string[]; seed: SeedSummary }> {
  const migrations = await migrate(url);
  const client = createClient(url);
  try {
    const seed = await runSeed(client, actor);
    await ensureProgressTally(client);
    return { migrations, seed };
  } finally {
    await client.$disconnect();
  }
}
