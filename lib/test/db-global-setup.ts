// Vitest global setup for the `db` project: a throw-away database for this run, never data/.
// SQLite by default (a temp file); PostgreSQL when TEST_DATABASE_URL is a postgresql:// URL, in
// which case a fresh database is created on that server and dropped afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../db/prepare';
import { assertLocalTestServer, databaseUrlOn } from './local-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    postgresServerUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl && /^postgres(ql)?:/.test(serverUrl)) {
    assertLocalTestServer(serverUrl);
    const name = `tracker_test_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = databaseUrlOn(serverUrl, name);
    await prepareDatabase(url);
    project.provide('databaseUrl', url);
    project.provide('postgresServerUrl', serverUrl);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-test-'));
  const url = `file:${path.join(dir, 'test.db')}`;
  await prepareDatabase(url);
  project.provide('databaseUrl', url);
  project.provide('postgresServerUrl', null);
  return () => rmSync(dir, { recursive: true, force: true });
}
