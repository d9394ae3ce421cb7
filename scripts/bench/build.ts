// The production build the benchmark serves: `next build` into its own directory (NEXT_DIST_DIR,
// honoured by next.config.js), never the app's .next/, so a benchmark never replaces the build
// someone else is testing or serving.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { nextBin } from '../lib/app-build';
import { APP_DIST_DIR, buildIsCurrent, hasBuild, recordBuild } from '../lib/build-fingerprint';
import { log } from './progress';

export const BENCH_DIST_DIR = '.next-bench';
/** Files `next build` rewrites to point the editor at its own dist dir: restored afterwards (see protectProjectFiles). */
const REWRITTEN_BY_BUILD = ['tsconfig.json', 'next-env.d.ts'];

export type BuildPolicy = 'if-stale' | 'reuse';

/** Other `next build` processes on this machine (the lead's, e2e's): two builds at once starve 2 cores. */
function otherBuilds(): number[] {
  try {
    return execFileSync('pgrep', ['-f', 'next build'], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter((pid) => pid > 0 && pid !== process.pid);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

async function waitForOtherBuilds(maxWaitMs: number): Promise<void> {
  const deadline = Date.now() + maxWaitMs;
  let told = false;
  for (let running = otherBuilds(); running.length > 0; running = otherBuilds()) {
    if (Date.now() > deadline) throw new Error(`Another next build is still running (pid ${running.join(', ')}); not starting a second one.`);
    if (!told) log(`build: waiting for another next build to finish (pid ${running.join(', ')})`);
    told = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

/**
 * `next build` adds its dist dir's type folders to tsconfig.json's include and to next-env.d.ts.
 * For the benchmark's private build that would leak .next-bench/types into everyone's type check, so
 * each file is put back exactly as it was, but only when the build's edit is the only difference
 * (a change someone made meanwhile is kept).
 */
function protectProjectFiles(root: string, distDir: string): () => void {
  const saved = REWRITTEN_BY_BUILD.map((name) => {
    const file = path.join(root, name);
    return { file, name, before: existsSync(file) ? readFileSync(file, 'utf8') : null };
  });
  return () => {
    for (const { file, name, before } of saved) {
      if (before === null || !existsSync(file)) continue;
      const after = readFileSync(file, 'utf8');
      if (after === before) continue;
      if (onlyDistDirAdded(name, before, after, distDir)) writeFileSync(file, before);
      else log(`build: ${name} changed during the build in a way that is not only ${distDir}; left as it is`);
    }
  };
}

export function onlyDistDirAdded(name: string, before: string, after: string, distDir: string): boolean {
  if (name === 'next-env.d.ts') return after.includes(distDir);
  try {
    const strip = (text: string) => {
      const config = JSON.parse(text) as { include?: unknown };
      if (Array.isArray(config.include)) config.include = config.include.filter((entry) => !String(entry).startsWith(`${distDir}/`));
      return JSON.stringify(config);
    };
    return strip(before) === strip(after);
  } catch {
    return false;
  }
}

export type BuildChoice = { action: 'serve' | 'build'; distDir: string; why: string };

/**
 * The production build to serve, and where it is: `distDir` when it is current; else the app's own
 * .next/ when that is current (the same source, so the same build: served, never written, which is
 * how the smoke test in `npm test` uses the build `npm run build` made there); else, with `policy`
 * 'reuse', whatever build `distDir` holds; else a new build into `distDir`.
 */
export function chooseBuild(root: string, policy: BuildPolicy, distDir = BENCH_DIST_DIR, appBuildWillDo = true): BuildChoice {
  if (buildIsCurrent(root, distDir)) return { action: 'serve', distDir, why: `${distDir}/ is current` };
  if (appBuildWillDo && distDir !== APP_DIST_DIR && buildIsCurrent(root, APP_DIST_DIR)) {
    return { action: 'serve', distDir: APP_DIST_DIR, why: `serving the app's current build in ${APP_DIST_DIR}/` };
  }
  if (policy === 'reuse' && hasBuild(root, distDir)) {
    return { action: 'serve', distDir, why: `reusing the existing build in ${distDir}/ (the source changed since)` };
  }
  return { action: 'build', distDir, why: hasBuild(root, distDir) ? `${distDir}/ is older than the source` : `no build in ${distDir}/` };
}

/**
 * Makes sure there is a production build to serve (see chooseBuild), building one when needed.
 * `env` is added to the build's environment; a build that differs from the app's by it (the
 * profiler's unminified one) must say `appBuildWillDo: false` and use a dist dir of its own.
 */
export async function ensureBuild(
  root: string,
  policy: BuildPolicy,
  distDir = BENCH_DIST_DIR,
  options: { env?: Record<string, string>; appBuildWillDo?: boolean } = {},
): Promise<{ built: boolean; seconds: number; distDir: string }> {
  const choice = chooseBuild(root, policy, distDir, options.appBuildWillDo ?? true);
  log(`build: ${choice.why}`);
  if (choice.action === 'serve') return { built: false, seconds: 0, distDir: choice.distDir };
  await waitForOtherBuilds(15 * 60_000);
  log(`build: next build into ${distDir}/ (a minute or more on 2 cores)`);
  const started = Date.now();
  const restore = protectProjectFiles(root, distDir);
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [nextBin(root), 'build'], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, ...options.env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
      });
      let output = '';
      const keep = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-20_000);
      };
      child.stdout.on('data', keep);
      child.stderr.on('data', keep);
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`next build failed (exit ${code}):\n${output}`))));
    });
  } finally {
    restore();
  }
  recordBuild(root, distDir);
  const seconds = (Date.now() - started) / 1000;
  log(`build: done in ${seconds.toFixed(0)} s`);
  return { built: true, seconds, distDir };
}
