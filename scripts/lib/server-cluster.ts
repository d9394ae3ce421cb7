// The production server as npm start runs it: this process becomes the primary of Node's `cluster`
// and runs `next start` in each of `workers` processes. `next start` serves in its own process (no
// further children), so each worker's `listen()` goes to the primary, which holds the one port and
// hands each new connection to the workers in turn. The primary serves nothing itself; it restarts a
// worker that dies (after a pause that grows while workers keep dying young, so a crash loop does
// not spin) and, on SIGTERM or SIGINT, passes the signal on and waits for the workers to finish
// their requests (scripts/lib/graceful-shutdown.mjs), killing any still running a second after their
// own deadline (10 s after the signal by default).
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism, totalmem } from 'node:os';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { providerOf } from '../../lib/db/config';
import { nextBin } from './app-build';
import { serverMemoryEnv, serverNodeArgs } from './server-memory';
import { heapLimitMb, webConcurrency } from './web-concurrency';

/** The workers' own deadline after a signal (graceful-shutdown.mjs, TRACKER_SHUTDOWN_GRACE_MS); the primary allows a second more. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 9_000;
/** A worker that served this long before dying is restarted at once, and the pause starts again from its shortest. */
const STABLE_MS = 30_000;
const FIRST_PAUSE_MS = 500;
const LONGEST_PAUSE_MS = 30_000;
/** Workers that die before any worker has ever listened, in a row, before the primary gives up (a port in use, a broken build). */
const FAILED_STARTS_BEFORE_GIVING_UP = 5;

/**
 * The pause before restarting a worker that died after `livedMs`: none when it had lived STABLE_MS,
 * else doubling from FIRST_PAUSE_MS with every young death since the last stable one, up to LONGEST_PAUSE_MS.
 */
export class RestartBackoff {
  private youngDeaths = 0;

  pauseAfter(livedMs: number): number {
    if (livedMs >= STABLE_MS) {
      this.youngDeaths = 0;
      return 0;
    }
    this.youngDeaths += 1;
    return Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (this.youngDeaths - 1));
  }
}

/**
 * NODE_OPTIONS for a production server process: the preloads that record each connection's address
 * (peer-address.mjs) and shut down gracefully (graceful-shutdown.mjs), after whatever `nodeOptions` held.
 */
export function serverNodeOptions(
  root: string,
  nodeOptions: string | undefined,
  preloads = ['peer-address.mjs', 'request-log.mjs', 'graceful-shutdown.mjs'],
): string {
  const imports = preloads.map((file) => `--import=${JSON.stringify(pathToFileURL(path.join(root, 'scripts', 'lib', file)).href)}`);
  return [nodeOptions, ...imports].filter(Boolean).join(' ');
}

export type ClusterOptions = {
  root: string;
  workers: number;
  /** `next start`'s arguments after `start`: the port, the host. */
  nextArgs: string[];
  /** Node's flags for each worker (the heap limit). */
  nodeArgs: string[];
  /** Each worker's whole environment (NEXT_MANUAL_SIG_HANDLE and NODE_OPTIONS with graceful-shutdown.mjs among it). */
  env: NodeJS.ProcessEnv;
  /** How long after a signal the primary kills the workers still running. */
  shutdownMs: number;
  log?: (line: string) => void;
};

