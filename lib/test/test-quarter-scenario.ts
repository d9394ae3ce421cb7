// TESTS ONLY: a known history around the quarter 2015-Q3 (1 July to 30 September 2015) for the
// *.db.test.ts files of lib/reporting, on a fresh seminar of its own (held 2015-02-12), so a report
// filtered by that seminar sees nothing of any other test.
import type { Db } from '@/lib/db';
import { parseQuarter } from '@/lib/progress/quarters';
import { day, recordEvidence, seedHistoryItems } from './test-history';
import type { Status } from '@/lib/status/status';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
import { seedUser } from '@/lib/test/user-factory';
import type { QuarterlyReportScope } from '@/lib/validations/quarterly-report';
import { buildQuarterlyReport, type BuildQuarterlyReportInput } from '@/lib/reporting/build-quarterly-report';
import type { QuarterlyReport, ReportChange, ReportEvidence, ReportItem } from '@/lib/reporting/report-types';

export const QUARTER = parseQuarter('2015-Q3')!;

/** Titles that a spreadsheet app would run as formulas, or that need CSV quoting. */
export const TITLES = {
  A: '=SUM(1+1) working group',
  B: '+Trade, "fast track"\nsecond line',
  C: '-Customs unit',
  D: '@Energy desk',
  E: '\tTabbed title',
  F: 'Working group six',
} as const;

export type Scenario = {
  scope: QuarterlyReportScope;
  seminarId: string;
  codes: Record<keyof typeof TITLES, string>;
  ids: Record<keyof typeof TITLES, string>;
  authorName: string;
  themeNames: [string, string];
  sectorNames: [string, string];
};

/**
 * A-E share a theme and a sector; F has a second theme and sector, and A is in both sectors.
 *
 *   A: In progress 2015-05-01 (Q2), Implemented 2015-08-15 (Q3, entered with a stale "from");
 *      target 2015-07-15; evidence 2015-08-10 (Q3).
 *   B: No longer relevant 2015-07-01 (the quarter's first day).
 *   C: never changes; target 2015-08-01: becomes overdue and stale in Q3.
 *   D: In progress 2015-09-30 (the last day) entered 2016-03-01 (back-dated, included);
 *      Stalled 2015-10-01 (after the quarter, left out).
 *   E: Partially implemented 2015-06-30 (Q2); evidence 2015-06-30 (out), 2015-07-01 (in),
 *      2015-10-01 (out), and one in Q3 that was removed (out).
 *   F: Implemented 2015-09-01.
 *   G: archived, with a change in Q3: left out everywhere.
 */
