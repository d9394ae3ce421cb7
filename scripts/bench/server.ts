// The app under test: `next start` on the benchmark's build, on a free loopback port, and a sampler
// of its resident memory (the server process and any children it starts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { nextBin } from '../lib/app-build';
import { serverMemoryEnv, serverNodeArgs } from '../lib/server-memory';
import { log } from './progress';

export type Server = {
  baseUrl: string;
  pid: number;
  rss: RssSampler;
  /** SIGTERM, then SIGKILL after `graceMs` (a server under the profiler writes its profile as it exits). */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL to the server and its children at once, as a power cut or the OOM killer would (the reliability suite's crash test). */
  kill(): Promise<void>;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Pids of `root` and all its descendants, read from /proc (Linux). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces, so split after ")".
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(parent) ?? [];
      list.push(Number(entry));
      children.set(parent, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

function rssKb(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakMB = 0;
  windowPeakMB = 0;

  constructor(
    private readonly pid: number,
    private readonly everyMs = 100,
  ) {}

  sample(): number {
    const mb = processTree(this.pid).reduce((sum, pid) => sum + rssKb(pid), 0) / 1024;
    this.peakMB = Math.max(this.peakMB, mb);
    this.windowPeakMB = Math.max(this.windowPeakMB, mb);
    return mb;
  }

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
    this.timer.unref();
  }

  /** Starts a new window; returns the peak of the one that ends. */
  resetWindow(): number {
    this.sample();
    const peak = this.windowPeakMB;
    this.windowPeakMB = 0;
    return peak;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode} (see the server log)`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer /api/health within ${timeoutMs / 1000} s`);
}

export async function startServer(options: {
  root: string;
  distDir: string;
  databaseUrl: string;
  secret: string;
  logFile: string;
  nodeArgs?: string[];
  /** Listen here instead of on a free port. */
  port?: number;
  /** Added to the server's environment. */
  env?: Record<string, string>;
  /**
   * Serve through npm start's cluster (scripts/serve.ts) with this many server processes; without it,
   * one `next start` as before. The memory sampled then includes the cluster's primary.
   */
  workers?: number;
}): Promise<Server> {
  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const nextArgs = ['-p', String(port), '-H', '127.0.0.1'];
  const command = options.workers
    ? ['--import', 'tsx', 'scripts/serve.ts', ...nextArgs]
    : [...serverNodeArgs(), ...(options.nodeArgs ?? []), nextBin(options.root), 'start', ...nextArgs];
  const child = spawn(process.execPath, command, {
    cwd: options.root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      ...serverMemoryEnv(),
      NODE_ENV: 'production',
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: baseUrl,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: '1',
      ...(options.workers ? { WEB_CONCURRENCY: String(options.workers) } : {}),
      ...options.env,
    },
  });
  const serverLog = createWriteStream(options.logFile);
  child.stdout.pipe(serverLog);
  child.stderr.pipe(serverLog);
  const pid = child.pid!;
  log(
    `server: ${options.workers ? `${options.workers} next start processes (npm start's cluster)` : 'next start'} on ${baseUrl} (pid ${pid}, log ${options.logFile})`,
  );

  const stop = async (graceMs = 5_000) => {
    rss.stop();
    if (child.exitCode !== null || child.signalCode !== null) return;
    const tree = processTree(pid).reverse();
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    for (const member of tree) {
      try {
        process.kill(member, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    const killTimer = setTimeout(() => {
      for (const member of tree) {
        try {
          process.kill(member, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, graceMs);
    await exited;
    clearTimeout(killTimer);
  };

  const kill = async () => {
    rss.stop();
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    for (const member of processTree(pid)) {
      try {
        process.kill(member, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await exited;
  };

  const rss = new RssSampler(pid);
  try {
    await waitForHealth(baseUrl, child, 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  rss.start();
  return { baseUrl, pid, rss, stop, kill };
}
