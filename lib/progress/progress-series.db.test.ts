import { afterAll, describe, expect, it } from 'vitest';
import { today } from '@/lib/dates';
import { changeStatusNow } from '@/lib/status/change-status';
import type { Status } from '@/lib/status/status';
import { seedVocabulary, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { getProgressSeries, type ProgressSeries } from './progress-series';
import { dashboardQuarters } from './quarters';
import type { ProgressGrouping } from '@/lib/validations/progress';
import { day, recordChange, seedHistoryItems, TEST_SEMINAR_DATE } from '@/lib/test/test-history';

const db = testDb();
afterAll(() => db.$disconnect());

const SEMINAR_DATE = TEST_SEMINAR_DATE;

async function twoItems(): Promise<[SeededRecommendation, SeededRecommendation]> {
  const [a, b] = await seedHistoryItems(db, 2);
  return [a!, b!];
}

function record(item: SeededRecommendation, toStatus: Status, effective: string, recordedAt?: string, id?: string) {
  return recordChange(db, item, toStatus, effective, { recordedAt, id });
}

async function series(seminarId: string, asOf: string | Date, by: ProgressGrouping = 'seminar', extra: { theme?: string[]; sector?: string[] } = {}) {
  const asOfDate = typeof asOf === 'string' ? day(asOf) : asOf;
  const quarters = dashboardQuarters({ firstSeminarDate: day(SEMINAR_DATE), asOf: asOfDate });
  return getProgressSeries(db, {
    by,
    scope: { seminar: [seminarId], theme: extra.theme ?? [], sector: extra.sector ?? [] },
    quarters,
    asOf: asOfDate,
  });
}

/** Progress per quarter of the only series, as "2015-Q1=0.125". */
function progressOf(result: ProgressSeries[]): string[] {
  expect(result).toHaveLength(1);
  return result[0]!.points.map((p) => `${p.quarter}=${p.progress}`);
}

describe('progress series', () => {
  it('progress: quarters with no events carry the status in force', async () => {
    const [a] = await twoItems();
    await record(a, 'IN_PROGRESS', '2015-05-10');
    const result = await series(a.seminarId, '2016-03-31');
    expect(progressOf(result)).toEqual(['2015-Q1=0', '2015-Q2=0.125', '2015-Q3=0.125', '2015-Q4=0.125', '2016-Q1=0.125']);
    expect(result[0]!.points.every((p) => p.items === 2 && p.counted === 2)).toBe(true);
  });

  it('progress: a back-dated change moves the past of the series', async () => {
    const [a, b] = await twoItems();
    const editor = await seedUser(db, { role: 'EDITOR' });
    await record(a, 'IMPLEMENTED', '2015-11-01');
    // As of today, so that changes entered today are known; the first five quarters are compared.
    const before = progressOf(await series(a.seminarId, today())).slice(0, 5);
    expect(before).toEqual(['2015-Q1=0', '2015-Q2=0', '2015-Q3=0', '2015-Q4=0.5', '2016-Q1=0.5']);

    // Entered today, effective in 2015: B was in progress from May 2015.
    await changeStatusNow(db, { recommendationId: b.id, expectedVersion: b.version, status: 'IN_PROGRESS', effectiveDate: day('2015-05-01') }, editor.actor);
    // Entered today too, effective before A was implemented: it does not undo the later change.
    await record(a, 'STALLED', '2015-07-01', new Date().toISOString());
    const after = progressOf(await series(a.seminarId, today())).slice(0, 5);
    expect(after).toEqual(['2015-Q1=0', '2015-Q2=0.125', '2015-Q3=0.125', '2015-Q4=0.625', '2016-Q1=0.625']);
  });

  it('progress: NO_LONGER_RELEVANT leaves the denominator, and nothing counted is null, not 0', async () => {
    const [a, b] = await twoItems();
    await record(a, 'NO_LONGER_RELEVANT', '2015-04-02');
    await record(b, 'IMPLEMENTED', '2015-04-03');
    await record(b, 'NO_LONGER_RELEVANT', '2015-08-01');
    const [only] = await series(a.seminarId, '2015-12-31');
    expect(only!.points).toEqual([
      { quarter: '2015-Q1', items: 2, counted: 2, progress: 0, implemented: 0 },
      { quarter: '2015-Q2', items: 2, counted: 1, progress: 1, implemented: 1 },
      { quarter: '2015-Q3', items: 2, counted: 0, progress: null, implemented: 0 },
      { quarter: '2015-Q4', items: 2, counted: 0, progress: null, implemented: 0 },
    ]);
  });

  it('progress: an item that goes up and then down lowers the later quarters', async () => {
    const [a] = await twoItems();
    await record(a, 'PARTIALLY_IMPLEMENTED', '2015-03-01');
    await record(a, 'IMPLEMENTED', '2015-04-10');
    await record(a, 'STALLED', '2015-08-01');
    const [only] = await series(a.seminarId, '2015-12-31');
    expect(only!.points.map((p) => [p.progress, p.implemented])).toEqual([
      [0.25, 0],
      [0.5, 1],
      [0, 0],
      [0, 0],
    ]);
  });

  it('progress: changes on the same day are ordered by when they were recorded, then by id', async () => {
    const [a, b] = await twoItems();
    await record(a, 'IMPLEMENTED', '2015-05-01', '2015-05-01T09:00:00.000Z');
    await record(a, 'IN_PROGRESS', '2015-05-01', '2015-05-01T10:00:00.000Z');
    const tie = '2015-05-02T08:00:00.000Z';
    await record(b, 'IMPLEMENTED', '2015-05-01', tie, `${b.id}-z`);
    await record(b, 'STALLED', '2015-05-01', tie, `${b.id}-a`);
    const [only] = await series(a.seminarId, '2015-06-30');
    // A: the later-recorded IN_PROGRESS (0.25); B: the higher id, IMPLEMENTED (1).
    expect(only!.points.at(-1)).toMatchObject({ progress: 0.625, implemented: 1 });
  });

  it('progress: "as of" ignores changes effective later and changes recorded after that day', async () => {
    const [a, b] = await twoItems();
    await record(a, 'IN_PROGRESS', '2015-05-01', '2015-05-02T12:00:00.000Z');
    // Entered late, in January 2016, about June 2015.
    await record(a, 'IMPLEMENTED', '2015-06-01', '2016-01-10T12:00:00.000Z');
    await record(b, 'IN_PROGRESS', '2016-02-01', '2016-02-01T12:00:00.000Z');
    // Recorded in the last millisecond of 2016-02-10, and in the first of the next day.
    await record(b, 'STALLED', '2016-02-05', '2016-02-10T23:59:59.999Z');
    await record(b, 'IMPLEMENTED', '2016-02-06', '2016-02-11T00:00:00.000Z');

    expect(progressOf(await series(a.seminarId, '2015-12-31'))).toEqual(['2015-Q1=0', '2015-Q2=0.125', '2015-Q3=0.125', '2015-Q4=0.125']);
    // Now the late entry is known, and it moves the past; B's February change is not yet effective.
    expect(progressOf(await series(a.seminarId, '2016-01-15'))).toEqual(['2015-Q1=0', '2015-Q2=0.5', '2015-Q3=0.5', '2015-Q4=0.5', '2016-Q1=0.5']);
    expect(progressOf(await series(a.seminarId, '2016-02-10')).at(-1)).toBe('2016-Q1=0.5');
    expect(progressOf(await series(a.seminarId, '2016-02-11')).at(-1)).toBe('2016-Q1=1');
  });

  it('progress: by sector an item counts in each of its sectors; by theme only under its primary theme', async () => {
    const [a, b] = await twoItems();
    const item = await db.recommendation.findUniqueOrThrow({ where: { id: a.id }, select: { primaryThemeId: true, sectors: { select: { sectorId: true } } } });
    const firstSector = item.sectors[0]!.sectorId;
    const secondSector = await seedVocabulary(db, 'sector');
    const otherTheme = await seedVocabulary(db, 'theme');
    await db.recommendationSector.create({ data: { recommendationId: a.id, sectorId: secondSector } });
    // B moves to another primary theme and keeps A's theme only as a secondary one.
    await db.recommendation.update({ where: { id: b.id }, data: { primaryThemeId: otherTheme } });
    await db.recommendationTheme.create({ data: { recommendationId: b.id, themeId: item.primaryThemeId } });
    await record(a, 'IMPLEMENTED', '2015-03-01');

    const bySector = await series(a.seminarId, '2015-03-31', 'sector');
    const sectorPoints = new Map(bySector.map((s) => [s.id, s.points[0]]));
    expect(sectorPoints.get(firstSector)).toMatchObject({ items: 2, progress: 0.5 });
    expect(sectorPoints.get(secondSector)).toMatchObject({ items: 1, progress: 1 });
    // Filtering by a sector keeps only that sector's series.
    expect((await series(a.seminarId, '2015-03-31', 'sector', { sector: [secondSector] })).map((s) => s.id)).toEqual([secondSector]);

    const byTheme = await series(a.seminarId, '2015-03-31', 'theme', { theme: [item.primaryThemeId] });
    expect(byTheme.map((s) => [s.id, s.points[0]!.items])).toEqual([[item.primaryThemeId, 1]]);
    expect(byTheme[0]).toMatchObject({ color: '#336699' });
  });

  it('progress: from and to narrow the quarters; what was in force before the first one shown counts from it', async () => {
    const [a, b] = await twoItems();
    await record(a, 'IMPLEMENTED', '2015-03-01');
    await record(b, 'IN_PROGRESS', '2015-06-15');
    await record(b, 'STALLED', '2015-09-01');
    await record(a, 'IN_PROGRESS', '2016-01-10');
    const asOf = day('2016-03-31');
    const quarters = dashboardQuarters({ firstSeminarDate: day(SEMINAR_DATE), asOf, from: { year: 2015, quarter: 3 }, to: { year: 2015, quarter: 4 } });
    const result = await getProgressSeries(db, { by: 'seminar', scope: { seminar: [a.seminarId], theme: [], sector: [] }, quarters, asOf });
    expect(progressOf(result)).toEqual(['2015-Q3=0.5', '2015-Q4=0.5']);
    expect(result[0]!.points.map((p) => p.implemented)).toEqual([1, 1]);
  });

  it('progress: archived items are not counted', async () => {
    const [a, b] = await twoItems();
    await record(b, 'IMPLEMENTED', '2015-03-01');
    await db.recommendation.update({ where: { id: b.id }, data: { archived: true } });
    expect(progressOf(await series(a.seminarId, '2015-03-31'))).toEqual(['2015-Q1=0']);
  });
});
