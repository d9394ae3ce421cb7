// The quarterly summary of a large organisation: ten thousand recommendations in scope (the
// benchmark's size M). It used to fail outright on SQLite (too many bound parameters) and to take
// minutes as a PDF; every format must come out, complete where it promises to be.
import type { SqlQuery } from '@prisma/driver-adapter-utils';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { addItemsToTally } from '@/lib/progress/tally/rebuild-progress-tally';
import { recommendationCode } from '@/lib/recommendations/code';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
import { testDatabaseUrl, testDb, uniqueId } from '@/lib/test/test-db';
import { recordingClient } from '@/scripts/bench/sql-floor';
import { quarterlyReportQuerySchema } from '@/lib/validations/quarterly-report';
import { buildQuarterlyReport, type BuildQuarterlyReportInput } from './build-quarterly-report';
import { exportQuarterlyReport } from './export-quarterly-report';
import { ITEM_CHUNK } from './read-report-items';
import { renderPdf } from './render-pdf';
import { SHEET_NAMES, xlsxWriter } from './render-xlsx';
import { LIST_ROW_LIMIT } from './report-text';
import type { QuarterlyReport } from './report-types';
import { buildReportWithRows, type ReportRows } from '@/lib/test/test-quarter-scenario';
import { readerActor } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

const ITEMS = 10_000;
const CHANGED = 150;
const SEMINAR_DATE = parseDateOnly('2024-03-01')!;
const CHANGE_DATE = parseDateOnly('2025-05-20')!;
const BATCH = 1_000;

let input: BuildQuarterlyReportInput;
let report: QuarterlyReport;
let rows: ReportRows;

/** One seminar with ITEMS recommendations under a theme of their own; the first CHANGED start work in 2025 Q2. */
async function seedLargeScope(): Promise<string> {
  const prefix = uniqueId('L').toUpperCase();
  const themeId = await seedVocabulary(db, 'theme');
  const sectorId = await seedVocabulary(db, 'sector');
  const seminar = await db.seminar.create({
    data: { codePrefix: prefix, title: `Large seminar ${prefix}`, kind: 'CONFERENCE', date: SEMINAR_DATE, sourceText: 'Recommendations' },
    select: { id: true },
  });
  const ids: string[] = [];
  for (let start = 0; start < ITEMS; start += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, ITEMS - start) }, (_, n) => {
      const position = start + n + 1;
      return { id: `${prefix.toLowerCase()}-${position}`, position };
    });
    await db.recommendation.createMany({
      data: batch.map(({ id, position }) => ({
        id,
        code: recommendationCode(prefix, position),
        seminarId: seminar.id,
        position,
        title: `Recommendation ${position}`,
        text: 'Text',
        sourceStart: 0,
        sourceEnd: 4,
        sourceLineStart: 1,
        sourceLineEnd: 1,
        primaryThemeId: themeId,
        status: position <= CHANGED ? 'IN_PROGRESS' : 'NOT_STARTED',
        statusDate: position <= CHANGED ? CHANGE_DATE : SEMINAR_DATE,
        lastActivityAt: position <= CHANGED ? CHANGE_DATE : SEMINAR_DATE,
      })),
    });
    await db.recommendationSector.createMany({ data: batch.map(({ id }) => ({ recommendationId: id, sectorId })) });
    await db.statusChange.createMany({
      data: batch.flatMap(({ id, position }) => [
        { recommendationId: id, fromStatus: null, toStatus: 'NOT_STARTED', effectiveDate: SEMINAR_DATE, recordedAt: SEMINAR_DATE },
        ...(position <= CHANGED
          ? [{ recommendationId: id, fromStatus: 'NOT_STARTED', toStatus: 'IN_PROGRESS', effectiveDate: CHANGE_DATE, recordedAt: CHANGE_DATE }]
          : []),
      ]),
    });
    ids.push(...batch.map(({ id }) => id));
  }
  await addItemsToTally(db, ids);
  return themeId;
}

beforeAll(async () => {
  const themeId = await seedLargeScope();
  const { quarter } = quarterlyReportQuerySchema.parse({ quarter: '2025-Q2' });
  input = { quarter, seminar: [], theme: [themeId], sector: [], generatedBy: 'Scale Tester' };
  ({ report, rows } = await buildReportWithRows(db, input));
}, 120_000);

