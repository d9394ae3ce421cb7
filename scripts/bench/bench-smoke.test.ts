// A smoke run of the whole benchmark at size S on SQLite: it must run and report every metric (not
// meet any timing). It serves the production build in .next-bench/; when there is none it builds
// one first (about a minute on 2 cores), otherwise it reuses it even if the source has changed since,
// so the test stays quick. It records nothing in bench/results.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
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
    const run = await runBench(['--size', 'S', '--db', 'sqlite', '--duration', '1', '--connections', '2', '--json', '--reuse-build', '--no-record']);
    expect(run.code, run.stderr.slice(-4_000)).toBe(0);
    const result = JSON.parse(run.stdout.trim().split('\n').at(-1)!);

    expect(Object.keys(result).sort()).toEqual(['db', 'floors', 'machine', 'results', 'rssPeakMB', 'size']);
    expect(result).toMatchObject({ size: 'S', db: 'sqlite', machine: { cores: expect.any(Number) }, rssPeakMB: expect.any(Number) });
    expect(result.rssPeakMB).toBeGreaterThan(0);
    // Every target is either measured or marked not available with a reason, never left out.
    expect(Object.keys(result.results).sort()).toEqual([...TARGET_NAMES].sort());
    for (const name of TARGET_NAMES) expectReported(name, result.results[name]);
    // What exists today must be measured.
    for (const name of ['list', 'item', 'progressApi', 'statusChange']) expect(result.results[name].available, name).toBe(true);
    expect(result.floors.trivialRoute).toMatchObject({ ...timing, available: true, errors: 0 });
    expect(result.floors.trivialRoute.requests).toBeGreaterThan(0);
    expect(result.floors.sql).toMatchObject({ ...timing, available: true, statements: expect.any(Number) });
  });
});