/** Runs the cluster in this process (the primary) until a signal ends it; the process then exits. */
export function runServerCluster(options: ClusterOptions): void {
  const log = options.log ?? ((line: string) => console.log(line));
  cluster.setupPrimary({ exec: nextBin(options.root), args: ['start', ...options.nextArgs], execArgv: options.nodeArgs });

  const startedAt = new Map<Worker, number>();
  const backoff = new RestartBackoff();
  const pendingRestarts = new Set<NodeJS.Timeout>();
  let everListened = false;
  let failedStarts = 0;
  let stopping: NodeJS.Signals | null = null;
  let unclean = false;

  const fork = () => {
    const worker = cluster.fork(options.env);
    startedAt.set(worker, Date.now());
  };

  cluster.on('listening', () => {
    everListened = true;
  });

  cluster.on('exit', (worker, code, signal) => {
    const lived = Date.now() - (startedAt.get(worker) ?? Date.now());
    startedAt.delete(worker);
    if (stopping) {
      if (code !== 0) unclean = true;
      if (startedAt.size === 0) finish();
      return;
    }
    const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    if (!everListened && ++failedStarts >= FAILED_STARTS_BEFORE_GIVING_UP) {
      console.error(`error: server processes keep dying before serving (${failedStarts} in a row; the last ${how}). Giving up.`);
      unclean = true;
      stop('SIGTERM');
      return;
    }
    const pause = backoff.pauseAfter(lived);
    log(`Server process ${worker.process.pid} ${how} after ${(lived / 1000).toFixed(1)} s; starting another${pause ? ` in ${pause / 1000} s` : ''}.`);
    const timer = setTimeout(() => {
      pendingRestarts.delete(timer);
      if (!stopping) fork();
    }, pause);
    pendingRestarts.add(timer);
  });

  let forceTimer: NodeJS.Timeout | undefined;
  const finish = () => {
    clearTimeout(forceTimer);
    process.exit(unclean ? 1 : 0);
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = signal;
    for (const timer of pendingRestarts) clearTimeout(timer);
    pendingRestarts.clear();
    log(`${signal}: stopping ${startedAt.size} server process(es); each finishes its requests first.`);
    if (startedAt.size === 0) return finish();
    // Ctrl+C has already sent SIGINT to the whole process group; a second one changes nothing.
    for (const worker of startedAt.keys()) worker.process.kill(signal);
    forceTimer = setTimeout(() => {
      console.error(
        `Server processes still running after ${options.shutdownMs / 1000} s: killing ${[...startedAt.keys()].map((worker) => worker.process.pid).join(', ')}.`,
      );
      for (const worker of startedAt.keys()) worker.process.kill('SIGKILL');
      unclean = true;
    }, options.shutdownMs);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  for (let i = 0; i < options.workers; i += 1) fork();
}

/**
 * The production server on a prepared database and build: as many `next start` processes as
 * WEB_CONCURRENCY says or the cores and memory allow (scripts/lib/web-concurrency.ts), each with the
 * heap limit and malloc arenas of scripts/lib/server-memory.ts, the preloads, and Next's signal
 * handling left to graceful-shutdown.mjs. Throws (before starting anything) on a bad setting.
 */
export function serveProduction(root: string, nextArgs: string[], env: NodeJS.ProcessEnv): void {
  const nodeArgs = serverNodeArgs(env);
  const grace = Number(env.TRACKER_SHUTDOWN_GRACE_MS);
  const shutdownMs = (Number.isFinite(grace) && grace > 0 ? grace : DEFAULT_SHUTDOWN_GRACE_MS) + 1_000;
  const concurrency = webConcurrency(env, availableParallelism(), totalmem() / 2 ** 20, heapLimitMb(nodeArgs));
  console.log(`Starting ${concurrency.workers} server process(es) (${concurrency.why}).`);
  if (env.DATABASE_URL && providerOf(env.DATABASE_URL) === 'postgresql') {
    const pool = Number(env.DATABASE_POOL_SIZE ?? 10);
    console.log(`Each holds up to ${pool} PostgreSQL connections (DATABASE_POOL_SIZE): ${pool * concurrency.workers} for this server.`);
  }
  runServerCluster({
    root,
    workers: concurrency.workers,
    nextArgs,
    nodeArgs,
    shutdownMs,
    env: { ...env, ...serverMemoryEnv(env), NODE_OPTIONS: serverNodeOptions(root, env.NODE_OPTIONS), NEXT_MANUAL_SIG_HANDLE: '1' },
  });
}
