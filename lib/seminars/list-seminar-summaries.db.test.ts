import { afterAll, describe, expect, it } from 'vitest';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { parseSeminarListQuery } from '@/lib/validations/seminar-list';
import { listSeminarSummaries } from './list-seminar-summaries';
import { readerActor } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

describe('seminar summaries', () => {
  it('seminars: newest first, with today’s status counts and progress, archived items left out, paged', async () => {
    const items = await seedRecommendations(db, { seminarDate: '2016-05-05', count: 4 });
    await db.recommendation.update({ where: { id: items[0]!.id }, data: { status: 'IMPLEMENTED' } });
    await db.recommendation.update({ where: { id: items[1]!.id }, data: { status: 'IN_PROGRESS' } });
    await db.recommendation.update({ where: { id: items[3]!.id }, data: { archived: true } });

    const all = await listSeminarSummaries(db, { page: 1, pageSize: 100_000 }, readerActor());
    const mine = all.seminars.find((seminar) => seminar.id === items[0]!.seminarId)!;
    expect(mine.recommendations).toBe(3);
    expect(mine.counts).toMatchObject({ IMPLEMENTED: 1, IN_PROGRESS: 1, NOT_STARTED: 1 });
    // Weights: implemented 1, in progress 0.25 (lib/status/status.ts), not started 0.
    expect(mine.progress).toBeCloseTo((1 + 0.25) / 3);
    const dates = all.seminars.map((s) => s.date.getTime());
    expect(dates).toEqual([...dates].sort((a, b) => b - a));

    const first = await listSeminarSummaries(db, { page: 1, pageSize: 2 }, readerActor());
    const second = await listSeminarSummaries(db, { page: 2, pageSize: 2 }, readerActor());
    expect(first.seminars).toHaveLength(2);
    expect(first.total).toBe(all.total);
    expect(first.pageCount).toBe(Math.ceil(first.total / 2));
    expect([...first.seminars, ...second.seminars].map((s) => s.id)).toEqual(all.seminars.slice(0, 4).map((s) => s.id));

    // Past the last page: the last page.
    const beyond = await listSeminarSummaries(db, { page: 100_000, pageSize: 2 }, readerActor());
    expect(beyond.page).toBe(beyond.pageCount);
  });

  it('seminars: a page number that cannot be read shows the first page and says so', () => {
    expect(parseSeminarListQuery({ page: '3' })).toEqual({ query: { page: 3 }, error: null });
    expect(parseSeminarListQuery({})).toEqual({ query: { page: 1 }, error: null });
    expect(parseSeminarListQuery({ page: 'two' })).toEqual({ query: { page: 1 }, error: '“two” is not a page number; showing the first page.' });
    expect(parseSeminarListQuery({ page: '0' }).error).not.toBeNull();
  });
});
