// npm start: the one command that serves the app on the embedded default.
// Builds the production bundle when there is none (or the source changed), creates/migrates/seeds
// the database, makes sure a session secret exists, then runs `next start` in one process per core
// (WEB_CONCURRENCY), all on one port (scripts/lib/server-cluster.ts). The database is prepared here,
// once, before any server process starts. `--dev` runs one `next dev` instead of building (npm run dev).
import 'dotenv/config';
import { spawn } from 'node:child_process';
import { databaseUrl, providerOf } from '../lib/db/config';
import { prepareDatabase } from '../lib/db/prepare';
import { SYSTEM_ACTOR } from '../lib/auth/actor';
import { ensureAuthSecret } from '../lib/auth/secret';
import { trustedProxyHops } from '../lib/auth/client-address';
import { createClient } from '../lib/db/client';
import { needsFirstAdmin } from '../lib/users/first-run';
import { ensureSetupCode, removeSetupCode, setupCodeBanner } from '../lib/users/setup-code';
import { startScheduledBackups } from '../lib/backup/start-scheduled-backups';
import { ensureAppBuild, nextBin } from './lib/app-build';
import { APP_DIST_DIR, hasBuild } from './lib/build-fingerprint';
import { serveProduction, serverNodeOptions } from './lib/server-cluster';

const root = process.cwd();
const dev = process.argv.includes('--dev');
const port = process.env.PORT || '3000';

const url = databaseUrl();
console.log(`Database: ${providerOf(url) === 'sqlite' ? url : url.replace(/\/\/[^@/]*@/, '//***@')}`);
const { migrations, seed } = await prepareDatabase(url, SYSTEM_ACTOR);
if (migrations.length) console.log(`Applied migrations: ${migrations.join(', ')}`);
if (seed.recommendations || seed.themes || seed.sectors) {
  console.log(`Seeded ${seed.seminars} reports, ${seed.recommendations} recommendations, ${seed.themes} themes, ${seed.sectors} sectors.`);
}

// Until the first administrator exists, /setup asks for a one-time code that only someone who can
// read this console or the data directory has (lib/users/setup-code.ts).
{
  const db = createClient(url);
  try {
    if (await needsFirstAdmin(db)) console.log(setupCodeBanner(ensureSetupCode().code));
    else removeSetupCode();
  } finally {
    await db.$disconnect();
  }
}

try {
  trustedProxyHops();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
// Scheduled backups (BACKUP_DIR): here, in the one process that starts the servers, never in each server.
try {
  startScheduledBackups(url);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
// The server records each connection's own address for the per-address sign-in limit
// (scripts/lib/peer-address.mjs); NODE_OPTIONS, so that `next dev`'s worker process gets it too.
// Each request is logged with its id (scripts/lib/request-log.mjs). The production server also
// shuts down gracefully (scripts/lib/graceful-shutdown.mjs).
const env = {
  ...process.env,
  NODE_OPTIONS: serverNodeOptions(root, process.env.NODE_OPTIONS, ['peer-address.mjs', 'request-log.mjs']),
  DATABASE_URL: url,
  NEXTAUTH_SECRET: ensureAuthSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  PORT: port,
  NEXT_TELEMETRY_DISABLED: '1',
};

if (dev) {
  // `next dev` compiles on demand, in one process, with Node's memory defaults.
  const child = spawn(process.execPath, [nextBin(root), 'dev', '-p', port], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  // --no-build serves the build in NEXT_DIST_DIR (.next/) as it is: one made elsewhere (in CI, or
  // copied with the app, where the source files' times differ) or shared by the reliability tests.
  if (process.argv.includes('--no-build')) {
    const distDir = process.env.NEXT_DIST_DIR || APP_DIST_DIR;
    if (!hasBuild(root, distDir)) {
      console.error(`error: --no-build, but there is no production build in ${distDir}/ (run npm run build).`);
      process.exit(1);
    }
  } else if (!ensureAppBuild(root, env)) {
    process.exit(1);
  }

  // One server process per core, or WEB_CONCURRENCY (scripts/lib/server-cluster.ts). The NODE_OPTIONS
  // given here are the operator's: serveProduction adds the preloads itself.
  try {
    serveProduction(root, ['-p', port], { ...env, NODE_OPTIONS: process.env.NODE_OPTIONS });
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  }
}
