// Recurring recommendations: groups of linked items across seminars, read from the links as they are.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { today } from '@/lib/dates';
import { readerActor } from '@/lib/test/refusal';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { recommendationFiltersSchema, searchParamsToObject } from '@/lib/validations/recommendation-filters';

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));

const { linkRecommendations, unlinkRecommendations } = await import('@/lib/recommendations/link-recommendations');
const { listRecommendations } = await import('@/lib/recommendations/list-recommendations');
const { withdrawRecommendation, restoreRecommendation } = await import('@/lib/recommendations/withdraw-recommendation');
const { changeStatusNow } = await import('@/lib/status/change-status');
const { getRecurrence } = await import('./get-recurrence');
const { getRecurringAsks } = await import('./get-recurring-asks');
const { createApiToken } = await import('@/lib/tokens/create-api-token');
const itemRoute = await import('@/app/api/v1/recommendations/[id]/route');

const db = testDb();
afterAll(() => db.$disconnect());

/** Three seminars (2012, 2015, 2020) and an ask made at each: 2015's has a same-seminar twin. */
async function scenario() {
  const [early] = await seedRecommendations(db, { seminarDate: '2012-05-10' });
  const [middle, twin, unrelated] = await seedRecommendations(db, { seminarDate: '2015-02-12', count: 3 });
  const [late] = await seedRecommendations(db, { seminarDate: '2020-09-01' });
  const { actor } = await seedUser(db, { role: 'EDITOR' });
  // Links point either way and chain: early <- middle, late -> middle, twin -> middle.
  await linkRecommendations(db, { recommendationId: middle!.id, targetCode: early!.code }, actor);
  const lateLink = await linkRecommendations(db, { recommendationId: late!.id, targetCode: middle!.code }, actor);
  await linkRecommendations(db, { recommendationId: twin!.id, targetCode: middle!.code }, actor);
  return { early: early!, middle: middle!, twin: twin!, unrelated: unrelated!, late: late!, actor, lateLink };
}

const codes = (asks: { code: string }[]) => asks.map((ask) => ask.code);

async function listed(extra: Record<string, string>): Promise<string[]> {
  const filters = recommendationFiltersSchema.parse(searchParamsToObject(new URLSearchParams(extra)));
  return (await listRecommendations(db, filters, readerActor())).items.map((row) => row.code);
}

describe('recurring recommendations', () => {
  it('an item shows the same ask made at earlier seminars (asked before) and later ones (asked again), through chains of links either way', async () => {
    const { early, middle, twin, late } = await scenario();
    const ofMiddle = await getRecurrence(db, middle.id, readerActor());
    expect(codes(ofMiddle.askedBefore)).toEqual([early.code]);
    expect(codes(ofMiddle.askedAgain)).toEqual([late.code]);
    // The twin from the same seminar is a link, not an earlier or later ask.
    expect(codes(ofMiddle.askedBefore)).not.toContain(twin.code);

    const ofEarly = await getRecurrence(db, early.id, readerActor());
    expect(ofEarly.askedBefore).toEqual([]);
    expect(codes(ofEarly.askedAgain)).toEqual([middle.code, twin.code, late.code]);
    expect(ofEarly.askedAgain[0]).toMatchObject({ status: 'NOT_STARTED', seminar: { date: middle.seminarDate } });
    expect(codes((await getRecurrence(db, late.id, readerActor())).askedBefore)).toEqual([early.code, middle.code, twin.code]);
  });

  it('the list filter "recurring" keeps items asked at more than one seminar; unlinking or withdrawing changes it at once', async () => {
    const { early, middle, twin, unrelated, late, actor, lateLink } = await scenario();
    const seminars = { seminar: early.seminarId };
    expect(await listed({ ...seminars, recurring: 'true' })).toEqual([early.code]);
    const middleSeminar = await listed({ seminar: middle.seminarId, recurring: 'true' });
    expect(middleSeminar).toEqual([middle.code, twin.code]);
    expect(middleSeminar).not.toContain(unrelated.code);

    // Unlinking 2020's ask leaves it on its own: no longer recurring.
    await unlinkRecommendations(db, { linkId: lateLink.id }, actor);
    expect(await listed({ seminar: late.seminarId, recurring: 'true' })).toEqual([]);
    expect(codes((await getRecurrence(db, middle.id, readerActor())).askedAgain)).toEqual([]);

    // Withdrawing 2012's ask leaves 2015's two items alone in one seminar: not recurring either.
    await withdrawRecommendation(db, { recommendationId: early.id, expectedVersion: 1, reason: 'Entered twice.' }, actor);
    expect(await listed({ seminar: middle.seminarId, recurring: 'true' })).toEqual([]);
    expect(await getRecurrence(db, middle.id, readerActor())).toEqual({ askedBefore: [], askedAgain: [] });
    await restoreRecommendation(db, { recommendationId: early.id, expectedVersion: 2 }, actor);
    expect(await listed({ seminar: middle.seminarId, recurring: 'true' })).toEqual([middle.code, twin.code]);
  });

  it('the dashboard lists a recurring ask while its latest ask is open, with every seminar it was made at, within the filters', async () => {
    const { early, middle, twin, late, actor } = await scenario();
    const scope = { seminar: [late.seminarId], theme: [], sector: [] };
    const { asks, total } = await getRecurringAsks(db, { scope, limit: 5 });
    expect(total).toBe(1);
    expect(asks[0]).toMatchObject({ latest: { code: late.code }, seminars: 3 });
    expect(codes(asks[0]!.asks)).toEqual([early.code, middle.code, twin.code, late.code]);
    expect(asks[0]!.asks.map((ask) => ask.seminar.date)).toEqual([early.seminarDate, middle.seminarDate, middle.seminarDate, late.seminarDate]);

    // Out of the filters (its latest ask is in 2020's seminar, not 2012's): not listed.
    expect((await getRecurringAsks(db, { scope: { ...scope, seminar: [early.seminarId] }, limit: 5 })).asks).toEqual([]);

    // Implemented at the latest seminar: no longer an open ask, although 2012's is still open.
    await changeStatusNow(db, { recommendationId: late.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: today() }, actor);
    expect((await getRecurringAsks(db, { scope, limit: 5 })).total).toBe(1);
    await changeStatusNow(
      db,
      { recommendationId: late.id, expectedVersion: 2, status: 'NO_LONGER_RELEVANT', effectiveDate: today(), note: 'Overtaken by events.' },
      actor,
    );
    expect(await getRecurringAsks(db, { scope, limit: 5 })).toEqual({ asks: [], total: 0 });
  });

  it('GET /api/v1/recommendations/{id} carries the recurrence', async () => {
    const { early, middle } = await scenario();
    const viewer = await seedUser(db, { role: 'VIEWER' });
    const { token } = await createApiToken(db, { name: 'recurrence', scope: 'read' }, viewer.actor);
    const response = await itemRoute.GET(
      new Request(`http://localhost/api/v1/recommendations/${middle.code}`, { headers: { authorization: `Bearer ${token}` } }),
      {
        params: Promise.resolve({ id: middle.code }),
      },
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { recommendation: { recurrence: { askedBefore: { code: string; seminar: { date: string } }[] } } };
    expect(body.recommendation.recurrence.askedBefore).toEqual([
      expect.objectContaining({ code: early.code, seminar: expect.objectContaining({ date: '2012-05-10' }) }),
    ]);
  });
});
