import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { buildQuarterlyReport } from './build-quarterly-report';
import type { QuarterlyReport } from './report-types';
import { buildReportWithRows, QUARTER, seedQuarterScenario, TITLES, type ReportRows, type Scenario } from '@/lib/test/test-quarter-scenario';

const db = testDb();
afterAll(() => db.$disconnect());

let scenario: Scenario;
let report: QuarterlyReport;
let rows: ReportRows;

beforeAll(async () => {
  scenario = await seedQuarterScenario(db);
  ({ report, rows } = await buildReportWithRows(db, { ...scenario.scope, generatedBy: 'Report Tester', now: new Date('2026-11-24T10:00:00.000Z') }));
});

describe('quarterly report data', () => {
  it('report: the quarter, its dates and the as-of day are the quarter and its last day', () => {
    expect(report.data.quarter).toEqual({ key: '2015-Q3', label: '2015 Q3', start: '2015-07-01', end: '2015-09-30', asOf: '2015-09-30', complete: true });
    expect(report.data.previousQuarter).toEqual({ key: '2015-Q2', label: '2015 Q2', start: '2015-04-01', end: '2015-06-30' });
    expect(report.meta).toEqual({ generatedAt: '2026-11-24T10:00:00.000Z', generatedBy: 'Report Tester' });
    expect(report.data.filters.seminars).toHaveLength(1);
    expect(report.data.filters.themes).toEqual([]);
  });

  it('report: headline figures on the last day against the end of the previous quarter, back-dated entries included', () => {
    const { headline } = report.data;
    // A-F tracked (G archived). Now: A 1, C 0, D 0.25 (back-dated, recorded later), E 0.5, F 1; B no longer relevant.
    expect(headline.tracked).toEqual({ previous: 6, current: 6, change: 0 });
    expect(headline.progress.current).toBeCloseTo(2.75 / 5);
    // End of Q2: A 0.25, E 0.5, the rest 0.
    expect(headline.progress.previous).toBeCloseTo(0.75 / 6);
    expect(headline.progress.change).toBeCloseTo(2.75 / 5 - 0.75 / 6);
    expect(headline.implemented).toEqual({ previous: 0, current: 2, change: 2 });
    // Q3: A, B, D, F. Q2: A, E.
    expect(headline.changed).toEqual({ previous: 2, current: 4, change: 2 });
    // C: no activity since the seminar (2015-02-12) for 180 days by 30 September, not yet on 30 June.
    expect(headline.stale).toEqual({ previous: 0, current: 1, change: 1 });
    expect(headline.overdue).toEqual({ previous: 0, current: 1, change: 1 });
  });

  it('report: every status change that took effect in the quarter, none outside it, "from" read off the history', async () => {
    const { codes, authorName } = scenario;
    expect(report.data.changes.total).toBe(4);
    expect(rows.changes).toEqual(report.data.changes.rows);
    expect(report.data.changes.rows).toEqual([
      {
        code: codes.B,
        title: TITLES.B,
        fromStatus: 'NOT_STARTED',
        toStatus: 'NO_LONGER_RELEVANT',
        effectiveDate: '2015-07-01',
        recordedOn: '2015-07-01',
        who: authorName,
        note: 'note B in Q3',
      },
      {
        code: codes.A,
        title: TITLES.A,
        fromStatus: 'IN_PROGRESS',
        toStatus: 'IMPLEMENTED',
        effectiveDate: '2015-08-15',
        recordedOn: '2015-08-15',
        who: authorName,
        note: '=HYPERLINK("http://example.org","note A in Q3")',
      },
      {
        code: codes.F,
        title: TITLES.F,
        fromStatus: 'NOT_STARTED',
        toStatus: 'IMPLEMENTED',
        effectiveDate: '2015-09-01',
        recordedOn: '2015-09-01',
        who: authorName,
        note: '+44 note F in Q3',
      },
      {
        code: codes.D,
        title: TITLES.D,
        fromStatus: 'NOT_STARTED',
        toStatus: 'IN_PROGRESS',
        effectiveDate: '2015-09-30',
        recordedOn: '2016-03-01',
        who: authorName,
        note: 'note D in Q3, back-dated',
      },
    ]);
    // Against the database: the entries of the seminar's live items effective in the quarter, less the first of each item.
    const inQuarter = await db.statusChange.findMany({
      where: {
        recommendation: { seminarId: scenario.seminarId, archived: false },
        effectiveDate: { gte: new Date('2015-07-01'), lte: new Date('2015-09-30') },
      },
      select: { note: true },
    });
    expect(rows.changes.map((change) => change.note).sort()).toEqual(inQuarter.map((change) => change.note).sort());
  });

  it('report: the evidence notes dated in the quarter, not removed ones nor those dated outside it', () => {
    expect(report.data.evidence.total).toBe(2);
    expect(rows.evidence).toEqual(report.data.evidence.rows);
    expect(report.data.evidence.rows.map((note) => [note.evidenceDate, note.code, note.body, note.sourceTitle, note.who])).toEqual([
      ['2015-07-01', scenario.codes.E, 'evidence E in Q3', null, scenario.authorName],
      ['2015-08-10', scenario.codes.A, 'evidence A in Q3', 'Gazette notice', scenario.authorName],
    ]);
  });

  it('report: progress by theme now and a quarter ago, and the series up to the quarter', () => {
    const [first, second] = scenario.themeNames;
    expect(report.data.themes.map((row) => row.name)).toEqual([first, second]);
    const [a, b] = report.data.themes;
    expect(a).toMatchObject({ items: 5, implemented: 1 });
    expect(a!.progress.current).toBeCloseTo(1.75 / 4);
    expect(a!.progress.previous).toBeCloseTo(0.75 / 5);
    expect(b).toMatchObject({ items: 1, implemented: 1, progress: { previous: 0, current: 1, change: 1 } });
    expect(report.data.themeTotal).toMatchObject({ items: 6, implemented: 2 });
    expect(report.data.themeTotal.progress.current).toBeCloseTo(0.55);
    expect(report.data.series.quarters.map((q) => q.key)).toEqual(['2015-Q1', '2015-Q2', '2015-Q3']);
    expect(report.data.series.overall).toEqual([0, 12.5, 55]);
    expect(report.data.series.lines.map((line) => line.values)).toEqual([
      [0, 15, 43.8],
      [0, 0, 100],
    ]);
  });

  it('report: the per-owner-sector summary counts an item under each of its sectors', () => {
    const [first, second] = scenario.sectorNames;
    const bySector = Object.fromEntries(report.data.sectors.map((row) => [row.name, row]));
    expect(Object.keys(bySector).sort()).toEqual([first, second].sort());
    // First: A-E. Second: A and F.
    expect(bySector[first]).toMatchObject({ items: 5, implemented: 1, changed: 3, stale: 1, overdue: 1 });
    expect(bySector[first]!.progress.current).toBeCloseTo(1.75 / 4);
    expect(bySector[second]).toMatchObject({ items: 2, implemented: 2, changed: 2, stale: 0, overdue: 0 });
    expect(bySector[second]!.progress.previous).toBeCloseTo(0.125);
    expect(bySector[second]!.progress.change).toBeCloseTo(0.875);
  });

  it('report: items that became stale or overdue, and those with no change since the seminar', () => {
    const { codes } = scenario;
    const { items } = rows;
    expect(items.map((item) => item.code)).toEqual([codes.A, codes.B, codes.C, codes.D, codes.E, codes.F]);
    expect(items.filter((item) => item.becameStale).map((item) => item.code)).toEqual([codes.C]);
    expect(items.filter((item) => item.becameOverdue).map((item) => item.code)).toEqual([codes.C]);
    expect(items.filter((item) => item.noChangeSinceSeminar).map((item) => item.code)).toEqual([codes.C]);
    // The lists the PDF and the print page show are those items, counted.
    const itemC = items.find((item) => item.code === codes.C)!;
    expect(report.data.lists).toEqual({
      becameStale: { total: 1, rows: [itemC] },
      becameOverdue: { total: 1, rows: [itemC] },
      unchanged: { total: 1, rows: [itemC] },
    });
    expect(items.find((item) => item.code === codes.D)).toMatchObject({
      status: 'IN_PROGRESS',
      statusSince: '2015-09-30',
      previousStatus: 'NOT_STARTED',
      changesInQuarter: 1,
    });
    expect(items.find((item) => item.code === codes.A)).toMatchObject({
      status: 'IMPLEMENTED',
      lastActivity: '2015-08-15',
      targetDate: '2015-07-15',
      overdue: false,
      sectors: scenario.sectorNames,
    });
    expect(items.find((item) => item.code === codes.E)).toMatchObject({ lastActivity: '2015-07-01', stale: false });
  });

  it('report: with no filter, every item is read (the whole history at once), each with the same facts as in its seminar\u2019s report', async () => {
    const everything = (await buildReportWithRows(db, { ...scenario.scope, seminar: [], generatedBy: 'x', now: new Date('2026-11-24T10:00:00.000Z') })).rows;
    const codes = new Set(rows.items.map((item) => item.code));
    expect(everything.items.filter((item) => codes.has(item.code))).toEqual(rows.items);
    // The seminar's archived item stays out without a filter too.
    const archived = await db.recommendation.findFirstOrThrow({ where: { seminarId: scenario.seminarId, archived: true }, select: { code: true } });
    expect(everything.items.map((item) => item.code)).not.toContain(archived.code);
  });

  it('report: the dashboard\u2019s filters narrow every section (an owner sector here)', async () => {
    const sector = await db.sector.findFirstOrThrow({ where: { name: scenario.sectorNames[1] }, select: { id: true } });
    const { report: narrowed, rows: narrowedRows } = await buildReportWithRows(db, {
      ...scenario.scope,
      sector: [sector.id],
      generatedBy: 'x',
      now: new Date('2026-11-24T10:00:00.000Z'),
    });
    expect(narrowed.data.filters.sectors).toEqual([scenario.sectorNames[1]]);
    expect(narrowedRows.items.map((item) => item.code)).toEqual([scenario.codes.A, scenario.codes.F]);
    expect(narrowed.data.changes.rows.map((change) => change.code)).toEqual([scenario.codes.A, scenario.codes.F]);
    expect(narrowed.data.evidence.rows.map((note) => note.code)).toEqual([scenario.codes.A]);
    // Only the chosen sector is summarised, though A also belongs to the first one.
    expect(narrowed.data.sectors.map((row) => row.name)).toEqual([scenario.sectorNames[1]]);
    expect(narrowed.data.themes.map((row) => [row.name, row.items])).toEqual([
      [scenario.themeNames[0], 1],
      [scenario.themeNames[1], 1],
    ]);
    expect(narrowed.data.headline.tracked.current).toBe(2);
    expect(narrowed.data.headline.progress).toMatchObject({ previous: 0.125, current: 1 });
  });

  it('report: a quarter before the seminar has nothing in it, and a filter that matches nothing gives an empty report', async () => {
    const before = await buildReportWithRows(db, { ...scenario.scope, quarter: { year: 2014, quarter: 4 }, generatedBy: 'x' });
    expect(before.rows).toEqual({ items: [], changes: [], evidence: [] });
    expect(before.report.data.headline.tracked).toEqual({ previous: 0, current: 0, change: 0 });
    expect(before.report.data.headline.progress).toEqual({ previous: null, current: null, change: null });
    const none = await buildQuarterlyReport(db, { quarter: QUARTER, seminar: ['no-such-seminar'], theme: [], sector: [], generatedBy: 'x' });
    const empty = { total: 0, rows: [] };
    expect(none.data).toMatchObject({
      changes: empty,
      evidence: empty,
      themes: [],
      sectors: [],
      lists: { becameStale: empty, becameOverdue: empty, unchanged: empty },
    });
    expect(none.data.filters.seminars).toEqual(['no-such-seminar']);
  });
});
