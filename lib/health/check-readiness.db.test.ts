// The readiness answer on the database under test (SQLite, or PostgreSQL with TEST_DATABASE_URL):
// ready on an up-to-date database; not ready on one with a migration not yet applied, on one never
// migrated, and when the database does not answer.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createClient, type Db } from '../db/client';
import { migrationsDir } from '../db/config';
import { migrate, readMigrations } from '../db/migrate';
import { databaseUrlOn } from '../test/local-database';
import { testDb, testProvider } from '../test/test-db';
import { checkReadiness } from './check-readiness';

const provider = testProvider();
const live = testDb();
const cleanups: (() => Promise<void>)[] = [];
// Production gives the database 2 s to answer; a loaded test machine may need longer for a database
// that is up (the one that is down refuses the connection at once).
const patient = { timeoutMs: 20_000 };
afterAll(async () => {
  await live.$disconnect();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A new, empty database of the provider under test; dropped after the file. */
async function emptyDatabase(): Promise<string> {
  if (provider === 'sqlite') {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-ready-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    return `file:${path.join(dir, 'ready.db')}`;
  }
  const server = inject('postgresServerUrl')!;
  const name = `tracker_ready_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  cleanups.push(async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });
  return databaseUrlOn(server, name);
}

function client(url: string): Db {
  const created = createClient(url);
  cleanups.push(() => created.$disconnect());
  return created;
}

describe(`readiness (${provider})`, () => {
  it('ready: the database answers and every committed migration is applied', async () => {
    expect(await checkReadiness(live, patient)).toEqual({ status: 'ready', database: 'ok', migrations: 'applied', pendingMigrations: 0 });
  });

  it('not ready: a database migrated up to the last migration but one (a server upgraded before its migrations ran)', async () => {
    const url = await emptyDatabase();
    const committed = readMigrations(provider);
    const olderRelease = mkdtempSync(path.join(os.tmpdir(), 'tracker-ready-migrations-'));
    cleanups.push(async () => rmSync(olderRelease, { recursive: true, force: true }));
    for (const migration of committed.slice(0, -1))
      cpSync(path.join(migrationsDir(provider), migration.name), path.join(olderRelease, migration.name), { recursive: true });
    await migrate(url, olderRelease);
    const behind = client(url);

    expect(await checkReadiness(behind, patient)).toEqual({ status: 'not_ready', database: 'ok', migrations: 'pending', pendingMigrations: 1 });
    // Once the last migration runs (as the next start would), it is ready.
    await migrate(url);
    expect(await checkReadiness(behind, patient)).toEqual({ status: 'ready', database: 'ok', migrations: 'applied', pendingMigrations: 0 });
  });

  it('not ready: a database never migrated counts every migration as pending', async () => {
    const empty = client(await emptyDatabase());
    expect(await checkReadiness(empty, patient)).toEqual({
      status: 'not_ready',
      database: 'ok',
      migrations: 'pending',
      pendingMigrations: readMigrations(provider).length,
    });
  });

  it('not ready: the database does not answer', async () => {
    const dead = client(provider === 'sqlite' ? 'file:/nonexistent-dir/for/sure/tracker.db' : 'postgresql://tracker@127.0.0.1:1/none');
    expect(await checkReadiness(dead)).toEqual({ status: 'not_ready', database: 'error', migrations: 'unknown', pendingMigrations: null });
  });
});
