import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordBuild } from '../lib/build-fingerprint';
import { chooseBuild, onlyDistDirAdded } from './build';
import { scriptsOfPage } from './first-load-js';
import { checkFrontendTargets, type FrontendResult } from './frontend';
import { allocate } from './generate';
import { Histogram } from './histogram';
import { LIGHTHOUSE_ATTEMPTS, medianRun, retryFailedRun, type PageRun } from './lighthouse';
import { Random } from './random';
import { parseArgs } from './run';
import { benchReportPages, IMPORT_ITEMS, IMPORT_PAGES } from './import';
import { parseRecommendations, parseReportMetadata } from '@/lib/import/parse-report';

describe('benchmark parts', () => {
  it('import: the benchmark report has 100 pages and the parser finds its 80 recommendations, title and date', () => {
    const pages = benchReportPages();
    expect(pages).toHaveLength(IMPORT_PAGES);
    const text = pages.map((lines) => lines.join('\n')).join('\f');
    const items = parseRecommendations(text);
    expect(items).toHaveLength(IMPORT_ITEMS);
    expect(items[79]!.text).toContain('number 80');
    expect(parseReportMetadata(text)).toMatchObject({ title: 'Regional Cooperation on Water, Energy and Trade' });
  });

  it('random: the same seed gives the same sequence, another seed another one', () => {
    const draw = (seed: string) => {
      const random = new Random(seed);
      return [random.cuid(), random.int(1, 1000), random.next()];
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    expect(new Random('a').cuid()).toMatch(/^c[0-9a-z]{24}$/);
  });

  it('allocate: shares the exact total by weight, each share within its cap', () => {
    const shares = allocate(1_000, [1, 2, 3, 4], [1_000, 1_000, 1_000, 100]);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBe(1_000);
    expect(shares[3]).toBe(100);
    expect(shares[0]! < shares[1]! && shares[1]! < shares[2]!).toBe(true);
    expect(() => allocate(10, [1, 1], [3, 3])).toThrow(/caps allow only 6/);
  });

  it('histogram: percentiles within 1% of the exact ones, and it survives a round trip', () => {
    const histogram = new Histogram();
    for (let ms = 1; ms <= 1_000; ms += 1) histogram.record(ms);
    const copy = Histogram.from(JSON.parse(JSON.stringify(histogram.toJSON())));
    for (const [p, exact] of [
      [50, 500],
      [95, 950],
      [99, 990],
    ] as const) {
      expect(Math.abs(copy.percentile(p) - exact) / exact).toBeLessThanOrEqual(0.01);
    }
    expect(copy.count).toBe(1_000);
    expect(copy.max).toBe(1_000);
  });

  it('build: tsconfig.json is put back only when next build did nothing but add the bench dist dir', () => {
    const before = JSON.stringify({ compilerOptions: { strict: true }, include: ['**/*.ts', '.next/types/**/*.ts'] });
    const byBuild = JSON.stringify({ compilerOptions: { strict: true }, include: ['**/*.ts', '.next/types/**/*.ts', '.next-bench/types/**/*.ts'] }, null, 2);
    const bySomeone = JSON.stringify({ compilerOptions: { strict: false }, include: ['**/*.ts', '.next/types/**/*.ts', '.next-bench/types/**/*.ts'] });
    expect(onlyDistDirAdded('tsconfig.json', before, byBuild, '.next-bench')).toBe(true);
    expect(onlyDistDirAdded('tsconfig.json', before, bySomeone, '.next-bench')).toBe(false);
    expect(onlyDistDirAdded('next-env.d.ts', 'import "./.next/types/routes.d.ts";', 'import "./.next-bench/types/routes.d.ts";', '.next-bench')).toBe(true);
  });

  it("first-load JS: the page's /_next/static scripts and the chunks its RSC payload names, once each, without noModule polyfills", () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async="" nonce="n"></script>',
      '<script src="/_next/static/chunks/a.js?dpl=1" async=""></script>',
      '<script src="/_next/static/chunks/polyfill.js" noModule=""></script>',
      '<script src="https://elsewhere.example/x.js"></script>',
      '<script nonce="n">self.__next_f.push([1,"5:I[1,[\\"/_next/static/chunks/b.js\\"],\\"Chart\\"]"])</script>',
      '<script nonce="n">self.__next_f.push([1,"\\"/_next/static/chunks/a.js\\""])</script>',
    ].join('');
    const { scripts, inline } = scriptsOfPage(html);
    expect(scripts).toEqual(['/_next/static/chunks/a.js', '/_next/static/chunks/b.js']);
    expect(inline).toHaveLength(2);
  });

  it('lighthouse: several runs keep the one with the median performance score and list every score', () => {
    const run = (performance: number | null): PageRun => ({
      url: '/login',
      scores: { performance, accessibility: 100, bestPractices: 100 },
      metrics: { fcpMs: performance, lcpMs: null, tbtMs: null, cls: null, speedIndexMs: null, serverResponseMs: null },
      failedAudits: [],
      seconds: 1,
    });
    expect(medianRun([run(90)])).toEqual(run(90));
    expect(medianRun([run(97), run(80), run(91)])).toMatchObject({ scores: { performance: 91 }, metrics: { fcpMs: 91 }, performanceRuns: [97, 80, 91] });
    expect(medianRun([run(null), run(99), run(70)]).scores.performance).toBe(70);
  });

  it('lighthouse: a run that measured nothing (a trace error) is run again, three times in all; a third failure is reported', async () => {
    const ok: PageRun = {
      url: '/login',
      scores: { performance: 98, accessibility: 100, bestPractices: 100 },
      metrics: { fcpMs: 1, lcpMs: 1, tbtMs: 1, cls: 0, speedIndexMs: 1, serverResponseMs: 1 },
      failedAudits: [],
      seconds: 1,
    };
    const failed: PageRun = { ...ok, scores: { performance: null, accessibility: null, bestPractices: null }, error: 'NO_NAVSTART: run Lighthouse again' };
    const sequence = (...runs: PageRun[]) => {
      let calls = 0;
      return { run: async () => runs[calls++]!, calls: () => calls };
    };
    const once = sequence(ok, failed);
    expect(await retryFailedRun(once.run)).toBe(ok);
    expect(once.calls()).toBe(1);
    const flaky = sequence(failed, ok);
    expect(await retryFailedRun(flaky.run)).toBe(ok);
    expect(flaky.calls()).toBe(2);
    const twice = sequence(failed, failed, ok);
    expect(await retryFailedRun(twice.run)).toBe(ok);
    expect(twice.calls()).toBe(3);
    const broken = sequence(failed, failed, failed, ok);
    expect(await retryFailedRun(broken.run)).toBe(failed);
    expect(broken.calls()).toBe(LIGHTHOUSE_ATTEMPTS);
  });

  it("front-end targets: each page's three scores on the judged preset and the dashboard's first-load JS", () => {
    const scores = (performance: number, accessibility: number, bestPractices: number) => ({
      desktop: {
        url: '',
        scores: { performance, accessibility, bestPractices },
        metrics: { fcpMs: 1, lcpMs: 1, tbtMs: 1, cls: 0, speedIndexMs: 1, serverResponseMs: 1 },
        failedAudits: [],
        seconds: 1,
      },
    });
    const frontend: FrontendResult = {
      lighthouse: {
        available: true,
        lighthouseVersion: '12',
        browser: 'Chrome',
        presets: ['desktop'],
        judgedOn: 'desktop',
        pages: {
          login: { path: '/login', signedIn: false, ...scores(95, 100, 95) },
          list: { path: '/recommendations', signedIn: true, ...scores(94, 100, 100) },
          item: { path: '/recommendations/x', signedIn: true, ...scores(100, 99, 100) },
        },
      },
      firstLoadJs: {
        dashboard: { available: true, path: '/dashboard', route: '/dashboard', scripts: 11, gzipKB: 265, rawKB: 900, inlineGzipKB: 17, htmlGzipKB: 28 },
      },
    };
    const met = Object.fromEntries(checkFrontendTargets(frontend).map((check) => [check.target, check.met]));
    expect(met).toMatchObject({
      'login performance (Lighthouse desktop)': true,
      'login accessibility (Lighthouse desktop)': true,
      'login best practices (Lighthouse desktop)': true,
      'list performance (Lighthouse desktop)': false,
      'item accessibility (Lighthouse desktop)': false,
      'dashboard performance (Lighthouse desktop)': null,
      'dashboard first-load JS': false,
    });
    const skipped = checkFrontendTargets({ lighthouse: { available: false, reason: 'skipped (--no-lighthouse)' }, firstLoadJs: {} });
    expect(skipped.map((check) => check.met)).toEqual([null, null]);
  });

  it('run: --no-lighthouse skips Lighthouse; the Lighthouse flags are checked', () => {
    expect(parseArgs(['--no-lighthouse']).lighthouse).toEqual({ skip: 'skipped (--no-lighthouse)' });
    expect(parseArgs([]).lighthouse).toEqual({ pages: ['login', 'list', 'item', 'dashboard'], presets: ['desktop', 'mobile'], runs: 3 });
    expect(parseArgs(['--lighthouse-pages', 'login', '--lighthouse-preset', 'desktop', '--lighthouse-runs', '1']).lighthouse).toEqual({
      pages: ['login'],
      presets: ['desktop'],
      runs: 1,
    });
    expect(() => parseArgs(['--lighthouse-pages', 'home'])).toThrow(/--lighthouse-pages/);
    expect(() => parseArgs(['--lighthouse-preset', 'tablet'])).toThrow(/--lighthouse-preset/);
  });

  it("build: serves a current build, the app's current .next/ before building another, and rebuilds a stale one", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'bench-build-'));
    try {
      const fakeBuild = (dir: string) => {
        mkdirSync(path.join(root, dir), { recursive: true });
        writeFileSync(path.join(root, dir, 'BUILD_ID'), 'x');
        recordBuild(root, dir);
      };
      mkdirSync(path.join(root, 'lib'));
      writeFileSync(path.join(root, 'lib', 'a.ts'), 'export const a = 1;');
      expect(chooseBuild(root, 'if-stale')).toMatchObject({ action: 'build', distDir: '.next-bench' });

      fakeBuild('.next');
      expect(chooseBuild(root, 'if-stale')).toMatchObject({ action: 'serve', distDir: '.next' });
      fakeBuild('.next-bench');
      expect(chooseBuild(root, 'if-stale')).toMatchObject({ action: 'serve', distDir: '.next-bench' });

      // The source changes: both builds are stale.
      utimesSync(path.join(root, 'lib', 'a.ts'), new Date('2030-01-01'), new Date('2030-01-01'));
      expect(chooseBuild(root, 'if-stale')).toMatchObject({ action: 'build', distDir: '.next-bench' });
      expect(chooseBuild(root, 'reuse')).toMatchObject({ action: 'serve', distDir: '.next-bench' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
