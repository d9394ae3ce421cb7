import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { getHeadlineFigures } from './headline-figures';
import { day, recordChange, recordEvidence, seedHistoryItems } from '@/lib/test/test-history';

const db = testDb();
afterAll(() => db.$disconnect());

describe('headline figures', () => {
  it('figures: each figure on the as-of day and at the end of the previous quarter, with the change', async () => {
    const [a, b, c, d] = await seedHistoryItems(db, 4);
    const seminarId = a!.seminarId;
    await db.recommendation.updateMany({ where: { id: { in: [a!.id, c!.id] } }, data: { targetDate: day('2015-10-01') } });
    await recordChange(db, a!, 'IN_PROGRESS', '2015-05-01');
    await recordChange(db, a!, 'IMPLEMENTED', '2015-10-20', { fromStatus: 'IN_PROGRESS' });
    await recordChange(db, b!, 'NO_LONGER_RELEVANT', '2015-08-01');
    // C: evidence in October; a change entered after the as-of day is not known yet.
    await recordEvidence(db, c!, '2015-10-10');
    await recordChange(db, c!, 'IN_PROGRESS', '2015-11-01', { recordedAt: '2015-12-01T09:00:00.000Z' });
    // D: a note removed before the as-of day, and one entered after it: neither is activity.
    await recordEvidence(db, d!, '2015-10-01', { deletedAt: '2015-10-05T10:00:00.000Z' });
    await recordEvidence(db, d!, '2015-10-10', { createdAt: '2016-01-05T10:00:00.000Z' });

    const figures = await getHeadlineFigures(db, { scope: { seminar: [seminarId], theme: [], sector: [] }, asOf: day('2015-11-15') });
    expect(figures.quarterLabel).toBe('2015 Q4');
    expect(figures.previousQuarterLabel).toBe('2015 Q3');
    expect(figures.tracked).toEqual({ current: 4, previous: 4, change: 0 });
    // Now A = 1, C = D = 0, B out; then A = 0.25.
    expect(figures.progress.current).toBeCloseTo(1 / 3);
    expect(figures.progress.previous).toBeCloseTo(0.25 / 3);
    expect(figures.progress.change).toBeCloseTo(0.25);
    expect(figures.implemented).toEqual({ current: 1, previous: 0, change: 1 });
    // Q4: A (October); Q3: B (August). The first status at the seminar is not a change.
    expect(figures.changedThisQuarter).toEqual({ current: 1, previous: 1, change: 0 });
    // 180 days: now only D; at the end of Q3, C (no activity since the seminar yet) and D.
    expect(figures.stale).toEqual({ current: 1, previous: 2, change: -1 });
    // C is past its target and open; A was too, but is implemented; on 30 September nothing was past.
    expect(figures.overdue).toEqual({ current: 1, previous: 0, change: 1 });
  });

  it('figures: with nothing in scope every count is 0 and progress is null', async () => {
    const figures = await getHeadlineFigures(db, { scope: { seminar: ['no-such-seminar'], theme: [], sector: [] }, asOf: day('2020-01-01') });
    expect(figures.tracked).toEqual({ current: 0, previous: 0, change: 0 });
    expect(figures.progress).toEqual({ current: null, previous: null, change: null });
  });
});