describe('quarterly report at scale', () => {
  it('scale: ten thousand items are read, counted and charted', () => {
    expect(rows.items).toHaveLength(ITEMS);
    expect(rows.changes).toHaveLength(CHANGED);
    expect(report.data.changes.total).toBe(CHANGED);
    // The report itself holds only the first rows of its lists, whatever the size.
    expect(report.data.changes.rows).toHaveLength(LIST_ROW_LIMIT);
    expect(report.data.lists.unchanged).toMatchObject({ total: ITEMS - CHANGED });
    expect(report.data.lists.unchanged.rows).toEqual(rows.items.filter((item) => item.noChangeSinceSeminar).slice(0, LIST_ROW_LIMIT));
    expect(report.data.headline.tracked.current).toBe(ITEMS);
    expect(report.data.headline.changed.current).toBe(CHANGED);
    expect(report.data.themes.map((row) => [row.items, row.implemented])).toEqual([[ITEMS, 0]]);
    expect(rows.items.filter((item) => item.noChangeSinceSeminar)).toHaveLength(ITEMS - CHANGED);
    // In the recommendations list's order across the chunks.
    expect(rows.items.map((item) => item.code)).toEqual(rows.items.map((item) => item.code).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
  });

  it('scale: the items are read a chunk at a time, with progress after each', async () => {
    const progress: { read: number; total: number }[] = [];
    await exportQuarterlyReport(db, input, { format: 'csv', csv: 'changes' }, readerActor(), { onProgress: (step) => void progress.push(step) });
    expect(ITEMS / ITEM_CHUNK).toBeGreaterThan(1);
    expect(progress).toEqual(Array.from({ length: ITEMS / ITEM_CHUNK }, (_, n) => ({ read: (n + 1) * ITEM_CHUNK, total: ITEMS })));
  });

  it('scale: a chunk of items is one bound parameter, not one per item', async () => {
    // Prisma keeps its latest calls' arguments, each parameter with a description: thousands of
    // them per statement kept tens of MB alive in a large export (lib/progress/history-sql.ts idIn).
    const log: SqlQuery[] = [];
    const recording = recordingClient(testDatabaseUrl(), log);
    try {
      const built = await buildQuarterlyReport(recording, input);
      expect(built.data.headline.tracked.current).toBe(ITEMS);
    } finally {
      await recording.$disconnect();
    }
    const chunkReads = log.filter((query) => /"RecommendationSector"/.test(query.sql) && /"Sector"/.test(query.sql));
    expect(chunkReads).toHaveLength(ITEMS / ITEM_CHUNK);
    const widest = Math.max(...log.map((query) => query.args.length));
    expect(widest).toBeLessThan(100);
  }, 60_000);

  it('scale: the workbook and the CSV hold every item and every change', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportQuarterlyReport(db, input, { format: 'xlsx', csv: 'items' }, readerActor())).file.body as unknown as ArrayBuffer);
    // A header row, then one row per item / change.
    expect(workbook.getWorksheet(SHEET_NAMES.items)!.actualRowCount).toBe(ITEMS + 1);
    expect(workbook.getWorksheet(SHEET_NAMES.changes)!.actualRowCount).toBe(CHANGED + 1);
    const csv = (await exportQuarterlyReport(db, input, { format: 'csv', csv: 'items' }, readerActor())).file.body;
    const lines = parse<Record<string, string>>(csv, { bom: true, columns: true });
    expect(lines.map((line) => line.Code)).toEqual(rows.items.map((item) => item.code));
  }, 60_000);

  it('scale: each chunk of the workbook waits for the compressor, so its sheet XML never piles up in memory', async () => {
    const writer = xlsxWriter();
    const backlogs: number[] = [];
    let written = 0;
    const items = async (chunk: Parameters<typeof writer.items>[0]) => {
      await writer.items(chunk);
      written += chunk.length;
      backlogs.push(writer.backlog());
    };
    const built = await buildQuarterlyReport(db, input, { rows: { ...writer, items } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writer.finish(built)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet(SHEET_NAMES.items)!.actualRowCount).toBe(ITEMS + 1);
    expect(written).toBe(ITEMS);
    // A chunk of 2,000 rows is about 1.6 MB of XML (without the wait, 8 MB waited after the fifth);
    // what waits after it is at most the compressor's input buffer (16 KiB), not the chunk, let
    // alone every chunk so far.
    expect(backlogs).toHaveLength(ITEMS / ITEM_CHUNK);
    for (const backlog of backlogs) expect(backlog).toBeLessThan(64 * 1024);
  }, 60_000);

  it('scale: the PDF prints the first rows of a long list and says where the rest are', async () => {
    const document = await getDocumentProxy(new Uint8Array(await renderPdf(report)));
    const { text } = await extractText(document, { mergePages: true });
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain(`Status changes in 2025 Q2 (${CHANGED})`);
    expect(flat).toContain(`Showing the first ${LIST_ROW_LIMIT} of ${CHANGED} rows; the workbook (XLSX) and CSV exports list them all.`);
    expect(flat).toContain(`Showing the first ${LIST_ROW_LIMIT} of ${(ITEMS - CHANGED).toLocaleString('en')} rows`);
    // Two lists are long (the changes, and the items with no change since the seminar): each prints
    // exactly LIST_ROW_LIMIT rows.
    expect(flat.match(/Recommendation \d+/g)).toHaveLength(2 * LIST_ROW_LIMIT);
  }, 120_000);
});
