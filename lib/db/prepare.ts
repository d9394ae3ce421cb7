import { createClient } from './client';
import { migrate } from './migrate';
import { runSeed, type SeedSummary } from '@/lib/seminars/seed/run-seed';

/** Brings a database up to date: applies pending migrations, then the idempotent seed. */
export async function prepareDatabase(url: string): Promise<{ migrations: string[]; seed: SeedSummary }> {
  const migrations = await migrate(url);
  const client = createClient(url);
  try {
    const seed = await runSeed(client);
    return { migrations, seed };
  } finally {
    await client.$disconnect();
  }
}
