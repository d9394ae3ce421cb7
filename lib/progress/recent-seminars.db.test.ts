import { afterAll, describe, expect, it } from 'vitest';
import { today } from '@/lib/dates';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { getRecentSeminarDistribution, RECENT_SEMINARS } from './recent-seminars';
import { getStatusDistribution } from './status-distribution';
import { day } from '@/lib/test/test-history';

const db = testDb();
afterAll(() => db.$disconnect());

/** `n` seminars a year apart from 2010, two items each, their first entries recorded on the seminar day. */
async function seedSeminars(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const date = `${2010 + i}-06-01`;
    const items = await seedRecommendations(db, { seminarDate: date, count: 2 });
    await db.statusChange.updateMany({ where: { recommendationId: { in: items.map((item) => item.id) } }, data: { recordedAt: day(date) } });
    ids.push(items[0]!.seminarId);
  }
  return ids;
}

const noFilter = { seminar: [], theme: [], sector: [] };

describe('the dashboard\u2019s most recent seminars', () => {
  it('recent seminars: the twelve newest in scope, oldest first, with their counts, and how many there are in all', async () => {
    const ids = await seedSeminars(14);
    const scope = { ...noFilter, seminar: ids };
    const asOf = today();
    const { rows, total } = await getRecentSeminarDistribution(db, { scope, asOf });
    expect(RECENT_SEMINARS).toBe(12);
    expect(total).toBe(14);
    expect(rows.map((row) => row.id)).toEqual(ids.slice(2));
    // The same rows as the distribution of every seminar gives for them.
    expect(rows).toEqual((await getStatusDistribution(db, { by: 'seminar', scope, asOf })).slice(2));
    expect(rows.every((row) => row.total === 2 && row.counts.NOT_STARTED === 2)).toBe(true);

    // Fewer than twelve: all of them; none asked for: none.
    expect(await getRecentSeminarDistribution(db, { scope: { ...noFilter, seminar: ids.slice(0, 2) }, asOf })).toMatchObject({
      total: 2,
      rows: [{ id: ids[0] }, { id: ids[1] }],
    });
    expect(await getRecentSeminarDistribution(db, { scope, asOf, count: 0 })).toEqual({ rows: [], total: 14 });
  });

  it('recent seminars: a seminar counts only with an item in scope that has a status on the day', async () => {
    const ids = await seedSeminars(3);
    const scope = { ...noFilter, seminar: ids };
    // All of the newest seminar's items archived: it is not in the dashboard's scope any more.
    await db.recommendation.updateMany({ where: { seminarId: ids[2] }, data: { archived: true } });
    expect(await getRecentSeminarDistribution(db, { scope, asOf: today() })).toMatchObject({ total: 2, rows: [{ id: ids[0] }, { id: ids[1] }] });
    // As of a day before the second seminar, only the first one had taken place.
    const early = await getRecentSeminarDistribution(db, { scope, asOf: day('2010-12-31') });
    expect(early).toMatchObject({ total: 1, rows: [{ id: ids[0], total: 2 }] });
  });
});
