// The front end, measured with Lighthouse (the npm package) driving the system Chromium against the
// benchmark's own `next start`: per page and preset, the performance, accessibility and
// best-practices scores, the key metrics, and the audits that cost points, so a reader sees why a
// score is below target. Signed-in pages get the benchmark's session cookie as an extra header.
import { existsSync } from 'node:fs';
import type { Flags, Result } from 'lighthouse';
import { log } from './progress';

export const LIGHTHOUSE_PRESETS = ['desktop', 'mobile'] as const;
export type LighthousePreset = (typeof LIGHTHOUSE_PRESETS)[number];
/** The preset the targets are judged on: the tracker is a staff tool used at desks (bench/README.md, "Front end"). */
export const JUDGED_PRESET: LighthousePreset = 'desktop';

export const FRONTEND_PAGES = ['login', 'list', 'item', 'dashboard'] as const;
export type FrontendPage = (typeof FRONTEND_PAGES)[number];

export const DEFAULT_CHROME_PATH = '/usr/bin/chromium';
/**
 * Headless, as root, and quiet: this machine reaches no network but the package registries, and
 * Chromium's own background connections would otherwise be refused (and retried) during a run.
 */
export const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const CATEGORIES = { performance: 'performance', accessibility: 'accessibility', bestPractices: 'best-practices' } as const;
type CategoryKey = keyof typeof CATEGORIES;

export type LighthouseScores = Record<CategoryKey, number | null>;
export type LighthouseMetrics = {
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
  serverResponseMs: number | null;
};
/** An audit that costs its category points: a weighted one below a pass, or a performance diagnostic flagged by Lighthouse. */
export type FailedAudit = {
  id: string;
  category: (typeof CATEGORIES)[CategoryKey];
  weight: number;
  score: number | null;
  title: string;
  value?: string;
  examples?: string[];
};
export type PageRun = {
  url: string;
  scores: LighthouseScores;
  metrics: LighthouseMetrics;
  failedAudits: FailedAudit[];
  warnings?: string[];
  error?: string;
  seconds: number;
  /** With several runs: every run's performance score; the fields above are the median run's. */
  performanceRuns?: (number | null)[];
};
export type PageReport = { path: string; signedIn: boolean } & Partial<Record<LighthousePreset, PageRun>>;
export type LighthouseReport =
  | {
      available: true;
      lighthouseVersion: string;
      browser: string;
      presets: LighthousePreset[];
      judgedOn: LighthousePreset;
      pages: Partial<Record<FrontendPage, PageReport>>;
    }
  | { available: false; reason: string };

export type LighthousePage = { name: FrontendPage; path: string; cookie?: string };

export function chromePath(): string {
  return process.env.CHROME_PATH || DEFAULT_CHROME_PATH;
}

const round = (value: number | undefined | null, digits = 0) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.round(value * 10 ** digits) / 10 ** digits : null;
const clip = (text: string, length = 160) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** A few of an audit's items (the offending element, console message or URL), enough to start looking. */
function examples(audit: Result['audits'][string]): string[] | undefined {
  const details = audit.details as { items?: Record<string, unknown>[] } | undefined;
  if (!details?.items?.length) return undefined;
  const out: string[] = [];
  for (const item of details.items.slice(0, 3)) {
    const node = item.node as { selector?: string; snippet?: string } | undefined;
    const source = item.source as { url?: string } | undefined;
    const text = node?.selector ?? node?.snippet ?? item.description ?? item.reason ?? item.url ?? source?.url ?? item.label;
    if (typeof text === 'string' && text) out.push(clip(text));
  }
  return out.length ? out : undefined;
}

