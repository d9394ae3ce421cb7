// The long fuzz run (npm run test:reliability): the same suites as lib/api/hostile-routes.db.test.ts
// and lib/auth/hostile-actions.db.test.ts, with thousands of cases per route and per action.
// FUZZ_RUNS sets the cases per route and per action (default 2000); each property also stops, and
// passes with what it ran, after FUZZ_SECONDS_PER_PROPERTY (default 5) plus what earlier, faster
// properties left unused (checkProperty in lib/test/hostile/expect-refusal.ts), so the whole run stays
// within about five minutes on a small machine. FUZZ_REPORT=1 prints each property's cases. Needs the db project's global setup (a database per worker).
import { describe, vi } from 'vitest';
import { describeActionFuzz } from '@/lib/test/hostile/action-fuzz';
import { describeRouteFuzz } from '@/lib/test/hostile/route-fuzz';

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-for': '203.0.113.7' }), cookies: async () => ({ get: () => undefined }) }));
vi.mock('@/lib/auth/session', async (importOriginal) => {
  const { signedIn } = await import('@/lib/test/hostile/current-user');
  return { ...(await importOriginal<object>()), getCurrentUser: async () => signedIn.user, currentSessionId: async () => null };
});

const runs = Number(process.env.FUZZ_RUNS) || 2000;
const seconds = Number(process.env.FUZZ_SECONDS_PER_PROPERTY) || 5;
const timeout = (seconds + 60) * 1000;

describe('API routes', () => describeRouteFuzz({ runs, readRuns: runs, acceptedRuns: Math.ceil(runs / 10), timeout, seconds }));
describe('server actions', () => describeActionFuzz({ runs, acceptedRuns: Math.ceil(runs / 10), timeout, seconds }));
