// The production server under test: `next start` on the app's own build (.next/, which `npm test`
// has just made in CI; built once here when there is none) against a given DATABASE_URL. The
// server itself is the benchmark's (scripts/bench/server.ts): same flags, same heap limit.
import net from 'node:net';
import path from 'node:path';
import { APP_DIST_DIR } from '../../lib/build-fingerprint';
import { ensureBuild } from '../../bench/build';
import { startServer, type Server } from '../../bench/server';

const root = process.cwd();
let build: Promise<string> | null = null;

/**
 * The build to serve: .next/ when current or present (even if the source changed since), else a
 * new one there. RELIABILITY_DIST_DIR serves another finished build instead (an experiment's).
 */
export function ensureAppBuildForTests(): Promise<string> {
  const chosen = process.env.RELIABILITY_DIST_DIR;
  build ??= chosen ? Promise.resolve(chosen) : ensureBuild(root, 'reuse', APP_DIST_DIR).then((result) => result.distDir);
  return build;
}

/**
 * RELIABILITY_BASE_PORT=N puts the suite's servers on N + offset (each test file has its own
 * offsets), for machines where only some ports may be used; otherwise each takes a free port.
 */
export function reliabilityPort(offset: number): number | undefined {
  const base = Number(process.env.RELIABILITY_BASE_PORT);
  return Number.isInteger(base) && base > 0 ? base + offset : undefined;
}

export type AppServerOptions = {
  databaseUrl: string;
  /** Signs session cookies: keep it across a restart so a cookie minted before still works. */
  secret: string;
  /** Where the server's output goes: `<logDir>/<name>.log`. */
  logDir: string;
  name: string;
  port?: number;
  env?: Record<string, string>;
};

/** Refuses a port something already listens on: the test would otherwise talk to that server. */
async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', () => reject(new Error(`Port ${port} is in use (a server left over from an earlier run?); choose another RELIABILITY_BASE_PORT.`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

const running = new Set<Server>();

/** Every server this file started and has not stopped: for afterAll, so a failed or timed-out test leaves none behind. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.kill()));
  running.clear();
}

export async function startAppServer(options: AppServerOptions): Promise<Server> {
  const distDir = await ensureAppBuildForTests();
  if (options.port !== undefined) await assertPortFree(options.port);
  const server = await startServer({
    root,
    distDir,
    databaseUrl: options.databaseUrl,
    secret: options.secret,
    logFile: path.join(options.logDir, `${options.name}.log`),
    port: options.port,
    env: options.env,
  });
  running.add(server);
  return {
    ...server,
    stop: async (graceMs) => {
      running.delete(server);
      await server.stop(graceMs);
    },
    kill: async () => {
      running.delete(server);
      await server.kill();
    },
  };
}
