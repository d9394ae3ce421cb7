// The front end of issue 9: Lighthouse scores on four pages and first-load JavaScript per route,
// measured on the benchmark's own server, checked against the targets and shown as tables.
import { measureFirstLoadJs, type FirstLoadEntry, type FirstLoadPage } from './first-load-js';
import { FRONTEND_PAGES, LIGHTHOUSE_PRESETS, runLighthouse, type FrontendPage, type LighthousePreset, type LighthouseReport, type PageRun } from './lighthouse';
import { log } from './progress';
import type { TargetCheck } from './report';
import { LIST_QUERY, type Fixtures } from './targets';

export type FrontendResult = {
  lighthouse: LighthouseReport;
  /** Per page (login, dashboard, list, item, then the other pages that need no id). */
  firstLoadJs: Record<string, FirstLoadEntry>;
};

export type LighthouseOptions = { pages: FrontendPage[]; presets: LighthousePreset[]; runs: number } | { skip: string };

/** Lighthouse targets, on the preset the report is judged on (bench/README.md). */
const SCORE_TARGETS = [
  { key: 'performance', label: 'performance', limit: '>= 95', ok: (score: number) => score >= 95 },
  { key: 'accessibility', label: 'accessibility', limit: '100', ok: (score: number) => score === 100 },
  { key: 'bestPractices', label: 'best practices', limit: '>= 95', ok: (score: number) => score >= 95 },
] as const;
const DASHBOARD_FIRST_LOAD_KB = 250;

/** The pages measured: the four of the targets first, then every other page that needs no id. */
export function frontendPages(fixtures: Fixtures): FirstLoadPage[] {
  const cookie = fixtures.auth.cookie;
  const item = `/recommendations/${encodeURIComponent(fixtures.itemCode)}`;
  return [
    { name: 'login', path: '/login', route: '/login' },
    { name: 'list', path: `/recommendations?${LIST_QUERY}`, route: '/recommendations', cookie },
    { name: 'item', path: item, route: '/recommendations/[code]', cookie },
    { name: 'dashboard', path: '/dashboard', route: '/dashboard', cookie },
    { name: 'itemSource', path: `${item}/source`, route: '/recommendations/[code]/source', cookie },
    { name: 'seminars', path: '/seminars', route: '/seminars', cookie },
    { name: 'reports', path: '/reports', route: '/reports', cookie },
    { name: 'account', path: '/account', route: '/account', cookie },
    { name: 'adminUsers', path: '/admin/users', route: '/admin/users', cookie },
    { name: 'adminSeminars', path: '/admin/seminars', route: '/admin/seminars', cookie },
    { name: 'adminThemes', path: '/admin/themes', route: '/admin/themes', cookie },
    { name: 'adminSectors', path: '/admin/sectors', route: '/admin/sectors', cookie },
    { name: 'adminAudit', path: '/admin/audit', route: '/admin/audit', cookie },
  ];
}

/** Runs per page and preset; the median is kept (Lighthouse's performance score moves with the machine's load). */
export const DEFAULT_LIGHTHOUSE_RUNS = 3;

export function parseLighthouseOptions(skip: boolean, pages: string | undefined, preset: string | undefined, runs: string | undefined): LighthouseOptions {
  if (skip) return { skip: 'skipped (--no-lighthouse)' };
  const names = (pages ?? FRONTEND_PAGES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names)
    if (!(FRONTEND_PAGES as readonly string[]).includes(name)) throw new Error(`--lighthouse-pages takes ${FRONTEND_PAGES.join(', ')} (comma-separated).`);
  const presets = preset === undefined || preset === 'both' ? [...LIGHTHOUSE_PRESETS] : [preset];
  for (const name of presets) if (!(LIGHTHOUSE_PRESETS as readonly string[]).includes(name)) throw new Error('--lighthouse-preset is desktop, mobile or both.');
  const count = Number(runs ?? DEFAULT_LIGHTHOUSE_RUNS);
  if (!(Number.isInteger(count) && count >= 1 && count <= 9)) throw new Error('--lighthouse-runs is a whole number from 1 to 9.');
  return { pages: names as FrontendPage[], presets: presets as LighthousePreset[], runs: count };
}

/**
 * First-load JavaScript of every page (which also warms each route, so Lighthouse does not time a
 * route's first compile-and-load), then Lighthouse on the chosen pages.
 */
export async function measureFrontend(options: {
  root: string;
  distDir: string;
  baseUrl: string;
  fixtures: Fixtures;
  routes: Set<string>;
  lighthouse: LighthouseOptions;
}): Promise<FrontendResult> {
  const pages = frontendPages(options.fixtures).filter((page) => options.routes.has(page.route));
  log(`frontend: first-load JavaScript of ${pages.length} pages`);
  const firstLoadJs = await measureFirstLoadJs({ root: options.root, distDir: options.distDir, baseUrl: options.baseUrl, pages });
  for (const [name, entry] of Object.entries(firstLoadJs)) {
    log(`frontend: ${name}: ${entry.available ? `${entry.gzipKB} kB gzipped in ${entry.scripts} scripts` : `not available: ${entry.reason}`}`);
  }
  let lighthouse: LighthouseReport;
  if ('skip' in options.lighthouse) lighthouse = { available: false, reason: options.lighthouse.skip };
  else {
    const wanted = options.lighthouse.pages;
    const targets = wanted.map((name) => pages.find((page) => page.name === name)).filter((page) => page !== undefined);
    lighthouse = await runLighthouse({
      baseUrl: options.baseUrl,
      pages: targets.map((page) => ({ name: page.name as FrontendPage, path: page.path, cookie: page.cookie })),
      presets: options.lighthouse.presets,
      runs: options.lighthouse.runs,
    });
    if (!lighthouse.available) log(`lighthouse: not run: ${lighthouse.reason}`);
  }
  return { lighthouse, firstLoadJs };
}

