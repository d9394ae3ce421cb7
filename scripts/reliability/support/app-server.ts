// The production server under test: `next start` on the app's own build (.next/, which `npm test`
// has just made in CI; built once here when there is none) against a given DATABASE_URL. The
// server itself is the benchmark's (scripts/bench/server.ts): same flags, same heap limit.
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

export async function startAppServer(options: AppServerOptions): Promise<Server> {
  const distDir = await ensureAppBuildForTests();
  return startServer({
    root,
    distDir,
    databaseUrl: options.databaseUrl,
    secret: options.secret,
    logFile: path.join(options.logDir, `${options.name}.log`),
    port: options.port,
    env: options.env,
  });
}
