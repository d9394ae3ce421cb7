// Test-only: the URL of a new, empty database (not created or migrated yet: a restore does that) on
// the provider asked for: SQLite a file in a temporary folder, PostgreSQL a new database on the test
// server (TEST_DATABASE_URL). `drop` removes it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import type { Provider } from '../db/config';
import { assertLocalTestServer, databaseUrlOn } from './local-database';
import { uniqueId } from './test-db';

export type FreshDatabase = { url: string; drop: () => Promise<void> };

export async function freshDatabaseUrl(provider: Provider): Promise<FreshDatabase> {
  if (provider === 'postgresql') {
    const serverUrl = inject('postgresServerUrl');
    if (!serverUrl) throw new Error('A PostgreSQL database needs TEST_DATABASE_URL=postgresql://...');
    assertLocalTestServer(serverUrl);
    const name = `tracker_test_${uniqueId('fresh').toLowerCase()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    return {
      url: databaseUrlOn(serverUrl, name),
      drop: async () => {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-fresh-'));
  return { url: `file:${path.join(dir, 'fresh.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}
