import { createClient } from './client';
import { migrate } from './migrate';
import { runSeed, type SeedSummary } from '@/lib/seminars/seed/run-seed';
import { ensureProgressTally } from '@/lib/progress/tally/rebuild-progress-tally';

/** Brings a database up to date: applies pending migrations, the idempotent seed, and builds the progress tally if it has none. */
export async function prepareDatabase(url: string): Promise<{ migrations: string[]; seed: SeedSummary }> {
  const migrations = await migrate(url);
  const client = createClient(url);
  try {
    const seed = await runSeed(client);
    await ensureProgressTally(client);
    return { migrations, seed };
  } finally {
    await client.$disconnect();
  }
}
