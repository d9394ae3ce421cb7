// Hostile input against every server action, in-process (lib/test/hostile/action-fuzz.ts): a few
// hundred generated forms per action. The long run is scripts/reliability/fuzz.reliability.test.ts.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { describeActionFuzz } from '@/lib/test/hostile/action-fuzz';
import { signedIn } from '@/lib/test/hostile/current-user';
import { toFormData } from '@/lib/test/hostile/mutations';
import { createWorld } from '@/lib/test/hostile/world';
import { testDb } from '@/lib/test/test-db';

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

// The refusals the fuzzing found missing, one case each.
describe('server actions: hostile input found by fuzzing', () => {
  const db = testDb();
  afterAll(() => db.$disconnect());

  it('regression: a NUL in a form field is a form error on that field (PostgreSQL answered with a crash), and nothing is stored', async () => {
    const world = await createWorld(db);
    signedIn.user = { id: world.editor.id, email: world.editor.email, name: 'Editor', role: 'EDITOR' };
    const { addEvidenceAction } = await import('@/app/(app)/recommendations/[code]/actions');
    const before = await db.evidenceNote.count();
    const state = await addEvidenceAction({}, toFormData({ recommendationId: world.recommendationId, body: 'Circular\u0000', evidenceDate: '2016-04-01' }));
    expect(state).toMatchObject({ code: 'invalid', errors: { body: [expect.stringContaining('NUL')] } });
    expect(await db.evidenceNote.count()).toBe(before);
  });

  it('regression: a file sent as the review screen’s seminar is refused, not taken for an empty seminar that resets the draft', async () => {
    const world = await createWorld(db);
    signedIn.user = { id: world.editor.id, email: world.editor.email, name: 'Editor', role: 'EDITOR' };
    const { saveDraftAction } = await import('@/app/(app)/imports/actions');
    const before = await db.importDraft.findUniqueOrThrow({ where: { id: world.draftId }, select: { version: true, seminar: true } });
    const state = await saveDraftAction({}, toFormData({ draftId: world.draftId, expectedVersion: '1', seminar: new File(['{}'], 'seminar.json') }));
    expect(state).toMatchObject({ code: 'invalid', errors: { seminar: expect.any(Array) } });
    expect(await db.importDraft.findUniqueOrThrow({ where: { id: world.draftId }, select: { version: true, seminar: true } })).toEqual(before);
  });
});
