// npm run bench: the performance benchmark of issue 9 (bench/README.md explains the method).
//
//   tsx scripts/bench/run.ts [--size S|M|L] [--db sqlite|postgres] [--duration SECONDS] [--json]
//                            [--connections N] [--reuse-build] [--regenerate] [--no-record]
//                            [--no-lighthouse] [--lighthouse-pages login,list,item,dashboard]
//                            [--lighthouse-preset desktop|mobile|both] [--lighthouse-runs N]
//
// Generates (or reuses) the data set, builds the production bundle into .next-bench/ when the source
// changed (or serves the app's .next/ when that one is current), starts `next start` on it, measures
// the front end (first-load JavaScript per page, then Lighthouse in the system Chromium), drives the
// server from a second process, and reports requests/s, latency percentiles, errors and the server's
// peak RSS per target, with the floors to compare against. Progress goes to stderr; results to stdout
// (with --json the last line is the JSON object).
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from '@/lib/db/client';
import { BENCH_DIST_DIR, ensureBuild } from './build';
import { prepareBenchAuth } from './auth';
import { BENCH_DATA_DIR, prepareBenchDataset, SIZES, type DbKind, type Size } from './generate';
import { startLoadProcess, type LoadJob, type LoadResult } from './load';
import { frontendTables, measureFrontend, parseLighthouseOptions, type FrontendResult, type LighthouseOptions } from './frontend';
import { dashboardData } from './page-data';
import { log } from './progress';
import {
  checkTargets,
  machine,
  readResultFiles,
  refreshReadme,
  resultTable,
  summarise,
  targetTable,
  writeResultFile,
  type BenchResult,
  type Entry,
  type Measured,
  type NotAvailable,
  type ResultFile,
  type SqlFloor,
} from './report';
import { startServer, type Server } from './server';
import { measureImport, type ImportEntry } from './import';
import { captureStatements, replayStatements } from './sql-floor';
import { builtRoutes, exportLikeRoutes, LIST_QUERY, pickFixtures, plans, TARGET_NAMES, type TargetName, type TargetPlan } from './targets';

export type RunOptions = {
  size: Size;
  db: DbKind;
  durationSeconds: number;
  connections: number;
  json: boolean;
  reuseBuild: boolean;
  regenerate: boolean;
  record: boolean;
  lighthouse: LighthouseOptions;
};

const USAGE =
  'Usage: npm run bench -- [--size S|M|L] [--db sqlite|postgres] [--duration SECONDS] [--json] [--connections N] [--reuse-build] [--regenerate] [--no-record]' +
  ' [--no-lighthouse] [--lighthouse-pages login,list,item,dashboard] [--lighthouse-preset desktop|mobile|both] [--lighthouse-runs N]';

