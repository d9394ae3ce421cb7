// An archive from an older build restores into this one: `tracker restore` migrates the empty
// database to the archive's schema, loads the rows, then applies the migrations made since, as an
// upgrade would. Runs on the provider under test (SQLite in `npm test`, PostgreSQL in CI's run).
//
// fixtures/schema-20261202013634.tar.gz holds what the build at commit 7b9c0c3 stored (its schema
// ends at 20261202013634_item_history_indexes_cover_status_and_evidence): its first start's seed
// (two reports, 19 recommendations), a first administrator and an editor with passwords, an API
// token, status changes with a note and with evidence, an evidence note and a link between two
// reports' items, all made through that build's own operations. It was written by `tracker backup`
// (archive format 1). Four migrations came after it: sessions and token scopes, text revisions and
// withdrawal, import drafts, and the priority rank. Keep the file as it is when migrations are
// added: the test then covers those too.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorFromUser, SYSTEM_ACTOR } from '@/lib/auth/actor';
import { authenticate } from '@/lib/auth/authenticate';
import { createClient, type Db } from '@/lib/db/client';
import { providerOf } from '@/lib/db/config';
import { readMigrations } from '@/lib/db/migrate';
import { getProgressReport } from '@/lib/progress/progress-report';
import { rebuildProgressTally } from '@/lib/progress/tally/rebuild-progress-tally';
import { getRecommendation } from '@/lib/recommendations/get-recommendation';
import { listRecommendations } from '@/lib/recommendations/list-recommendations';
import { getRecurrence } from '@/lib/recurring/get-recurrence';
import { changeStatusNow } from '@/lib/status/change-status';
import { freshDatabaseUrl, type FreshDatabase } from '@/lib/test/fresh-database';
import { testProvider } from '@/lib/test/test-db';
import { authenticateTokenWithScope } from '@/lib/tokens/authenticate-token';
import { DEFAULT_PROGRESS_QUERY } from '@/lib/validations/progress';
import { recommendationFiltersSchema } from '@/lib/validations/recommendation-filters';
import { createBackup } from './create-backup';
import { restoreBackup } from './restore-backup';
import { verifyArchive } from './verify-archive';

const provider = testProvider();
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'schema-20261202013634.tar.gz');
const ARCHIVE_SCHEMA = '20261202013634_item_history_indexes_cover_status_and_evidence';
// The secrets the older build was given when the fixture was made.
const ADMIN = { email: 'ada@example.org', password: 'older-build-admin-1' };
const EDITOR = { email: 'eli@example.org', password: 'older-build-editor-2' };
const OLD_TOKEN = 'trk_b_IMAwmTd6HKQNhTLfSNHdvgHfYD7efbBfcd75ld';

let dir: string;
let database: FreshDatabase;
let db: Db;
let restored: Awaited<ReturnType<typeof restoreBackup>>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-older-archive-'));
  database = await freshDatabaseUrl(provider);
  restored = await restoreBackup(database.url, FIXTURE, SYSTEM_ACTOR);
  db = createClient(database.url);
});

