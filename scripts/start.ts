// npm start: the one command that serves the app on the embedded default.
// Builds the production bundle when there is none (or the source changed), creates/migrates/seeds
// the database, makes sure a session secret exists, then runs `next start`.
// `--dev` runs `next dev` instead of building (npm run dev).
import 'dotenv/config';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
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
import { serverMemoryEnv, serverNodeArgs } from './lib/server-memory';

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
const peerAddressImport = `--import=${JSON.stringify(pathToFileURL(`${root}/scripts/lib/peer-address.mjs`).href)}`;

const env = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, peerAddressImport].filter(Boolean).join(' '),
  DATABASE_URL: url,
  NEXTAUTH_SECRET: ensureAuthSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://localhost:${port}`,
  PORT: port,
  NEXT_TELEMETRY_DISABLED: '1',
};

if (!dev && !ensureAppBuild(root, env)) process.exit(1);

// The production server runs with a heap limit and two malloc arenas (scripts/lib/server-memory.ts);
// `next dev` compiles on demand and keeps Node's defaults.
let nodeArgs: string[] = [];
try {
  if (!dev) nodeArgs = serverNodeArgs();
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
const child = spawn(process.execPath, [...nodeArgs, nextBin(root), dev ? 'dev' : 'start', '-p', port], {
  stdio: 'inherit',
  env: dev ? env : { ...env, ...serverMemoryEnv() },
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