export async function seedQuarterScenario(db: Db): Promise<Scenario> {
  const items = await seedHistoryItems(db, 7);
  const [A, B, C, D, E, F, G] = items as [
    (typeof items)[0],
    (typeof items)[0],
    (typeof items)[0],
    (typeof items)[0],
    (typeof items)[0],
    (typeof items)[0],
    (typeof items)[0],
  ];
  const seminarId = A.seminarId;
  const author = await seedUser(db, { role: 'EDITOR' });
  const authorName = `Author ${author.id.slice(-6)}`;
  await db.user.update({ where: { id: author.id }, data: { name: authorName } });

  const first = await db.recommendation.findUniqueOrThrow({
    where: { id: A.id },
    select: { primaryTheme: { select: { name: true } }, sectors: { select: { sector: { select: { id: true, name: true } } } } },
  });
  const secondThemeId = await seedVocabulary(db, 'theme');
  const secondSectorId = await seedVocabulary(db, 'sector');
  const [secondTheme, secondSector] = await Promise.all([
    db.theme.findUniqueOrThrow({ where: { id: secondThemeId }, select: { name: true } }),
    db.sector.findUniqueOrThrow({ where: { id: secondSectorId }, select: { name: true } }),
  ]);
  await db.recommendation.update({ where: { id: F.id }, data: { primaryThemeId: secondThemeId } });
  await db.recommendationSector.deleteMany({ where: { recommendationId: F.id } });
  await db.recommendationSector.createMany({
    data: [
      { recommendationId: F.id, sectorId: secondSectorId },
      { recommendationId: A.id, sectorId: secondSectorId },
    ],
  });
  for (const [key, item] of Object.entries({ A, B, C, D, E, F })) {
    await db.recommendation.update({ where: { id: item.id }, data: { title: TITLES[key as keyof typeof TITLES] } });
  }
  await db.recommendation.update({ where: { id: A.id }, data: { targetDate: day('2015-07-15') } });
  await db.recommendation.update({ where: { id: C.id }, data: { targetDate: day('2015-08-01') } });
  await db.recommendation.update({ where: { id: G.id }, data: { archived: true } });

  const by = { authorId: author.id };
  const change = (item: { id: string }, toStatus: Status, effective: string, note: string, options: { recordedAt?: string; fromStatus?: Status } = {}) =>
    db.statusChange.create({
      data: {
        recommendationId: item.id,
        fromStatus: options.fromStatus ?? 'NOT_STARTED',
        toStatus,
        effectiveDate: day(effective),
        recordedAt: new Date(options.recordedAt ?? `${effective}T12:00:00.000Z`),
        authorId: author.id,
        note,
      },
    });
  await change(A, 'IN_PROGRESS', '2015-05-01', 'note A in Q2');
  // Entered as if from Not started: the report reads "from" off the history (In progress).
  await change(A, 'IMPLEMENTED', '2015-08-15', '=HYPERLINK("http://example.org","note A in Q3")');
  await change(B, 'NO_LONGER_RELEVANT', '2015-07-01', 'note B in Q3');
  await change(D, 'IN_PROGRESS', '2015-09-30', 'note D in Q3, back-dated', { recordedAt: '2016-03-01T09:00:00.000Z' });
  await change(D, 'STALLED', '2015-10-01', 'note D in Q4', { fromStatus: 'IN_PROGRESS' });
  await change(E, 'PARTIALLY_IMPLEMENTED', '2015-06-30', 'note E in Q2');
  await change(F, 'IMPLEMENTED', '2015-09-01', '+44 note F in Q3');
  await change(G, 'IMPLEMENTED', '2015-08-01', 'note G archived');

  await recordEvidence(db, A, '2015-08-10', { ...by, body: 'evidence A in Q3', sourceTitle: 'Gazette notice' });
  await recordEvidence(db, E, '2015-06-30', { ...by, body: 'evidence E in Q2' });
  await recordEvidence(db, E, '2015-07-01', { ...by, body: 'evidence E in Q3' });
  await recordEvidence(db, E, '2015-10-01', { ...by, body: 'evidence E in Q4' });
  await recordEvidence(db, E, '2015-08-01', { ...by, body: 'evidence E removed', deletedAt: '2015-08-02T10:00:00.000Z' });
  await recordEvidence(db, G, '2015-08-01', { ...by, body: 'evidence G archived' });

  const codes = { A: A.code, B: B.code, C: C.code, D: D.code, E: E.code, F: F.code };
  const ids = { A: A.id, B: B.id, C: C.id, D: D.id, E: E.id, F: F.id };
  return {
    scope: { quarter: QUARTER, seminar: [seminarId], theme: [], sector: [] },
    seminarId,
    codes,
    ids,
    authorName,
    themeNames: [first.primaryTheme.name, secondTheme.name],
    sectorNames: [first.sectors[0]!.sector.name, secondSector.name],
  };
}

export type ReportRows = { items: ReportItem[]; changes: ReportChange[]; evidence: ReportEvidence[] };

/** The report and every row of its long lists, gathered from the chunks (what the workbook lists). */
export async function buildReportWithRows(db: Db, input: BuildQuarterlyReportInput): Promise<{ report: QuarterlyReport; rows: ReportRows }> {
  const rows: ReportRows = { items: [], changes: [], evidence: [] };
  const report = await buildQuarterlyReport(db, input, {
    rows: {
      items: (chunk) => void rows.items.push(...chunk),
      changes: (chunk) => void rows.changes.push(...chunk),
      evidence: (chunk) => void rows.evidence.push(...chunk),
    },
  });
  return { report, rows };
}
