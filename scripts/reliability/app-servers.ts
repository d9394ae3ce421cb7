// For the reliability tests that start the app the way an operator does: `npm start` (scripts/start.ts,
// with --no-build) on a throw-away database, serving one production build shared by every test (the
// app's .next/ when current, else the benchmark's; built once when there is none: scripts/bench/build.ts).
// Also: which server process answered a connection, read from /proc (Linux), so a test can tell the
// cluster's workers apart without the app saying anything about itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { assertLocalTestServer, databaseUrlOn } from '@/lib/test/local-database';
import { ensureBuild } from '../bench/build';
import { freePort } from '../bench/server';

const root = process.cwd();

/** The production build to serve (its dist dir), made at most once. */
export async function sharedBuild(): Promise<string> {
  return (await ensureBuild(root, 'reuse')).distDir;
}

/**
 * A port for a test server: a free one from RELIABILITY_PORTS ("3213-3219") when set, so runs on a
 * shared machine stay in the range they were given (each test file starts at its own place in it);
 * otherwise any free one.
 */
let nextInRange = (Number(process.env.VITEST_POOL_ID ?? 1) - 1) * 2;
export async function testPort(): Promise<number> {
  const range = /^(\d+)-(\d+)$/.exec(process.env.RELIABILITY_PORTS ?? '');
  if (!range) return freePort();
  const [low, high] = [Number(range[1]), Number(range[2])];
  for (let tries = 0; tries <= high - low; tries += 1) {
    const port = low + (nextInRange++ % (high - low + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port in RELIABILITY_PORTS=${process.env.RELIABILITY_PORTS}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

export type Scratch = { url: string; dir: string; drop(): Promise<void> };

/** An empty SQLite database in a temporary folder (the folder also holds the servers' logs). */
export function scratchSqlite(): Scratch {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-reliability-'));
  return { url: `file:${path.join(dir, 'tracker.db')}`, dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** An empty PostgreSQL database on TEST_DATABASE_URL's server, dropped by `drop`. */
export async function scratchPostgres(serverUrl: string): Promise<Scratch> {
  assertLocalTestServer(serverUrl);
  const name = `tracker_reliability_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-reliability-'));
  return {
    url: databaseUrlOn(serverUrl, name),
    dir,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type AppServer = {
  baseUrl: string;
  port: number;
  /** The process `npm start` runs (the cluster's primary). */
  pid: number;
  /** Resolves when that process has exited, with when. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** The server processes (the primary's children running next start). */
  workerPids(): number[];
  log(): string;
  stop(): Promise<void>;
};

/** Starts `npm start` (scripts/start.ts --no-build) and waits until /api/health answers. */
export async function startApp(options: {
  databaseUrl: string;
  dir: string;
  distDir: string;
  secret?: string;
  workers: number;
  name?: string;
  env?: Record<string, string>;
  waitForHealth?: boolean;
}): Promise<AppServer> {
  const port = await testPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logFile = path.join(options.dir, `${options.name ?? 'server'}-${port}.log`);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--no-build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_DIST_DIR: options.distDir,
      DATABASE_URL: options.databaseUrl,
      NEXTAUTH_SECRET: options.secret ?? randomBytes(32).toString('base64url'),
      NEXTAUTH_URL: baseUrl,
      PORT: String(port),
      WEB_CONCURRENCY: String(options.workers),
      SETUP_CODE_FILE: path.join(options.dir, `setup-code-${port}`),
      NEXT_TELEMETRY_DISABLED: '1',
      // The tests read the servers' logs (vitest.config.ts silences them for the test processes).
      LOG_LEVEL: 'info',
      ...options.env,
    },
  });
  const out = createWriteStream(logFile);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const pid = child.pid!;
  const server: AppServer = {
    baseUrl,
    port,
    pid,
    exited,
    workerPids: () => childrenOf(pid).filter((worker) => commandOf(worker).startsWith('next-server')),
    log: () => readFileSync(logFile, 'utf8'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => {
        for (const worker of childrenOf(pid)) killQuietly(worker);
        killQuietly(pid);
      }, 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  if (options.waitForHealth !== false) await waitForHealth(server, options.workers, 180_000);
  return server;
}

function killQuietly(pid: number) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Waits until /api/health answers and the primary runs `workers` server processes. */
export async function waitForHealth(server: AppServer, workers: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void server.exited.then(() => (exitedEarly = true));
  while (Date.now() < deadline) {
    if (exitedEarly) throw new Error(`npm start exited before serving:\n${server.log().slice(-3_000)}`);
    if (server.workerPids().length === workers) {
      try {
        const response = await fetch(`${server.baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) return;
      } catch {
        // not listening yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await server.stop();
  throw new Error(`npm start did not serve within ${timeoutMs / 1000} s:\n${server.log().slice(-3_000)}`);
}

function childrenOf(parent: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === parent) out.push(Number(entry));
    } catch {
      // ended while we looked
    }
  }
  return out;
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
  } catch {
    return '';
  }
}

/** The inode of the server's end of the TCP connection from `clientPort` to `serverPort`, from /proc/net/tcp{,6}. */
function serverSocketInode(serverPort: number, clientPort: number): string | null {
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields.length < 10) continue;
      const local = parseInt(fields[1]!.split(':')[1]!, 16);
      const remote = parseInt(fields[2]!.split(':')[1]!, 16);
      if (local === serverPort && remote === clientPort) return fields[9]!;
    }
  }
  return null;
}

/** Which of `pids` holds the server's end of the connection from local port `clientPort`. */
export function pidServing(serverPort: number, clientPort: number, pids: number[]): number | null {
  const inode = serverSocketInode(serverPort, clientPort);
  if (!inode) return null;
  const target = `socket:[${inode}]`;
  for (const pid of pids) {
    try {
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        try {
          if (readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return pid;
        } catch {
          // closed while we looked
        }
      }
    } catch {
      // process gone
    }
  }
  return null;
}

export type Answer = { status: number; body: string; headers: http.IncomingHttpHeaders; clientPort: number };

/** One HTTP request on `agent` (a keep-alive agent with one socket pins a connection, hence a worker). */
export function httpRequest(
  baseUrl: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string; agent?: http.Agent; timeoutMs?: number },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${baseUrl}${options.path}`,
      { method: options.method ?? 'GET', headers: options.headers, agent: options.agent ?? false, timeout: options.timeoutMs ?? 30_000 },
      (response) => {
        const clientPort = response.socket.localPort ?? 0;
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
            clientPort,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
    request.end(options.body);
  });
}
