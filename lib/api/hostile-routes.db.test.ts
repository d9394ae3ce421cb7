// Hostile input against every JSON API route, in-process (lib/test/hostile/route-fuzz.ts): a few
// hundred generated cases per route. The long run is scripts/reliability/fuzz.reliability.test.ts.
import { vi } from 'vitest';
import { describeRouteFuzz } from '@/lib/test/hostile/route-fuzz';

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));

describeRouteFuzz({ runs: 200, readRuns: 30, acceptedRuns: 20, timeout: 120_000 });
