// npm run bench:profile: where one benchmark target's server time goes.
//
//   tsx scripts/bench/profile.ts TARGET [--size S|M|L] [--duration SECONDS] [--connections N] [--minified]
//
// TARGET is a benchmark target (dashboard, list, item, progressApi, statusChange, exportPdf,
// exportXlsx, trivialRoute) or a page path such as /admin/audit (fetched signed in as the
// benchmark's administrator). Serves the data set of `--size` (SQLite; made by `npm run bench` or
// scripts/bench/generate.ts) from a build whose server code keeps its function names (unminified,
// in .next-profile/; `--minified` serves the usual one), with `node --cpu-prof`, drives the target
// with the benchmark's load generator, then prints a summary of the CPU profile and where the
// profile is, to open in Chrome DevTools. Timings under the profiler are slower than the
// benchmark's and are not comparable with them.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@/lib/db/client';
import { prepareBenchAuth } from './auth';
import { BENCH_DIST_DIR, ensureBuild } from './build';
import { formatSummary, summariseCpuProfile, type CpuProfile } from './cpu-profile-summary';
import { BENCH_DATA_DIR, prepareBenchDataset, SIZES, type Size } from './generate';
import { startLoadProcess } from './load';
import { log } from './progress';
import { startServer } from './server';
import { pickFixtures, plans, type TargetPlan } from './targets';

const USAGE = 'Usage: npm run bench:profile -- TARGET [--size S|M|L] [--duration SECONDS] [--connections N] [--minified]';
export const PROFILE_DIST_DIR = '.next-profile';
const VALUED = new Set(['--size', '--duration', '--connections']);

function option(argv: string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index < 0 ? undefined : argv[index + 1];
}

async function main(argv: string[]): Promise<void> {
  const known = new Set(['--size', '--duration', '--connections', '--minified']);
  for (const arg of argv) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`Unknown option ${arg}. ${USAGE}`);
  const target = argv.find((arg, index) => !arg.startsWith('--') && !VALUED.has(argv[index - 1] ?? ''));
  if (!target) throw new Error(USAGE);
  const size = (option(argv, '--size') ?? 'M').toUpperCase() as Size;
  if (!(size in SIZES)) throw new Error(`--size is S, M or L. ${USAGE}`);
  const durationMs = Number(option(argv, '--duration') ?? 10) * 1000;
  const connections = Number(option(argv, '--connections') ?? 4);
  if (!(durationMs > 0) || !(Number.isInteger(connections) && connections > 0)) throw new Error(USAGE);

  const root = process.cwd();
  const { url } = await prepareBenchDataset(size, 'sqlite');
  const client = createClient(url);
  const fixtures = await pickFixtures(client, await prepareBenchAuth(client)).finally(() => client.$disconnect());
  const named = plans(fixtures, connections).find((plan) => plan.name === target);
  if (!named && !target.startsWith('/')) throw new Error(`${target} is neither a benchmark target nor a path. ${USAGE}`);
  const plan: Pick<TargetPlan, 'job'> = named ?? {
    job: {
      connections,
      maxRequests: 200_000,
      warmupPerConnection: 1,
      timeoutMs: 30_000,
      scenario: { kind: 'fixed', requests: [{ method: 'GET', path: target, headers: { cookie: fixtures.auth.cookie, accept: 'text/html' } }] },
    },
  };

  const minified = argv.includes('--minified');
  const build = minified
    ? await ensureBuild(root, 'if-stale', BENCH_DIST_DIR)
    : await ensureBuild(root, 'if-stale', PROFILE_DIST_DIR, { env: { NEXT_SERVER_MINIFY: '0' }, appBuildWillDo: false });
  const profiles = path.join(BENCH_DATA_DIR, 'profiles');
  const scratch = path.join(profiles, `.run-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  try {
    const server = await startServer({
      root,
      distDir: build.distDir,
      databaseUrl: url,
      secret: fixtures.auth.secret,
      logFile: path.join(BENCH_DATA_DIR, `server-profile-${size}.log`),
      nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${scratch}`],
    });
    const load = startLoadProcess();
    let requests = 0;
    try {
      log(`profile: ${target} for ${durationMs / 1000} s, ${plan.job.connections} connections`);
      const result = await load.run({ ...plan.job, baseUrl: server.baseUrl, durationMs, warmupMs: 1_000 });
      requests = result.requests;
      log(`profile: ${result.requests} requests (${result.errors} errors) in ${(result.elapsedMs / 1000).toFixed(1)} s`);
    } finally {
      load.stop();
      // The profile is written as the server exits: a large one takes a while.
      await server.stop(60_000);
    }
    await summarise(root, scratch, profiles, size, target, requests);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function summarise(root: string, scratch: string, profiles: string, size: Size, target: string, requests: number): Promise<void> {
  const written = readdirSync(scratch).filter((name) => name.endsWith('.cpuprofile'));
  const largest = written.map((name) => path.join(scratch, name)).sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  if (!largest) throw new Error(`The server wrote no CPU profile (see ${BENCH_DATA_DIR}/server-profile-${size}.log)`);
  const kept = path.join(profiles, `${new Date().toISOString().replace(/[:.]/g, '-')}-${size}-${target.replace(/[^a-zA-Z0-9]+/g, '_')}.cpuprofile`);
  renameSync(largest, kept);
  const summary = summariseCpuProfile(JSON.parse(readFileSync(kept, 'utf8')) as CpuProfile);
  process.stdout.write(`${formatSummary(summary, requests)}\n\nProfile: ${path.relative(root, kept)} (Chrome DevTools, Performance, "Load profile")\n`);
}

main(process.argv.slice(2)).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