export function summariseRun(lhr: Result, seconds: number): PageRun {
  const scores = Object.fromEntries(
    (Object.entries(CATEGORIES) as [CategoryKey, string][]).map(([key, id]) => {
      const score = lhr.categories[id]?.score;
      return [key, typeof score === 'number' ? Math.round(score * 100) : null];
    }),
  ) as LighthouseScores;
  const value = (id: string, digits = 0) => round(lhr.audits[id]?.numericValue, digits);
  const failedAudits: FailedAudit[] = [];
  for (const category of Object.values(CATEGORIES)) {
    for (const ref of lhr.categories[category]?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || ['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)) continue;
      const failed = audit.scoreDisplayMode === 'error' || (audit.score !== null && audit.score < (audit.scoreDisplayMode === 'binary' ? 1 : 0.9));
      // Accessibility and best practices count only weighted audits; performance's diagnostics
      // (weight 0) are listed too, since they say where the metrics' time goes.
      if (!failed || (ref.weight === 0 && category !== 'performance')) continue;
      failedAudits.push({
        id: ref.id,
        category,
        weight: ref.weight,
        score: audit.score,
        title: audit.title,
        ...(audit.displayValue ? { value: audit.displayValue } : audit.errorMessage ? { value: clip(audit.errorMessage) } : {}),
        // JSON leaves out an undefined value, so audits without items carry no "examples" key.
        examples: category !== 'performance' || ref.weight === 0 ? examples(audit) : undefined,
      });
    }
  }
  // Weighted first, then by how much they miss.
  failedAudits.sort((a, b) => b.weight - a.weight || (a.score ?? 0) - (b.score ?? 0));
  return {
    url: lhr.finalDisplayedUrl,
    scores,
    metrics: {
      fcpMs: value('first-contentful-paint'),
      lcpMs: value('largest-contentful-paint'),
      tbtMs: value('total-blocking-time'),
      cls: value('cumulative-layout-shift', 3),
      speedIndexMs: value('speed-index'),
      serverResponseMs: value('server-response-time'),
    },
    failedAudits,
    ...(lhr.runWarnings.length ? { warnings: lhr.runWarnings.map((warning) => clip(warning, 300)) } : {}),
    ...(lhr.runtimeError ? { error: `${lhr.runtimeError.code}: ${clip(lhr.runtimeError.message, 300)}` } : {}),
    seconds: Math.round(seconds * 10) / 10,
  };
}

function failedRun(url: string, message: string, seconds: number): PageRun {
  return {
    url,
    scores: { performance: null, accessibility: null, bestPractices: null },
    metrics: { fcpMs: null, lcpMs: null, tbtMs: null, cls: null, speedIndexMs: null, serverResponseMs: null },
    failedAudits: [],
    error: clip(message, 300),
    seconds: Math.round(seconds * 10) / 10,
  };
}

/** A run that measured nothing (no performance score, an error). */
export function runFailed(run: PageRun): boolean {
  return Boolean(run.error) && run.scores.performance === null;
}

/** Attempts per page and preset when runs measure nothing (see retryFailedRun). */
export const LIGHTHOUSE_ATTEMPTS = 3;

/**
 * `runOnce`, run again while it measures nothing, up to LIGHTHOUSE_ATTEMPTS in all. Lighthouse's own
 * advice for its trace errors (NO_NAVSTART, NO_FCP and the like: "Please run Lighthouse again") on a
 * busy machine, where two in a row have been seen (in `npm test`, beside the other test workers); a
 * page that fails every time is reported as failed.
 */
export async function retryFailedRun(runOnce: () => Promise<PageRun>, onRetry: (failed: PageRun) => void = () => {}): Promise<PageRun> {
  let run = await runOnce();
  for (let attempt = 1; attempt < LIGHTHOUSE_ATTEMPTS && runFailed(run); attempt += 1) {
    onRetry(run);
    run = await runOnce();
  }
  return run;
}

/**
 * The run with the median performance score (the lower middle one for an even count; failed runs
 * sort first), with every run's score beside it: the performance score moves with the machine's
 * load (total blocking time is measured CPU time), the other two barely do.
 */
export function medianRun(runs: PageRun[]): PageRun {
  if (runs.length === 1) return runs[0]!;
  const sorted = [...runs].sort((a, b) => (a.scores.performance ?? -1) - (b.scores.performance ?? -1));
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, performanceRuns: runs.map((run) => run.scores.performance) };
}

/**
 * Runs Lighthouse on each page with each preset, one at a time, in one Chromium. Storage is reset
 * before each page (Lighthouse's default), so each run is a first visit with an empty cache. With
 * `runs` > 1 each page is run that many times and the median run is kept.
 */
export async function runLighthouse(options: {
  baseUrl: string;
  pages: LighthousePage[];
  presets: LighthousePreset[];
  runs: number;
}): Promise<LighthouseReport> {
  const executable = chromePath();
  if (!existsSync(executable)) {
    return { available: false, reason: `no Chromium at ${executable} (install Debian's chromium, or set CHROME_PATH)` };
  }
  const [{ default: lighthouse, desktopConfig }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
  let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>>;
  try {
    chrome = await chromeLauncher.launch({ chromePath: executable, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  } catch (error) {
    return { available: false, reason: `Chromium (${executable}) did not start: ${clip((error as Error).message, 300)}` };
  }
  const pages: Partial<Record<FrontendPage, PageReport>> = {};
  let lighthouseVersion = 'unknown';
  let browser = 'unknown';
  try {
    for (const preset of options.presets) {
      for (const page of options.pages) {
        log(`lighthouse: ${page.name} (${page.path}), ${preset}`);
        const flags: Flags = {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: Object.values(CATEGORIES),
          disableFullPageScreenshot: true,
          ...(page.cookie ? { extraHeaders: { Cookie: page.cookie } } : {}),
        };
        const report: PageReport = (pages[page.name] ??= { path: page.path, signedIn: Boolean(page.cookie) });
        const runs: PageRun[] = [];
        const runOnce = async (): Promise<PageRun> => {
          const started = Date.now();
          try {
            const result = await lighthouse(new URL(page.path, options.baseUrl).href, flags, preset === 'desktop' ? desktopConfig : undefined);
            if (!result) throw new Error('Lighthouse returned no result');
            lighthouseVersion = result.lhr.lighthouseVersion;
            browser = result.lhr.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? browser;
            return summariseRun(result.lhr, (Date.now() - started) / 1000);
          } catch (error) {
            return failedRun(page.path, (error as Error).message, (Date.now() - started) / 1000);
          }
        };
        for (let attempt = 0; attempt < options.runs; attempt++) {
          runs.push(await retryFailedRun(runOnce, (run) => log(`lighthouse: ${page.name}, ${preset}: failed (${run.error}); running it again`)));
          const run = runs.at(-1)!;
          const { performance, accessibility, bestPractices } = run.scores;
          log(
            `lighthouse: ${page.name}, ${preset}${options.runs > 1 ? ` run ${attempt + 1}/${options.runs}` : ''}: ${run.error && performance === null ? `failed: ${run.error}` : `performance ${performance}, accessibility ${accessibility}, best practices ${bestPractices}`} (${run.seconds} s)`,
          );
        }
        report[preset] = medianRun(runs);
      }
    }
  } finally {
    chrome.kill();
  }
  const judgedOn = options.presets.includes(JUDGED_PRESET) ? JUDGED_PRESET : options.presets[0]!;
  return { available: true, lighthouseVersion, browser, presets: options.presets, judgedOn, pages };
}
