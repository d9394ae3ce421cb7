import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import type { BuildQuarterlyReportInput } from './build-quarterly-report';
import { exportQuarterlyReport } from './export-quarterly-report';
import { renderPdf } from './render-pdf';
import { SHEET_NAMES } from './render-xlsx';
import { quarterPeriod } from './report-text';
import type { QuarterlyReport } from './report-types';
import { buildReportWithRows, seedQuarterScenario, TITLES, type ReportRows, type Scenario } from '@/lib/test/test-quarter-scenario';
import { reportSections } from './report-outline';
import { readerActor } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

let scenario: Scenario;
let input: BuildQuarterlyReportInput;
let report: QuarterlyReport;
let rows: ReportRows;

beforeAll(async () => {
  scenario = await seedQuarterScenario(db);
  input = { ...scenario.scope, generatedBy: 'Report Tester', now: new Date('2026-11-24T10:00:00.000Z') };
  ({ report, rows } = await buildReportWithRows(db, input));
});

/** The file as the download route and the CLI make it. */
async function exported(format: 'pdf' | 'xlsx' | 'csv', csv: 'items' | 'changes' = 'items') {
  return (await exportQuarterlyReport(db, input, { format, csv }, readerActor())).file;
}

/** Text that never crosses a line: extracted PDF text breaks lines where the layout did. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('quarterly report as PDF', () => {
  it('pdf: A4 pages with a cover, running header, page numbers, embedded fonts and every figure', async () => {
    const pdf = await renderPdf(report);
    const bytes = new Uint8Array(pdf);
    const document = await getDocumentProxy(bytes.slice());
    const { totalPages, text: pages } = await extractText(document, { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(2);
    // A small report's short lists share pages: the cover, the figures and chart, then the lists.
    expect(totalPages).toBeLessThanOrEqual(4);
    const page = await document.getPage(1);
    const [, , width, height] = page.view;
    // A4 in points.
    expect(Math.round(width!)).toBe(595);
    expect(Math.round(height!)).toBe(842);
    pages.forEach((text, index) => expect(flat(text)).toContain(`Page ${index + 1} of ${totalPages}`));
    // The running header on every page after the cover.
    for (const text of pages.slice(1)) expect(flat(text)).toContain('Quarterly summary, 2015 Q3');

    // Fonts: Noto Sans embedded (a subset), and no standard font that would be left to the reader.
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/FontFile2/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);

    const all = flat(pages.join(' '));
    expect(all).toContain('MUSLIM Institute');
    expect(all).toContain(quarterPeriod(report.data));
    expect(all).toContain('Generated 24 Nov 2026');
    expect(all).toContain('by Report Tester');
    // Headline figures: progress 13% -> 55% (+42.5 pp), 0 -> 2 implemented, 2 -> 4 changed.
    expect(all).toMatch(/Weighted progress 13% 55% \+42\.5 pp/);
    expect(all).toMatch(/Implemented 0 2 \+2/);
    expect(all).toMatch(/Changed status in the quarter 2 4 \+2/);
    expect(all).toMatch(/Stale \(no activity for 180 days\) 0 1 \+1/);
    expect(all).toMatch(/Overdue 0 1 \+1/);
    // Every change in the quarter, none outside it; evidence dated in the quarter only.
    for (const note of ['note B in Q3', 'note A in Q3', '+44 note F in Q3', 'note D in Q3, back-dated']) expect(all).toContain(note);
    for (const note of ['note A in Q2', 'note D in Q4', 'note E in Q2', 'note G archived']) expect(all).not.toContain(note);
    expect(all).toContain('Status changes in 2015 Q3 (4)');
    // Every section of the outline the print page shows too (report-outline.ts), in this order.
    const titles = Object.values(reportSections(report.data)).map((section) => section.title);
    expect(titles.map((title) => all.indexOf(title))).toEqual(titles.map((title) => all.indexOf(title)).sort((x, y) => x - y));
    for (const title of titles) expect(all).toContain(title);
    expect(all).toContain('(recorded 1 Mar 2016)');
    expect(all).toContain('evidence A in Q3');
    expect(all).toContain('evidence E in Q3');
    for (const body of ['evidence E in Q2', 'evidence E in Q4', 'evidence E removed', 'evidence G archived']) expect(all).not.toContain(body);
    // The chart's axis, drawn as vector text, and its legend.
    expect(all).toContain('100%');
    expect(all).toContain(scenario.themeNames[0]);
    // The footnote says what "as of" means and when it was generated.
    expect(all).toContain('include changes back-dated into the quarter that were recorded later');
  });
});

describe('quarterly report as XLSX', () => {
  it('xlsx: the sheets, typed cells, frozen header rows and autofilters, matching the data', async () => {
    const workbook = new ExcelJS.Workbook();
    const file = await exported('xlsx');
    expect(file.fileName).toBe('tracker-2015-Q3.xlsx');
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    // In tab order, though the long tables are written first.
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual(['Summary', 'Progress by theme', 'Progress over time', 'By owner sector', 'Changes', 'Evidence', 'All items']);

    const summary = workbook.getWorksheet(SHEET_NAMES.summary)!;
    expect(summary.getRow(1).values).toEqual([undefined, 'Figure', 'End of 2015 Q2', '2015 Q3 (as of 2015-09-30)', 'Change']);
    const progressRow = summary.getRow(3);
    expect(progressRow.getCell(1).value).toBe('Weighted progress');
    expect(progressRow.getCell(2).value).toBeCloseTo(0.125);
    expect(progressRow.getCell(3).value).toBeCloseTo(0.55);
    expect(progressRow.getCell(3).numFmt).toContain('%');
    expect(summary.getRow(2).getCell(3).value).toBe(6);

    const changes = workbook.getWorksheet(SHEET_NAMES.changes)!;
    expect(changes.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(changes.autoFilter).toBeTruthy();
    expect(changes.rowCount).toBe(1 + report.data.changes.total);
    const firstChange = changes.getRow(2);
    expect(firstChange.getCell(1).value).toEqual(new Date('2015-07-01T00:00:00.000Z'));
    expect(firstChange.getCell(1).numFmt).toBe('yyyy-mm-dd');
    expect(firstChange.getCell(2).value).toBe(scenario.codes.B);
    const notes = changes.getColumn(7).values.slice(2);
    expect(notes).toEqual(rows.changes.map((change) => change.note));

    const items = workbook.getWorksheet(SHEET_NAMES.items)!;
    expect(items.rowCount).toBe(1 + 6);
    const header = items.getRow(1).values as unknown[];
    const column = (name: string) => header.indexOf(name);
    const codes = items.getColumn(column('Code')).values.slice(2);
    expect(codes).toEqual(rows.items.map((item) => item.code));
    // The autofilter spans the header and every row, written chunk by chunk.
    expect(items.autoFilter).toMatch(/^A1:[A-Z]+7$/);
    const weightOfA = items.getRow(2).getCell(column('Progress weight'));
    expect(weightOfA.value).toBe(1);
    expect(weightOfA.numFmt).toContain('%');
    // Text stays text: the formula-like title is a string cell, not a formula.
    expect(items.getRow(2).getCell(column('Title')).value).toBe(TITLES.A);
    expect(items.getRow(2).getCell(column('Target date')).value).toEqual(new Date('2015-07-15T00:00:00.000Z'));

    const themes = workbook.getWorksheet(SHEET_NAMES.themes)!;
    expect(themes.getRow(2).getCell(1).value).toBe(scenario.themeNames[0]);
    expect(themes.getRow(2).getCell(2).value).toBe(5);
    expect(themes.getRow(2).getCell(5).value).toBeCloseTo(0.4375);
    expect(themes.getRow(2).getCell(4).value).toBeCloseTo(0.15);

    // The total row sits below the table, in bold; every header row is bold.
    const total = themes.getRow(themes.rowCount);
    expect(total.getCell(1).value).toBe('All themes');
    expect(total.getCell(1).font?.bold).toBe(true);
    for (const sheet of workbook.worksheets) expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);

    const evidence = workbook.getWorksheet(SHEET_NAMES.evidence)!;
    expect(evidence.getColumn(6).values.slice(2)).toEqual(['evidence E in Q3', 'evidence A in Q3']);
    // Long notes wrap.
    expect(evidence.getRow(2).getCell(6).alignment).toMatchObject({ wrapText: true });

    // The summary's long note spans the table's width; the file says who made it, what it is and when.
    const note = summary.getRow(summary.rowCount);
    expect(note.getCell(1).value).toBe('Note');
    expect(note.getCell(2).isMerged).toBe(true);
    expect(workbook.creator).toBe(report.data.organisation);
    expect(workbook.title).toBe(`${report.data.title}, ${report.data.quarter.label}`);
    expect(workbook.created).toEqual(new Date(report.meta.generatedAt));
  });
});

describe('quarterly report as XLSX, empty', () => {
  it('xlsx: a report with nothing in scope still has every sheet, each with its header row and nothing else', async () => {
    const { file } = await exportQuarterlyReport(db, { ...input, seminar: ['no-such-seminar'] }, { format: 'xlsx', csv: 'items' }, readerActor());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(Object.values(SHEET_NAMES));
    for (const name of [SHEET_NAMES.changes, SHEET_NAMES.evidence, SHEET_NAMES.items]) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.rowCount).toBe(1);
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    }
  });
});

describe('quarterly report as CSV', () => {
  it('csv: all items, UTF-8 with a BOM, RFC 4180 quoting, formulas neutralised', async () => {
    const file = await exported('csv', 'items');
    expect(file.fileName).toBe('tracker-2015-Q3-items.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.body.toString('utf8');
    expect(text).toContain('\r\n');
    // The quote in B's title is doubled inside a quoted field that also holds its comma and line break.
    expect(text).toContain(`"'+Trade, ""fast track""\nsecond line"`);

    const [header, ...data] = parse(file.body, { bom: true, relax_column_count: false });
    expect(header).toContain('Progress weight (%)');
    expect(data).toHaveLength(6);
    const col = (name: string) => header!.indexOf(name);
    expect(data.map((row) => row[col('Code')])).toEqual(rows.items.map((item) => item.code));
    expect(data.map((row) => row[col('Title')])).toEqual([`'${TITLES.A}`, `'${TITLES.B}`, `'${TITLES.C}`, `'${TITLES.D}`, `'${TITLES.E}`, TITLES.F]);
    const byCode = Object.fromEntries(data.map((row) => [row[col('Code')], row]));
    expect(byCode[scenario.codes.A]![col('Status')]).toBe('Implemented');
    expect(byCode[scenario.codes.A]![col('Progress weight (%)')]).toBe('100');
    expect(byCode[scenario.codes.D]![col('Progress weight (%)')]).toBe('25');
    expect(byCode[scenario.codes.B]![col('Progress weight (%)')]).toBe('');
    expect(byCode[scenario.codes.C]![col('Target date')]).toBe('2015-08-01');
    expect(byCode[scenario.codes.C]![col('Became overdue in quarter')]).toBe('yes');
    expect(byCode[scenario.codes.C]![col('No change since seminar')]).toBe('yes');
  });

  it('csv: the quarter\u2019s changes, every one and no other, with notes neutralised', async () => {
    const file = await exported('csv', 'changes');
    expect(file.fileName).toBe('tracker-2015-Q3-changes.csv');
    const [header, ...data] = parse(file.body, { bom: true });
    expect(header).toEqual(['Effective date', 'Code', 'Title', 'From', 'To', 'Who', 'Note', 'Recorded on']);
    expect(data.map((row) => [row[0], row[1], row[3], row[4], row[6]])).toEqual([
      ['2015-07-01', scenario.codes.B, 'Not started', 'No longer relevant', 'note B in Q3'],
      ['2015-08-15', scenario.codes.A, 'In progress', 'Implemented', `'=HYPERLINK("http://example.org","note A in Q3")`],
      ['2015-09-01', scenario.codes.F, 'Not started', 'Implemented', "'+44 note F in Q3"],
      ['2015-09-30', scenario.codes.D, 'Not started', 'In progress', 'note D in Q3, back-dated'],
    ]);
    expect(data[3]![7]).toBe('2016-03-01');
  });
});
