// The quarterly summary of a large organisation: ten thousand recommendations in scope (the
// benchmark's size M). It used to fail outright on SQLite (too many bound parameters) and to take
// minutes as a PDF; every format must come out, complete where it promises to be.
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { addItemsToTally } from '@/lib/progress/tally/rebuild-progress-tally';
import { recommendationCode } from '@/lib/recommendations/code';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { quarterlyReportQuerySchema } from '@/lib/validations/quarterly-report';
import { buildQuarterlyReport } from './build-quarterly-report';
import { renderCsv } from './render-csv';
import { renderPdf } from './render-pdf';
import { renderXlsx, SHEET_NAMES } from './render-xlsx';
import { LIST_ROW_LIMIT } from './report-text';
import type { QuarterlyReport } from './report-types';

const db = testDb();
afterAll(() => db.$disconnect());

const ITEMS = 10_000;
const CHANGED = 150;
const SEMINAR_DATE = parseDateOnly('2024-03-01')!;
const CHANGE_DATE = parseDateOnly('2025-05-20')!;
const BATCH = 1_000;

let report: QuarterlyReport;

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
  report = await buildQuarterlyReport(db, { quarter, seminar: [], theme: [themeId], sector: [], generatedBy: 'Scale Tester' });
}, 120_000);

describe('quarterly report at scale', () => {
  it('scale: ten thousand items are read, counted and charted', () => {
    expect(report.data.items).toHaveLength(ITEMS);
    expect(report.data.changes).toHaveLength(CHANGED);
    expect(report.data.headline.tracked.current).toBe(ITEMS);
    expect(report.data.headline.changed.current).toBe(CHANGED);
    expect(report.data.themes.map((row) => [row.items, row.implemented])).toEqual([[ITEMS, 0]]);
    expect(report.data.items.filter((item) => item.noChangeSinceSeminar)).toHaveLength(ITEMS - CHANGED);
  });

  it('scale: the workbook and the CSV hold every item and every change', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(report)) as unknown as ArrayBuffer);
    // A header row, then one row per item / change.
    expect(workbook.getWorksheet(SHEET_NAMES.items)!.actualRowCount).toBe(ITEMS + 1);
    expect(workbook.getWorksheet(SHEET_NAMES.changes)!.actualRowCount).toBe(CHANGED + 1);
    const rows = parse(renderCsv(report.data, 'items'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(ITEMS);
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
