// Vitest global setup for the `db` project: throw-away databases for this run, never data/.
// SQLite by default (temp files); PostgreSQL when TEST_DATABASE_URL is a postgresql:// URL, in
// which case fresh databases are created on that server and dropped afterwards.
//
// The db test files run side by side, one per worker, and each worker has a database of its own
// (lib/test/test-db.ts picks it by VITEST_POOL_ID): one database is migrated and seeded, then
// copied once per worker, so within a database the files still run one after another.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../db/prepare';
import { SYSTEM_ACTOR } from '../auth/actor';
import { assertLocalTestServer, databaseUrlOn } from './local-database';

declare module 'vitest' {
  export interface ProvidedContext {
    /** One database per worker: index VITEST_POOL_ID - 1. */
    databaseUrls: string[];
    postgresServerUrl: string | null;
  }
}

function workerCount(project: TestProject): number {
  const configured = Number(project.config.maxWorkers);
  return Number.isInteger(configured) && configured > 0 ? configured : 1;
}

export default async function setup(project: TestProject) {
  const workers = workerCount(project);
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl && /^postgres(ql)?:/.test(serverUrl)) {
    assertLocalTestServer(serverUrl);
    const template = `tracker_test_${randomBytes(4).toString('hex')}`;
    const names = Array.from({ length: workers }, (_, i) => `${template}_w${i + 1}`);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const drop = async () => {
      for (const name of [...names, template]) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    };
    try {
      await admin.query(`CREATE DATABASE "${template}"`);
      await prepareDatabase(databaseUrlOn(serverUrl, template), SYSTEM_ACTOR);
      for (const name of names) await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } catch (error) {
      await drop();
      throw error;
    }
    project.provide(
      'databaseUrls',
      names.map((name) => databaseUrlOn(serverUrl, name)),
    );
    project.provide('postgresServerUrl', serverUrl);
    return drop;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-test-'));
  const template = path.join(dir, 'template.db');
  await prepareDatabase(`file:${template}`, SYSTEM_ACTOR);
  // prepareDatabase closed its connection, which checkpoints the WAL into the file: a copy is complete.
  if (existsSync(`${template}-wal`)) throw new Error(`${template}-wal is still there: the template database was not closed`);
  const files = Array.from({ length: workers }, (_, i) => path.join(dir, `test-w${i + 1}.db`));
  for (const file of files) copyFileSync(template, file);
  project.provide(
    'databaseUrls',
    files.map((file) => `file:${file}`),
  );
  project.provide('postgresServerUrl', null);
  return () => rmSync(dir, { recursive: true, force: true });
}
