// A smoke run of the whole benchmark at size S on SQLite: it must run and report every metric (not
// meet any timing). It serves a current production build (in `npm test`, the app's .next/ that
// `npm run build` has just made); else it reuses .next-bench/ even if the source has changed since,
// so the test stays quick, and builds one first (about a minute on 2 cores) when there is none. It
// records nothing in bench/results. Lighthouse runs on the login page only, once, with the desktop
// preset (about 15 s): its scores must be reported, whatever they are.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromePath } from './lighthouse';
import { TARGET_NAMES } from './targets';

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bench/run.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const timing = { rps: expect.any(Number), p50: expect.any(Number), p95: expect.any(Number), p99: expect.any(Number), errors: expect.any(Number) };

type Reported = { available: boolean; reason?: string; note?: string; errors?: number; p50?: number | null; p95?: number | null; p99?: number | null };

/** Measured (timings, or no timings with the errors that explain why) or not available with a reason. */
function expectReported(name: string, entry: Reported) {
  if (!entry.available) return expect(entry.reason, name).toEqual(expect.any(String));
  expect(entry, name).toMatchObject({ rps: expect.any(Number), errors: expect.any(Number), requests: expect.any(Number) });
  if (entry.p50 === null) expect({ name, errors: entry.errors, note: typeof entry.note }).toEqual({ name, errors: expect.any(Number), note: 'string' });
  else expect(entry, name).toMatchObject(timing);
}

describe('benchmark smoke run', () => {
  it('bench: a run at size S reports every metric, as one JSON object on the last line', { timeout: 600_000 }, async () => {
    const run = await runBench([
      '--size',
      'S',
      '--db',
      'sqlite',
      '--duration',
      '1',
      '--connections',
      '2',
      '--json',
      '--reuse-build',
      '--no-record',
      '--lighthouse-pages',
      'login',
      '--lighthouse-preset',
      'desktop',
      '--lighthouse-runs',
      '1',
    ]);
    expect(run.code, run.stderr.slice(-4_000)).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);

    expect(Object.keys(result).sort()).toEqual(['db', 'floors', 'frontend', 'importReport', 'machine', 'results', 'rssPeakMB', 'size']);
    expect(result).toMatchObject({ size: 'S', db: 'sqlite', machine: { cores: expect.any(Number) }, rssPeakMB: expect.any(Number) });
    expect(result.rssPeakMB).toBeGreaterThan(0);
    // Every target is either measured or marked not available with a reason, never left out.
    expect(Object.keys(result.results).sort()).toEqual([...TARGET_NAMES].sort());
    for (const name of TARGET_NAMES) expectReported(name, result.results[name]);
    // What exists today must be measured.
    for (const name of ['list', 'item', 'progressApi', 'statusChange']) expect(result.results[name].available, name).toBe(true);
    expect(result.floors.trivialRoute).toMatchObject({ ...timing, available: true, errors: 0 });
    // The import: three uploads of the 100-page report, each proposing all 80 items, and the review page.
    expect(result.importReport).toMatchObject({ available: true, pages: 100, items: 80, rssPeakMB: expect.any(Number), review: { p50: expect.any(Number) } });
    expect(result.importReport.runs).toHaveLength(3);
    expect(result.floors.trivialRoute.requests).toBeGreaterThan(0);
    expect(result.floors.sql).toMatchObject({ ...timing, available: true, statements: expect.any(Number) });

    // First-load JavaScript of every page the targets name, from the page's own HTML.
    for (const name of ['login', 'list', 'item', 'dashboard']) {
      expect(result.frontend.firstLoadJs[name], name).toMatchObject({ available: true, scripts: expect.any(Number), gzipKB: expect.any(Number) });
      expect(result.frontend.firstLoadJs[name].gzipKB, name).toBeGreaterThan(0);
    }
    // Lighthouse needs a Chromium (CI installs Debian's); without one it says so instead of scoring.
    if (!existsSync(chromePath())) {
      expect(result.frontend.lighthouse).toEqual({ available: false, reason: expect.stringContaining('no Chromium') });
      return;
    }
    expect(result.frontend.lighthouse).toMatchObject({ available: true, lighthouseVersion: expect.any(String), judgedOn: 'desktop', presets: ['desktop'] });
    expect(Object.keys(result.frontend.lighthouse.pages)).toEqual(['login']);
    const login = result.frontend.lighthouse.pages.login.desktop;
    expect(login.error, login.error).toBeUndefined();
    expect(login).toMatchObject({
      scores: { performance: expect.any(Number), accessibility: expect.any(Number), bestPractices: expect.any(Number) },
      metrics: { fcpMs: expect.any(Number), lcpMs: expect.any(Number), tbtMs: expect.any(Number), cls: expect.any(Number) },
      failedAudits: expect.any(Array),
    });
  });
});
