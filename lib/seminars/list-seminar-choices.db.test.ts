import { afterAll, describe, expect, it } from 'vitest';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { listSeminarChoices } from './list-seminar-options';

const db = testDb();
afterAll(() => db.$disconnect());

describe('seminar choices for the filter forms', () => {
  it('offers the most recent seminars and any older chosen one, and counts them all', async () => {
    const [old] = await seedRecommendations(db, { seminarDate: '2013-05-04' });
    await seedRecommendations(db, { seminarDate: '2026-01-10' });
    await seedRecommendations(db, { seminarDate: '2026-02-10' });
    await seedRecommendations(db, { seminarDate: '2026-03-10' });

    const { choices, total, firstDate } = await listSeminarChoices(db, [old!.seminarId, 'no-such-seminar'], 2);
    const newest = await db.seminar.findMany({ orderBy: [{ date: 'desc' }, { codePrefix: 'asc' }], take: 2, select: { id: true } });
    expect(choices.map((seminar) => seminar.id)).toEqual([...newest.map((seminar) => seminar.id), old!.seminarId]);
    expect(total).toBe(await db.seminar.count());
    expect(firstDate?.getTime()).toBeLessThanOrEqual(new Date('2013-05-04').getTime());

    // Nothing chosen: only the most recent.
    expect((await listSeminarChoices(db, [], 2)).choices.map((seminar) => seminar.id)).toEqual(newest.map((seminar) => seminar.id));
  });
});
