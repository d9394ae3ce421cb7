import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/authenticate';
import { createClient, type Db } from '@/lib/db/client';
import { prepareDatabase } from '@/lib/db/prepare';
import { loadDemoData } from '@/lib/demo/demo-data';
import { getProgressReport } from '@/lib/progress/progress-report';
import { DEFAULT_PROGRESS_QUERY } from '@/lib/validations/progress';
import { testDatabaseUrl, testProvider } from '@/lib/test/test-db';
import { freshDatabaseUrl, type FreshDatabase } from '@/lib/test/fresh-database';
import { seedUser } from '@/lib/test/user-factory';
import { createBackup } from './create-backup';
import { restoreBackup } from './restore-backup';
import type { Manifest } from './archive-format';

// Round trips on the provider under test: SQLite in `npm test`, PostgreSQL in CI's PostgreSQL run
// (TEST_DATABASE_URL), where the chain goes SQLite -> archive -> PostgreSQL -> archive -> SQLite.
const provider = testProvider();
const PASSWORD = 'correct horse battery staple';

let dir: string;
const created: FreshDatabase[] = [];
const clients: Db[] = [];

async function fresh(kind = provider): Promise<string> {
  const database = await freshDatabaseUrl(kind);
  created.push(database);
  return database.url;
}

function client(url: string): Db {
  const db = createClient(url);
  clients.push(db);
  return db;
}

/** What identifies an archive's content: everything but when and where it was made. */
const content = (manifest: Manifest) => ({ schema: manifest.schema, tables: manifest.tables });

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

/** What the app reads back through Prisma, for the tables a person sees in the app and the API. */
async function appView(db: Db) {
  return {
    users: byId(await db.user.findMany()),
    recommendations: byId(
      await db.recommendation.findMany({ include: { sectors: { orderBy: { sectorId: 'asc' } }, secondaryThemes: { orderBy: { themeId: 'asc' } } } }),
    ),
    statusChanges: byId(await db.statusChange.findMany()),
    evidence: byId(await db.evidenceNote.findMany()),
    audit: byId(await db.auditLog.findMany()),
    seminars: byId(await db.seminar.findMany()),
    settings: (await db.setting.findMany()).sort((a, b) => (a.key < b.key ? -1 : 1)),
    searchTexts: (await db.searchText.findMany({ select: { recommendationId: true, field: true, noteId: true, body: true } })).sort((a, b) =>
      JSON.stringify(a) < JSON.stringify(b) ? -1 : 1,
    ),
    progress: await getProgressReport(db, DEFAULT_PROGRESS_QUERY),
  };
}

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-backup-test-'));
});

afterAll(async () => {
  for (const db of clients) await db.$disconnect();
  for (const database of created) await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`backup and restore (${provider})`, () => {
  it('restores the test database into an empty one exactly: same archive content, same app view, old passwords sign in', async () => {
    const source = client(testDatabaseUrl());
    const user = await seedUser(source, { role: 'EDITOR', password: PASSWORD });
    const first = await createBackup(testDatabaseUrl(), path.join(dir, 'first.tar.gz'), SYSTEM_ACTOR);
    expect(first.manifest.tables.find((table) => table.name === 'User')!.rows).toBeGreaterThan(0);

    const targetUrl = await fresh();
    const restored = await restoreBackup(targetUrl, first.file, SYSTEM_ACTOR);
    expect(restored.migrations.at(-1)).toBe(first.manifest.schema.version);

    const second = await createBackup(targetUrl, path.join(dir, 'second.tar.gz'), SYSTEM_ACTOR);
    expect(content(second.manifest)).toEqual(content(first.manifest));

    const target = client(targetUrl);
    expect(await appView(target)).toEqual(await appView(source));
    const signIn = await authenticate(target, { email: user.email, password: PASSWORD, address: '192.0.2.10' });
    expect(signIn.ok).toBe(true);
    const wrong = await authenticate(target, { email: user.email, password: 'not the password', address: '192.0.2.10' });
    expect(wrong.ok).toBe(false);
  });

  it(`moves SQLite -> archive -> ${provider} -> archive -> SQLite with identical manifests and checksums`, async () => {
    // The embedded default, with the seed, the sample history and evidence, and a user with a password.
    const sqliteUrl = await fresh('sqlite');
    await prepareDatabase(sqliteUrl, SYSTEM_ACTOR);
    const origin = client(sqliteUrl);
    await loadDemoData(origin, SYSTEM_ACTOR);
    const user = await seedUser(origin, { role: 'ADMIN', password: PASSWORD });
    const fromSqlite = await createBackup(sqliteUrl, path.join(dir, 'from-sqlite.tar.gz'), SYSTEM_ACTOR);
    expect(fromSqlite.manifest.source.provider).toBe('sqlite');

    const middleUrl = await fresh(provider);
    await restoreBackup(middleUrl, fromSqlite.file, SYSTEM_ACTOR);
    const fromMiddle = await createBackup(middleUrl, path.join(dir, 'from-middle.tar.gz'), SYSTEM_ACTOR);
    expect(fromMiddle.manifest.source.provider).toBe(provider);
    expect(content(fromMiddle.manifest)).toEqual(content(fromSqlite.manifest));

    const backUrl = await fresh('sqlite');
    await restoreBackup(backUrl, fromMiddle.file, SYSTEM_ACTOR);
    const again = await createBackup(backUrl, path.join(dir, 'again.tar.gz'), SYSTEM_ACTOR);
    expect(content(again.manifest)).toEqual(content(fromSqlite.manifest));

    const middle = client(middleUrl);
    const back = client(backUrl);
    const originView = await appView(origin);
    expect(await appView(middle)).toEqual(originView);
    expect(await appView(back)).toEqual(originView);
    expect((await authenticate(middle, { email: user.email, password: PASSWORD, address: '192.0.2.11' })).ok).toBe(true);
  });
});
