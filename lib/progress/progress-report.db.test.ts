import { afterAll, describe, expect, it } from 'vitest';
import { testDb, testProvider } from '@/lib/test/test-db';
import { progressQuerySchema } from '@/lib/validations/progress';
import { getCachedProgressReport, getProgressReport, progressReportSchema } from './progress-report';
import { recordChange, seedHistoryItems } from '@/lib/test/test-history';
import { readerActor } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

describe('progress report (GET /api/v1/progress)', () => {
  it('report: quarters from the chosen seminar to the as-of day, one series per group, in the documented shape', async () => {
    const [a] = await seedHistoryItems(db, 2);
    await recordChange(db, a!, 'IMPLEMENTED', '2015-05-01');
    const query = progressQuerySchema.parse({ by: 'seminar', seminar: a!.seminarId, asOf: '2015-12-31', from: '2015-Q2' });
    const report = await getProgressReport(db, query);
    expect(progressReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ by: 'seminar', interval: 'quarter', asOf: '2015-12-31' });
    expect(report.quarters.map((q) => q.key)).toEqual(['2015-Q2', '2015-Q3', '2015-Q4']);
    expect(report.quarters[0]).toEqual({ key: '2015-Q2', label: '2015 Q2', start: '2015-04-01', end: '2015-06-30', at: '2015-06-30' });
    expect(report.series).toHaveLength(1);
    expect(report.series[0]).toMatchObject({ id: a!.seminarId, color: null });
    expect(report.series[0]!.points[0]).toEqual({ quarter: '2015-Q2', items: 2, counted: 2, progress: 0.5, implemented: 1 });
  });

  it('report: the API reuses a report until the data changes; a change shows at the next call', async () => {
    const [a] = await seedHistoryItems(db, 1);
    const query = progressQuerySchema.parse({ by: 'seminar', seminar: a!.seminarId, asOf: '2015-12-31' });
    const first = await getCachedProgressReport(db, query, readerActor());
    expect(first.series[0]!.points.at(-1)).toMatchObject({ implemented: 0 });
    if (testProvider() === 'sqlite') expect(await getCachedProgressReport(db, query, readerActor())).toBe(first);
    await recordChange(db, a!, 'IMPLEMENTED', '2015-05-01');
    const after = await getCachedProgressReport(db, query, readerActor());
    expect(after.series[0]!.points.at(-1)).toMatchObject({ implemented: 1 });
    expect(after).toEqual(await getProgressReport(db, query));
  });
});
