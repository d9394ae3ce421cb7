// The PDF as the board reads it: web addresses whole and clickable, the cover's highlights, the
// notation explained, and a quiet quarter kept short. The PDFs are kept under test-results/ so the
// pages can be looked at (pdftoppm, or any viewer).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { recordEvidence } from '@/lib/test/test-history';
import { buildReportWithRows, seedQuarterScenario, type Scenario } from '@/lib/test/test-quarter-scenario';
import { renderPdf } from './render-pdf';
import { isQuietQuarter, reportHighlights, reportPlan } from './report-outline';
import type { QuarterlyReport } from './report-types';
import type { Quarter } from '@/lib/progress/quarters';

const db = testDb();
afterAll(() => db.$disconnect());

const ARTEFACTS = path.join(process.cwd(), 'test-results', 'report-pdf');
let scenario: Scenario;
let sourceUrl: string;
let noteUrl: string;
let report: QuarterlyReport;
let pdf: Buffer;

async function build(quarter: Quarter): Promise<QuarterlyReport> {
  return (await buildReportWithRows(db, { ...scenario.scope, quarter, generatedBy: 'Report Tester', now: new Date('2026-11-24T10:00:00.000Z') })).report;
}

async function pagesOf(file: Buffer): Promise<string[]> {
  const document = await getDocumentProxy(new Uint8Array(file));
  return (await extractText(document, { mergePages: false })).text;
}

/** The PDF's text with a wrapped address put back together: a line break after a separator the address has anyway is no break in it. */
const unwrapped = (text: string) => text.replace(/([/?&=\-._~])\s+/g, '$1');

function keep(name: string, file: Buffer) {
  mkdirSync(ARTEFACTS, { recursive: true });
  writeFileSync(path.join(ARTEFACTS, name), file);
}

beforeAll(async () => {
  scenario = await seedQuarterScenario(db);
  const id = uniqueId('doc');
  sourceUrl = `https://www.finance.gov.example/publications/2015/annual-reports/${id}/implementation-of-the-joint-working-group-recommendations.pdf?lang=en&page=12`;
  noteUrl = `https://parliament.example.org/hansard/2015/08/20/${id}/debate-on-trade-facilitation`;
  await recordEvidence(db, { id: scenario.ids.E }, '2015-08-20', {
    body: `The ministry published the plan, see ${noteUrl} for the debate.`,
    sourceTitle: 'Annual report',
  });
  const note = await db.evidenceNote.findFirstOrThrow({ where: { recommendationId: scenario.ids.E, evidenceDate: new Date('2015-08-20T00:00:00Z') } });
  await db.evidenceNote.update({ where: { id: note.id }, data: { sourceUrl } });
  report = await build({ year: 2015, quarter: 3 });
  pdf = await renderPdf(report);
  keep('2015-Q3.pdf', pdf);
});

describe('quarterly PDF: web addresses', () => {
  it('pdf: a long evidence address is found whole in the text, never hyphenated', async () => {
    const text = (await pagesOf(pdf)).join('\n');
    expect(unwrapped(text)).toContain(sourceUrl);
    expect(unwrapped(text)).toContain(noteUrl);
    // It is long enough that it had to wrap: the test would pass trivially otherwise.
    expect(text).not.toContain(sourceUrl);
  });

  it('pdf: both addresses are link annotations that go to the address', async () => {
    const document = await PDFDocument.load(new Uint8Array(pdf));
    const uris: string[] = [];
    for (const page of document.getPages()) {
      const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
      for (let index = 0; index < (annots?.size() ?? 0); index += 1) {
        const annot = annots!.lookup(index, PDFDict);
        if (annot.get(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
        const uri = annot.lookupMaybe(PDFName.of('A'), PDFDict)?.lookupMaybe(PDFName.of('URI'), PDFString);
        if (uri) uris.push(uri.decodeText());
      }
    }
    expect(uris).toContain(sourceUrl);
    expect(uris).toContain(noteUrl);
  });
});

describe('quarterly PDF: cover and wording', () => {
  it('report: the cover highlights what was newly implemented, the largest moves by theme and what is now overdue', () => {
    const { codes, themeNames } = scenario;
    const { lines } = reportHighlights(report.data);
    const line = (label: string) => lines.find((entry) => entry.label.startsWith(label))!;
    expect(line('Newly implemented')).toMatchObject({ label: 'Newly implemented (2)', codes: [codes.A, codes.F] });
    expect(line('Newly stalled')).toMatchObject({ codes: [], text: 'None in 2015 Q3.' });
    expect(line('Largest move up').text).toMatch(new RegExp(`^${themeNames[1]}, \\+100 pp \\(0% to 100%\\)$`));
    expect(line('Now overdue')).toMatchObject({ label: 'Now overdue (1)', codes: [codes.C] });
  });

  it('pdf: the cover carries the highlights, the method text appears once, pp and the dash are explained', async () => {
    const pages = await pagesOf(pdf);
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    expect(flat(pages[0]!)).toContain('The quarter at a glance');
    expect(flat(pages[0]!)).toContain(`Newly implemented (2) ${scenario.codes.A}, ${scenario.codes.F}`);
    const all = flat(pages.join(' '));
    expect(all.split('All figures are as of').length - 1).toBe(1);
    expect(all).toContain('percentage points (pp)');
    expect(all).toContain('A dash (–) means');
  });

  it('report: theme tables count the items no longer relevant, and say they are left out of progress', async () => {
    const [first] = report.data.themes.filter((row) => row.name === scenario.themeNames[0]);
    // B is no longer relevant: counted among the items, not in progress.
    expect(first).toMatchObject({ items: 5, noLongerRelevant: 1 });
    const all = (await pagesOf(pdf)).join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('No longer relevant');
    expect(all).toContain('left out of Implemented’s share and of progress');
  });
});

describe('quarterly PDF: a quiet quarter', () => {
  it('report: a quarter with no status change is a short report that says so', async () => {
    const quiet = await build({ year: 2016, quarter: 1 });
    expect(isQuietQuarter(quiet.data)).toBe(true);
    expect(isQuietQuarter(report.data)).toBe(false);
    // The seminar's quarter has no status change either, but its items arrive: that is news.
    const arrival = await build({ year: 2015, quarter: 1 });
    expect(arrival.data.changes.total).toBe(0);
    expect(isQuietQuarter(arrival.data)).toBe(false);
    expect(reportPlan(quiet.data)).not.toContain('themes');
    expect(reportHighlights(quiet.data).summary).toMatch(/^No status changes in 2016 Q1\./);
    const file = await renderPdf(quiet);
    keep('2016-Q1-quiet.pdf', file);
    const pages = await pagesOf(file);
    const all = pages.join(' ').replace(/\s+/g, ' ');
    expect(all).toContain('No status changes in 2016 Q1');
    expect(all).not.toContain('Progress by theme');
    expect(all).not.toContain('Status changes in 2016 Q1 (0)');
    expect(pages.length).toBeLessThan((await pagesOf(pdf)).length);
    expect(pages.length).toBeLessThanOrEqual(2);
  });
});
