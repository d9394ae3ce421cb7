// Backup and restore of a benchmark data set, timed, with each command's peak memory:
//
//   tsx scripts/bench/backup-restore.ts --size L [--restore-db sqlite|postgres|both]
//
// Runs the commands a person runs (`tracker backup --out`, `tracker restore`, `tracker backup
// --sqlite-file`) under GNU time, which reports the elapsed time and the peak resident memory of the
// process. The archive and the restored databases go to bench/.data/ (PostgreSQL: the database
// tracker_bench_restore_<size> on BENCH_POSTGRES_URL, dropped and created anew). Prints a Markdown table.
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { databaseUrlOn } from '@/lib/test/local-database';
import { BENCH_DATA_DIR, prepareBenchDataset, type Size } from './generate';
import { log } from './progress';

type Measured = { step: string; seconds: number; peakMb: number; note: string };

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** Runs `tracker ARGS` with DATABASE_URL=url under /usr/bin/time; its progress lines go to our stderr. */
function timed(step: string, url: string, args: string[], note: (output: string) => string): Measured {
  log(`${step}: tracker ${args.join(' ')}`);
  const result = spawnSync('/usr/bin/time', ['-f', 'TIME %e %M', process.execPath, 'bin/tracker.mjs', ...args], {
    env: { ...process.env, DATABASE_URL: url },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = result.stderr;
  const match = /TIME ([\d.]+) (\d+)/.exec(output);
  if (result.status !== 0 || !match) throw new Error(`${step} failed (exit ${result.status}):\n${output.slice(-4000)}`);
  const lines = output.split('\n').filter((line) => !line.startsWith('TIME '));
  log(`${step}: ${lines.filter(Boolean).at(-1) ?? ''}`);
  return { step, seconds: Number(match[1]), peakMb: Math.round(Number(match[2]) / 1024), note: note(lines.join('\n')) };
}

async function freshPostgres(size: Size): Promise<string> {
  const server = process.env.BENCH_POSTGRES_URL;
  if (!server) throw new Error('--restore-db postgres needs BENCH_POSTGRES_URL, e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres');
  const name = `tracker_bench_restore_${size.toLowerCase()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrlOn(server, name);
}

const megabytes = (file: string) => `${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`;

const size = (flag('--size') ?? 'L').toUpperCase() as Size;
const targets = flag('--restore-db') ?? 'sqlite';
const { url } = await prepareBenchDataset(size, 'sqlite');
const archive = path.join(BENCH_DATA_DIR, `backup-${size}.tar.gz`);
const copy = path.join(BENCH_DATA_DIR, `backup-${size}.db`);
const restored = path.join(BENCH_DATA_DIR, `restored-${size}.db`);
for (const file of [archive, copy, restored, `${restored}-wal`, `${restored}-shm`]) rmSync(file, { force: true });

const rows: Measured[] = [];
rows.push(
  timed(
    'backup --out (SQLite)',
    url,
    ['backup', '--out', archive],
    (output) => `${/tables, ([\d,]+) rows/.exec(output)?.[1] ?? '?'} rows, archive ${megabytes(archive)}`,
  ),
);
rows.push(timed('backup --sqlite-file', url, ['backup', '--sqlite-file', copy], () => `copy ${megabytes(copy)}`));
if (targets === 'sqlite' || targets === 'both') {
  rows.push(timed('restore into SQLite', `file:${restored}`, ['restore', archive], () => `database ${megabytes(restored)}`));
}
if (targets === 'postgres' || targets === 'both') {
  rows.push(timed('restore into PostgreSQL', await freshPostgres(size), ['restore', archive], () => 'the move to PostgreSQL'));
}

console.log(`| Step (${size}) | Time | Peak memory (RSS) | |\n| --- | --- | --- | --- |`);
for (const row of rows) console.log(`| \`${row.step}\` | ${row.seconds.toFixed(0)} s | ${row.peakMb} MB | ${row.note} |`);
