import { afterAll, describe, expect, it } from 'vitest';
import { today } from '@/lib/dates';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { day, recordChange, seedHistoryItems } from '@/lib/test/test-history';
import { explainArrivalDrops, seminarMarkers } from './arrival-notes';
import { progressChartData } from './chart-data';
import { getProgressSeries } from './progress-series';
import { dashboardQuarters } from './quarters';
import { getSeminarArrivals } from './seminar-arrivals';

const db = testDb();
afterAll(() => db.$disconnect());

describe('seminar arrivals', () => {
  it('arrivals: a seminar\u2019s items count in the quarter their first status holds from, with their weights on that quarter\u2019s day', async () => {
    const items = await seedHistoryItems(db, 3);
    const seminarId = items[0]!.seminarId;
    // Within the arrival quarter one item is already in progress (weight 0.25), one no longer relevant.
    await recordChange(db, items[0]!, 'IN_PROGRESS', '2015-03-01');
    await recordChange(db, items[1]!, 'NO_LONGER_RELEVANT', '2015-03-02');
    // Later changes do not alter the arrival quarter's figures.
    await recordChange(db, items[2]!, 'IMPLEMENTED', '2015-08-01', { fromStatus: 'NOT_STARTED' });
    const asOf = day('2015-12-31');
    const quarters = dashboardQuarters({ firstSeminarDate: day('2014-10-01'), asOf });
    const arrivals = await getSeminarArrivals(db, { scope: { seminar: [seminarId], theme: [], sector: [] }, quarters, asOf });
    expect(arrivals).toHaveLength(1);
    expect(arrivals[0]).toMatchObject({ seminarId, quarter: '2015-Q1', items: 3, counted: 2 });
    expect(arrivals[0]!.weightSum).toBeCloseTo(0.25);
    expect(arrivals[0]!.date.toISOString().slice(0, 10)).toBe('2015-02-12');

    // Quarters that start after the arrival, or an as-of day before it, have none.
    const later = dashboardQuarters({ firstSeminarDate: day('2014-10-01'), asOf, from: { year: 2015, quarter: 2 } });
    expect(await getSeminarArrivals(db, { scope: { seminar: [seminarId], theme: [], sector: [] }, quarters: later, asOf })).toEqual([]);
    const before = day('2015-01-31');
    const early = dashboardQuarters({ firstSeminarDate: day('2014-10-01'), asOf: before });
    expect(await getSeminarArrivals(db, { scope: { seminar: [seminarId], theme: [], sector: [] }, quarters: early, asOf: before })).toEqual([]);
  });

  it('arrivals: archived items and items outside the filters are left out', async () => {
    const items = await seedHistoryItems(db, 2);
    const seminarId = items[0]!.seminarId;
    await db.recommendation.update({ where: { id: items[0]!.id }, data: { archived: true } });
    const asOf = day('2015-06-30');
    const quarters = dashboardQuarters({ firstSeminarDate: day('2015-01-01'), asOf });
    const arrivals = await getSeminarArrivals(db, { scope: { seminar: [seminarId], theme: [], sector: [] }, quarters, asOf });
    expect(arrivals).toMatchObject([{ seminarId, quarter: '2015-Q1', items: 1, counted: 1, weightSum: 0 }]);
    expect(await getSeminarArrivals(db, { scope: { seminar: [seminarId], theme: ['no-such-theme'], sector: [] }, quarters, asOf })).toEqual([]);
  });

  it('arrivals: a second seminar\u2019s new items explain the fall in overall progress they cause, from the database\u2019s figures', async () => {
    const first = await seedRecommendations(db, { seminarDate: '2014-06-01', count: 2 });
    for (const item of first) await recordChange(db, item, 'IMPLEMENTED', '2014-08-01');
    const second = await seedRecommendations(db, { seminarDate: '2015-02-12', count: 6 });
    const scope = { seminar: [first[0]!.seminarId, second[0]!.seminarId], theme: [], sector: [] };
    const asOf = today();
    const quarters = dashboardQuarters({ firstSeminarDate: day('2014-06-01'), asOf });
    const [series, arrivals] = await Promise.all([
      getProgressSeries(db, { by: 'theme', scope, quarters, asOf }),
      getSeminarArrivals(db, { scope, quarters, asOf }),
    ]);
    const data = progressChartData(series, quarters, () => '');
    const title = (await db.seminar.findUniqueOrThrow({ where: { id: second[0]!.seminarId } })).title;

    expect(seminarMarkers(data, arrivals).map((marker) => [marker.quarter, marker.seminars.map((s) => s.items)])).toEqual([
      ['2014 Q2', [2]],
      ['2015 Q1', [6]],
    ]);
    expect(explainArrivalDrops(data, arrivals)).toEqual([
      `Overall progress fell from 100% to 25% in 2015 Q1 because 6 new recommendations from ${title} (12 Feb 2015) started at zero; the recommendations already tracked stood at 100%.`,
    ]);
  });
});
