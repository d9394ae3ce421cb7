// The import target (issue 24): a 100-page report PDF with 80 recommendations, uploaded through the
// API as an editor would, a few times over: how long until the draft is there, how much memory the
// server (and its extraction worker) took, and how long the review page with 80 proposed items takes
// to serve. The drafts are discarded afterwards, so runs do not pile them up.
import { makePdf } from '@/lib/import/extract/test-fixtures';
import type { Fixtures } from './targets';
import type { Server } from './server';
import { log } from './progress';

export const IMPORT_PAGES = 100;
export const IMPORT_ITEMS = 80;
export const IMPORT_RUNS = 3;
const REVIEW_VIEWS = 10;
/** Issue 24: parsing a 100-page PDF takes under 10 s. */
export const IMPORT_LIMIT_MS = 10_000;

export type ImportMeasured = {
  available: true;
  pages: number;
  items: number;
  bytes: number;
  /** Upload to draft, each run, in ms. */
  runs: number[];
  maxMs: number;
  rssPeakMB: number;
  /** The review page with every proposed item, server time per view. */
  review: { p50: number; max: number; kilobytes: number };
};
export type ImportEntry = ImportMeasured | { available: false; reason: string };

const PROSE = [
  'The discussion opened with a review of the regional context and of what had changed since the last meeting of the group.',
  'Participants from government, academia and civil society described the constraints they face in putting agreed policies into practice.',
  'Several speakers noted that the data needed to judge progress are collected by different agencies and are rarely shared in time.',
  'The session closed with an exchange on financing, on the role of provincial authorities and on how progress should be reported.',
];

/** Lines of a report: a title page, narrative sections, then the recommendations, about 40 lines a page. */
export function benchReportPages(pages = IMPORT_PAGES, items = IMPORT_ITEMS): string[][] {
  const lines: string[] = [];
  lines.push('“Regional Cooperation on Water, Energy and Trade”', '', 'A seminar held on 12 March 2026 at the Institute of Regional Studies, Islamabad.', '');
  const itemLines = items * 3 + 4;
  const proseLines = pages * 40 - itemLines - lines.length - 4;
  let section = 1;
  while (lines.length < proseLines) {
    if (lines.length % 120 < 4) lines.push('', `Session ${section++}`, '');
    for (const sentence of PROSE) lines.push(sentence.slice(0, 90), sentence.slice(90) || '—');
    lines.push('');
  }
  lines.push('', 'Recommendations', '');
  for (let n = 1; n <= items; n += 1) {
    lines.push(`${n}. The government should set up a standing mechanism, number ${n}, to review progress on`);
    lines.push('   shared river basins and to publish the data it holds every year.');
    lines.push('');
  }
  const out: string[][] = [];
  for (let i = 0; i < lines.length; i += 40) out.push(lines.slice(i, i + 40));
  return out.slice(0, pages);
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await work();
  return [value, performance.now() - started];
}

export async function measureImport(server: Server, fixtures: Fixtures, routes: Set<string>): Promise<ImportEntry> {
  if (!routes.has('/api/v1/imports')) return { available: false, reason: '/api/v1/imports is not in the build' };
  const pdf = await makePdf(benchReportPages());
  log(`measure: import: a ${IMPORT_PAGES}-page PDF (${Math.round(pdf.length / 1024)} KB, ${IMPORT_ITEMS} recommendations), ${IMPORT_RUNS} uploads`);
  server.rss.resetWindow();
  const runs: number[] = [];
  const drafts: string[] = [];
  try {
    for (let run = 0; run < IMPORT_RUNS; run += 1) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), 'bench-report.pdf');
      const [response, ms] = await timed(() =>
        fetch(new URL('/api/v1/imports', server.baseUrl), {
          method: 'POST',
          headers: { authorization: fixtures.auth.bearer, accept: 'application/json' },
          body: form,
          signal: AbortSignal.timeout(120_000),
        }),
      );
      // 201 with the draft: { id, seminar, recommendations } (issue 24).
      const body = (await response.json()) as { id?: string; recommendations?: unknown[]; error?: { message: string } };
      if (response.status !== 201 || !body.id || !body.recommendations) {
        return { available: false, reason: `the upload answered ${response.status}: ${body.error?.message ?? 'no draft in the answer'}` };
      }
      drafts.push(body.id);
      if (body.recommendations.length !== IMPORT_ITEMS) {
        return { available: false, reason: `the parser proposed ${body.recommendations.length} of ${IMPORT_ITEMS} recommendations` };
      }
      runs.push(Math.round(ms));
      log(`measure: import ${run + 1}: ${Math.round(ms)} ms`);
    }
    const rssPeakMB = Math.round(server.rss.resetWindow());

    const views: number[] = [];
    let bytes = 0;
    for (let view = 0; view < REVIEW_VIEWS; view += 1) {
      const [response, ms] = await timed(async () => {
        const answer = await fetch(new URL(`/imports/${drafts[0]}`, server.baseUrl), { headers: { cookie: fixtures.auth.cookie, accept: 'text/html' } });
        bytes = (await answer.arrayBuffer()).byteLength;
        return answer;
      });
      if (response.status !== 200) return { available: false, reason: `the review page answered ${response.status}` };
      views.push(ms);
    }
    views.sort((a, b) => a - b);
    return {
      available: true,
      pages: IMPORT_PAGES,
      items: IMPORT_ITEMS,
      bytes: pdf.length,
      runs,
      maxMs: Math.max(...runs),
      rssPeakMB,
      review: { p50: Math.round(views[Math.floor(views.length / 2)]!), max: Math.round(views.at(-1)!), kilobytes: Math.round(bytes / 1024) },
    };
  } finally {
    for (const id of drafts) {
      await fetch(new URL(`/api/v1/imports/${id}`, server.baseUrl), { method: 'DELETE', headers: { authorization: fixtures.auth.bearer } }).catch(
        () => undefined,
      );
    }
  }
}

/** The import line of bench/README.md's results. */
export function importSummary(entry: ImportEntry | undefined): string {
  if (!entry) return 'Import: not measured in this run.';
  if (!entry.available) return `Import: not available: ${entry.reason}.`;
  return (
    `Import: a ${entry.pages}-page PDF (${Math.round(entry.bytes / 1024)} KB) with ${entry.items} recommendations, upload to draft ` +
    `${entry.runs.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(', ')} (server peak RSS ${entry.rssPeakMB} MB while parsing); ` +
    `the review page with ${entry.items} proposed items served in ${entry.review.p50} ms (p50 of 10, max ${entry.review.max} ms, ${entry.review.kilobytes} KB).`
  );
}