export function checkFrontendTargets(frontend: FrontendResult | undefined): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const lighthouse = frontend?.lighthouse;
  if (!lighthouse?.available) {
    checks.push({
      target: 'front end: Lighthouse scores',
      limit: 'performance >= 95, accessibility 100, best practices >= 95',
      value: lighthouse ? `not measured: ${lighthouse.reason}` : 'not measured',
      met: null,
    });
  } else {
    for (const page of FRONTEND_PAGES) {
      const run = lighthouse.pages[page]?.[lighthouse.judgedOn];
      for (const target of SCORE_TARGETS) {
        const name = `${page} ${target.label} (Lighthouse ${lighthouse.judgedOn})`;
        const score = run?.scores[target.key];
        if (!run) checks.push({ target: name, limit: target.limit, value: 'not measured', met: null });
        else if (score === null || score === undefined) checks.push({ target: name, limit: target.limit, value: run.error ?? 'no score', met: false });
        else checks.push({ target: name, limit: target.limit, value: String(score), met: target.ok(score) });
      }
    }
  }
  const dashboard = frontend?.firstLoadJs.dashboard;
  const limit = `<= ${DASHBOARD_FIRST_LOAD_KB} kB gzipped`;
  if (!dashboard) checks.push({ target: 'dashboard first-load JS', limit, value: 'not measured', met: null });
  else if (!dashboard.available) checks.push({ target: 'dashboard first-load JS', limit, value: dashboard.reason, met: false });
  else checks.push({ target: 'dashboard first-load JS', limit, value: `${dashboard.gzipKB.toFixed(1)} kB`, met: dashboard.gzipKB <= DASHBOARD_FIRST_LOAD_KB });
  return checks;
}

const cell = (text: string) => text.replace(/\|/g, '\\|');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const show = (value: number | null | undefined, digits = 0) => (value === null || value === undefined ? '—' : value.toFixed(digits));

/** The median run's score, with the range over all runs when there were several. */
function performanceCell(run: PageRun): string {
  const scores = (run.performanceRuns ?? []).filter((score) => score !== null);
  if (scores.length < 2) return show(run.scores.performance);
  return `${show(run.scores.performance)} (${Math.min(...scores)}–${Math.max(...scores)})`;
}

/** The front end's tables (Lighthouse, then first-load JavaScript), or a line saying why there are none. */
export function frontendTables(frontend: FrontendResult | undefined): string {
  if (!frontend) return '_Front end: not measured in this run._';
  const parts: string[] = [];
  const lighthouse = frontend.lighthouse;
  if (!lighthouse.available) parts.push(`_Lighthouse: ${lighthouse.reason}._`);
  else {
    const lines = [
      `Lighthouse ${lighthouse.lighthouseVersion}, ${lighthouse.browser}; targets judged on the ${lighthouse.judgedOn} preset.`,
      '',
      row(['Page', 'Preset', 'Performance', 'Accessibility', 'Best practices', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'Audits costing points']),
      row(new Array<string>(10).fill('---')),
    ];
    for (const preset of lighthouse.presets) {
      for (const page of FRONTEND_PAGES) {
        const run = lighthouse.pages[page]?.[preset];
        if (!run) continue;
        const weighted = run.failedAudits.filter((audit) => audit.weight > 0);
        const audits = weighted.slice(0, 5).map((audit) => (audit.value ? `${audit.id} (${audit.value})` : audit.id));
        if (weighted.length > 5) audits.push(`${weighted.length - 5} more`);
        lines.push(
          row([
            page,
            preset,
            performanceCell(run),
            show(run.scores.accessibility),
            show(run.scores.bestPractices),
            show(run.metrics.fcpMs),
            show(run.metrics.lcpMs),
            show(run.metrics.tbtMs),
            show(run.metrics.cls, 3),
            run.error ? `error: ${run.error}` : audits.join(', ') || 'none',
          ]),
        );
      }
    }
    parts.push(lines.join('\n'));
  }
  const lines = [
    'First-load JavaScript (the /_next/static scripts the page loads, gzipped; inline scripts are mostly the RSC payload):',
    '',
    row(['Page', 'Path', 'Scripts', 'First-load JS kB gzip', 'raw kB', 'Inline scripts kB gzip', 'HTML kB gzip']),
    row(new Array<string>(7).fill('---')),
  ];
  for (const [name, entry] of Object.entries(frontend.firstLoadJs)) {
    const path = entry.path.length > 48 ? `${entry.path.slice(0, 47)}…` : entry.path;
    if (!entry.available) lines.push(row([name, path, `not available: ${entry.reason}`, '', '', '', '']));
    else
      lines.push(
        row([name, path, String(entry.scripts), entry.gzipKB.toFixed(1), entry.rawKB.toFixed(1), entry.inlineGzipKB.toFixed(1), entry.htmlGzipKB.toFixed(1)]),
      );
  }
  parts.push(lines.join('\n'));
  return parts.join('\n\n');
}
