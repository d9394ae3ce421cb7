// Hostile input against every server action, in-process (lib/test/hostile/action-fuzz.ts): a few
// hundred generated forms per action. The long run is scripts/reliability/fuzz.reliability.test.ts.
import { vi } from 'vitest';
import { describeActionFuzz } from '@/lib/test/hostile/action-fuzz';

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

describeActionFuzz({ runs: 150, acceptedRuns: 20, timeout: 120_000 });