export function parseArgs(argv: string[]): RunOptions {
  const value = (name: string) => {
    const index = argv.indexOf(name);
    if (index < 0) return undefined;
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${name} needs a value. ${USAGE}`);
    return next;
  };
  const known = new Set([
    '--size',
    '--db',
    '--duration',
    '--connections',
    '--json',
    '--reuse-build',
    '--regenerate',
    '--no-record',
    '--no-lighthouse',
    '--lighthouse-pages',
    '--lighthouse-preset',
    '--lighthouse-runs',
  ]);
  for (const arg of argv) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`Unknown option ${arg}. ${USAGE}`);
  const size = (value('--size') ?? 'S').toUpperCase();
  if (!(size in SIZES)) throw new Error(`--size is S, M or L. ${USAGE}`);
  const db = value('--db') ?? 'sqlite';
  if (db !== 'sqlite' && db !== 'postgres') throw new Error(`--db is sqlite or postgres. ${USAGE}`);
  const durationSeconds = Number(value('--duration') ?? 10);
  if (!(durationSeconds > 0 && durationSeconds <= 600)) throw new Error('--duration is a number of seconds from 1 to 600.');
  const connections = Number(value('--connections') ?? 4);
  if (!(Number.isInteger(connections) && connections >= 1 && connections <= 64)) throw new Error('--connections is a whole number from 1 to 64.');
  return {
    size: size as Size,
    db,
    durationSeconds,
    connections,
    json: argv.includes('--json'),
    reuseBuild: argv.includes('--reuse-build'),
    regenerate: argv.includes('--regenerate'),
    record: !argv.includes('--no-record'),
    lighthouse: parseLighthouseOptions(argv.includes('--no-lighthouse'), value('--lighthouse-pages'), value('--lighthouse-preset'), value('--lighthouse-runs')),
  };
}

async function measure(server: Server, run: (job: LoadJob) => Promise<LoadResult>, plan: TargetPlan, durationMs: number): Promise<Measured> {
  log(`measure: ${plan.name} (${plan.label}) for ${durationMs / 1000} s`);
  server.rss.resetWindow();
  // Warm: the first requests to a route load its code and fill the database's page cache.
  const warmupMs = Math.min(3_000, Math.max(500, durationMs / 3));
  const result = await run({ ...plan.job, baseUrl: server.baseUrl, durationMs, warmupMs });
  const entry = summarise(result.histogram, result.requests, result.errors, result.elapsedMs, plan.job.connections);
  entry.rssPeakMB = Math.round(server.rss.resetWindow());
  log(`measure: ${plan.name}: ${entry.rps} req/s, p50 ${entry.p50} ms, p95 ${entry.p95} ms, ${entry.errors} errors`);
  if (result.firstError) log(`measure: ${plan.name}: first error: ${result.firstError}`);
  return entry;
}

/**
 * Whether a target can be measured: its route is in the build and answers one request. A target
 * that does not answer that request in time is reported as such, without timings, rather than
 * spending the whole duration waiting on it.
 */
async function availability(server: Server, plan: TargetPlan, routes: Set<string>): Promise<NotAvailable | Measured | null> {
  if (!routes.has(plan.route)) {
    return { available: false, reason: `${plan.route} is not in the build (not implemented yet)` };
  }
  let response: Response;
  try {
    response = await fetch(new URL(plan.probe.path, server.baseUrl), {
      headers: plan.probe.headers,
      redirect: 'manual',
      signal: AbortSignal.timeout(plan.job.timeoutMs),
    });
    await response.arrayBuffer();
  } catch (error) {
    const note = (error as Error).name === 'TimeoutError' ? `no answer within ${plan.job.timeoutMs / 1000} s` : `request failed: ${(error as Error).message}`;
    return { available: true, rps: 0, p50: null, p95: null, p99: null, errors: 1, requests: 1, connections: 1, note };
  }
  if (response.status === 404 && plan.name.startsWith('export')) {
    const similar = exportLikeRoutes(routes);
    return {
      available: false,
      reason: `${plan.probe.path} answered 404${similar.length ? ` (export-like routes in the build: ${similar.join(', ')}; set EXPORT_URLS in scripts/bench/targets.ts)` : ''}`,
    };
  }
  if (response.status === 404) return { available: false, reason: `${plan.probe.path} answered 404` };
  if (response.status >= 300 && response.status < 400) {
    throw new Error(`${plan.probe.path} redirected to ${response.headers.get('location')}: the benchmark's session was refused`);
  }
  if (response.status === 401 || response.status === 403)
    throw new Error(`${plan.probe.path} answered ${response.status}: the benchmark's credentials were refused`);
  return null;
}

