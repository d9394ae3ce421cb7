// Throw-away databases for the reliability suite: a migrated, seeded SQLite file in a temp
// directory, or a database of its own on the local PostgreSQL server (TEST_DATABASE_URL, else the
// one CI starts on 127.0.0.1:5432), created here and dropped by `drop()`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { prepareDatabase } from '@/lib/db/prepare';
import { assertLocalTestServer, databaseUrlOn } from '@/lib/test/local-database';

export type Provider = 'sqlite' | 'postgresql';
export type ThrowAwayDatabase = { provider: Provider; url: string; dir: string; drop(): Promise<void> };

export const DEFAULT_POSTGRES_SERVER = 'postgresql://postgres:postgres@127.0.0.1:5432/postgres';

export function postgresServerUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  return url && /^postgres(ql)?:/.test(url) ? url : DEFAULT_POSTGRES_SERVER;
}

/** A fresh database with the app's migrations and seed, and a temp directory for logs. */
export async function createThrowAwayDatabase(provider: Provider, label: string): Promise<ThrowAwayDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `tracker-reliability-${label}-`));
  if (provider === 'sqlite') {
    const url = `file:${path.join(dir, 'tracker.db')}`;
    await prepareDatabase(url, SYSTEM_ACTOR);
    return { provider, url, dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const server = postgresServerUrl();
  assertLocalTestServer(server);
  const name = `tracker_reliability_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const drop = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = databaseUrlOn(server, name);
    await prepareDatabase(url, SYSTEM_ACTOR);
    return { provider, url, dir, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