/** The editor the older build made, with the role it was given there. */
async function restoredEditor() {
  const user = await db.user.findUniqueOrThrow({ where: { email: EDITOR.email } });
  expect(user.role).toBe('EDITOR');
  return actorFromUser({ ...user, role: 'EDITOR' });
}

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe(`restoring an archive from an older build (${provider})`, () => {
  it('migrates to the archive’s schema, loads every row, then applies every migration made since', async () => {
    const build = readMigrations(providerOf(database.url)).map((migration) => migration.name);
    const since = build.slice(build.indexOf(ARCHIVE_SCHEMA) + 1);
    expect(since.length).toBeGreaterThan(0);
    expect(restored.manifest.schema.version).toBe(ARCHIVE_SCHEMA);
    expect(restored.migrations).toEqual(build);

    const manifest = await verifyArchive(FIXTURE, build);
    const counts = { User: 2, Recommendation: 19, Seminar: 2, StatusChange: 22, EvidenceNote: 2, RecommendationLink: 1, ApiToken: 1 };
    for (const [table, rows] of Object.entries(counts)) expect(manifest.tables.find((t) => t.name === table)?.rows, table).toBe(rows);
    expect(await db.user.count()).toBe(2);
    expect(await db.recommendation.count()).toBe(19);
    expect(await db.statusChange.count()).toBe(22);
    expect(await db.evidenceNote.count()).toBe(2);
    expect(await db.auditLog.count()).toBe(manifest.tables.find((t) => t.name === 'AuditLog')!.rows);
  });

  it('signs its users in with their old passwords, and its API token still works, with write access', async () => {
    expect((await authenticate(db, { ...ADMIN, address: '192.0.2.20' })).ok).toBe(true);
    expect((await authenticate(db, { ...EDITOR, address: '192.0.2.20' })).ok).toBe(true);
    expect((await authenticate(db, { ...EDITOR, password: 'older-build-admin-1', address: '192.0.2.21' })).ok).toBe(false);
    const token = await authenticateTokenWithScope(OLD_TOKEN, db);
    expect(token?.user.email).toBe(ADMIN.email);
    expect(token?.scope).toBe('write');
  });

  it('shows the items as they were: statuses, evidence, history and the link between the reports', async () => {
    const actor = await restoredEditor();
    const implemented = await getRecommendation(db, '2015-R01', actor);
    expect(implemented?.status).toBe('IMPLEMENTED');
    expect(implemented?.history.map((entry) => entry.toStatus)).toEqual(expect.arrayContaining(['IN_PROGRESS', 'IMPLEMENTED']));
    expect(implemented?.evidence.map((note) => note.body)).toContain('The agreement was signed on 15 June 2018.');
    expect((await getRecommendation(db, '2015-R02', actor))?.status).toBe('STALLED');

    const asked = await db.recommendation.findUniqueOrThrow({ where: { code: '2015-R03' }, select: { id: true } });
    const recurrence = await getRecurrence(db, asked.id, actor);
    expect(recurrence.askedBefore).toHaveLength(1);
    expect(recurrence.askedBefore[0]!.code).toMatch(/^2012-/);
  });

  it('fills what later migrations added: the list sorts by priority, and items take new writes', async () => {
    const actor = await restoredEditor();
    const page = await listRecommendations(db, recommendationFiltersSchema.parse({ sort: 'priority', dir: 'desc', pageSize: 50 }), actor);
    const priorities = page.items.map((item) => item.priority);
    expect(priorities).toHaveLength(19);
    const rank = { HIGH: 3, MEDIUM: 2, LOW: 1 } as const;
    expect(priorities.map((p) => rank[p])).toEqual([...priorities.map((p) => rank[p])].sort((a, b) => b - a));
    expect(new Set(priorities)).toEqual(new Set(['HIGH', 'MEDIUM', 'LOW']));

    const item = await db.recommendation.findUniqueOrThrow({ where: { code: '2015-R02' }, select: { id: true, version: true, archived: true } });
    expect(item.archived).toBe(false);
    const changed = await changeStatusNow(
      db,
      { recommendationId: item.id, expectedVersion: item.version, status: 'IN_PROGRESS', effectiveDate: new Date(Date.UTC(2019, 2, 1)), note: 'Budget found.' },
      actor,
    );
    expect(changed.version).toBe(item.version + 1);
    expect(await db.auditLog.count({ where: { entityId: item.id, actorId: actor.id } })).toBeGreaterThan(0);
  });

  it('keeps a progress tally equal to one rebuilt from the restored history, and backs up at the new schema', async () => {
    const report = await getProgressReport(db, DEFAULT_PROGRESS_QUERY);
    await db.$transaction((tx) => rebuildProgressTally(tx, 'all'));
    expect(await getProgressReport(db, DEFAULT_PROGRESS_QUERY)).toEqual(report);

    const again = await createBackup(database.url, path.join(dir, 'after-upgrade.tar.gz'), SYSTEM_ACTOR);
    expect(again.manifest.schema.version).toBe(restored.migrations.at(-1));
    expect(again.manifest.tables.find((t) => t.name === 'Recommendation')!.columns.map((c) => c.name)).toContain('priorityRank');
  });
});