export async function runBenchmark(options: RunOptions): Promise<{ result: BenchResult; file: ResultFile }> {
  const root = process.cwd();
  const durationMs = options.durationSeconds * 1000;
  log(`bench: size ${options.size}, ${options.db}, ${options.durationSeconds} s per measurement, ${options.connections} connections for reads`);
  const loadBefore = os.loadavg()[0]!;
  if (loadBefore > 0.5 * os.cpus().length) {
    log(`bench: WARNING the machine is busy (load average ${loadBefore.toFixed(2)} on ${os.cpus().length} cores): other processes will distort the timings`);
  }

  const { url, manifest } = await prepareBenchDataset(options.size, options.db, { force: options.regenerate });
  const client = createClient(url);
  let fixtures;
  try {
    const auth = await prepareBenchAuth(client);
    fixtures = await pickFixtures(client, auth);
  } finally {
    await client.$disconnect();
  }
  log(
    `fixtures: item page ${fixtures.itemCode} (${fixtures.itemHistory} status changes); ${fixtures.statusClients.flat().length} items for the status-change clients`,
  );

  const build = await ensureBuild(root, options.reuseBuild ? 'reuse' : 'if-stale', BENCH_DIST_DIR);
  // WEB_CONCURRENCY set: served as npm start serves, by that many processes on one port.
  const serverProcesses = process.env.WEB_CONCURRENCY ? Number(process.env.WEB_CONCURRENCY) : undefined;
  const routes = builtRoutes(root, build.distDir);
  const server = await startServer({
    root,
    distDir: build.distDir,
    databaseUrl: url,
    secret: fixtures.auth.secret,
    logFile: path.join(BENCH_DATA_DIR, `server-${options.size}-${options.db}.log`),
    workers: serverProcesses,
  });
  const load = startLoadProcess();
  const results = {} as Record<TargetName, Entry>;
  let trivialRoute: Entry = { available: false, reason: 'not measured' };
  let sql: SqlFloor | { available: false; reason: string } = { available: false, reason: 'not measured' };
  let frontend: FrontendResult | undefined;
  let importReport: ImportEntry = { available: false, reason: 'not measured' };
  try {
    // The floor first, while the server is idle.
    log(`measure: the dashboard's SQL through the driver for ${options.durationSeconds} s`);
    const statements = await captureStatements(url, dashboardData());
    const replay = await replayStatements(url, statements, durationMs);
    sql = {
      ...summarise(replay.histogram, replay.iterations, 0, replay.elapsedMs, 1),
      connections: 1,
      iterations: replay.iterations,
      statements: replay.statements,
      page: 'dashboard',
    };
    log(`measure: dashboard SQL: ${replay.statements} statements, p50 ${sql.p50} ms, p95 ${sql.p95} ms`);

    // The front end next, one page view at a time on an otherwise idle server.
    frontend = await measureFrontend({ root, distDir: build.distDir, baseUrl: server.baseUrl, fixtures, routes, lighthouse: options.lighthouse });

    for (const plan of plans(fixtures, options.connections)) {
      server.rss.resetWindow();
      const missing = await availability(server, plan, routes);
      if (missing?.available) missing.rssPeakMB = Math.round(server.rss.resetWindow());
      if (missing) log(`measure: ${plan.name}: ${missing.available ? missing.note : `not available: ${missing.reason}`}`);
      const entry = missing ?? (await measure(server, (job) => load.run(job), plan, durationMs));
      if (plan.name === 'trivialRoute') trivialRoute = entry;
      else results[plan.name] = entry;
    }
    // Last: the import's extraction worker and its drafts should not weigh on the other measurements.
    importReport = await measureImport(server, fixtures, routes);
    log(`measure: import: ${importReport.available ? `slowest ${importReport.maxMs} ms, review page p50 ${importReport.review.p50} ms` : importReport.reason}`);
  } finally {
    load.stop();
    await server.stop();
  }

  if (trivialRoute.available) {
    for (const name of TARGET_NAMES) {
      const entry = results[name];
      if (entry?.available && entry.p50 !== null && trivialRoute.p50) entry.p50VsTrivial = Math.round((entry.p50 / trivialRoute.p50) * 10) / 10;
    }
  }
  const result: BenchResult = {
    size: options.size,
    db: options.db,
    machine: machine(),
    results,
    floors: { trivialRoute, sql },
    rssPeakMB: Math.round(server.rss.peakMB),
    frontend,
    importReport,
  };
  const previous = readResultFiles();
  const file: ResultFile = {
    ...result,
    meta: {
      date: new Date().toISOString(),
      durationSeconds: options.durationSeconds,
      connections: options.connections,
      statusClients: fixtures.statusClients.length,
      listQuery: LIST_QUERY,
      itemCode: fixtures.itemCode,
      itemHistory: fixtures.itemHistory,
      dataset: manifest.generated,
      build,
      serverProcesses: serverProcesses ?? 'one next start',
      // Other work on the machine distorts timings: the 1-minute load average before and after the run.
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0]! * 100) / 100 },
      targets: checkTargets(result, previous),
    },
  };
  return { result, file };
}

async function main() {
  let options: RunOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const { result, file } = await runBenchmark(options);
  const out = options.json ? (text: string) => process.stderr.write(`${text}\n`) : (text: string) => process.stdout.write(`${text}\n`);
  out(`\nBenchmark ${result.size} on ${result.db}: ${result.machine.cpu}, ${result.machine.cores} cores; server peak RSS ${result.rssPeakMB} MB\n`);
  out(resultTable(result));
  out(`\n${frontendTables(result.frontend)}`);
  out(`\n${targetTable(file.meta.targets)}\n`);
  if (options.record) {
    const written = writeResultFile(file);
    refreshReadme();
    log(`results: wrote ${path.relative(process.cwd(), written)} and refreshed bench/README.md`);
  }
  if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    // The load process and the server are gone; nothing else should keep the runner alive.
    () => process.exit(0),
    (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}
