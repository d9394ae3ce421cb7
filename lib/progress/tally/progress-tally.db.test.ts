// The progress tally is kept current by every write path that changes what it counts (an item's
// status history, primary theme, owner sectors, archived flag): after each one, the stored rows
// equal the tally recomputed from the items' history as it stands.
//
// WRITE_PATHS is the one place to list a write path. The last test scans lib/ for code that writes
// recommendations, their history or sectors (or moves the tally), and fails for a file that is
// neither in WRITE_PATHS nor in BUILDING_BLOCKS. ARCHITECTURE.md, "Adding a write path".
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SYSTEM_ACTOR, type Actor } from '@/lib/auth/actor';
import type { Db } from '@/lib/db';
import { createClient } from '@/lib/db/client';
import { migrate } from '@/lib/db/migrate';
import { parseDateOnly, today } from '@/lib/dates';
import { loadDemoData } from '@/lib/demo/demo-data';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { editEvidence } from '@/lib/evidence/edit-evidence';
import { removeEvidence } from '@/lib/evidence/remove-evidence';
import { addRecommendation } from '@/lib/recommendations/add-recommendation';
import { confirmImportDraft } from '@/lib/import/confirm-import-draft';
import { createImportDraft } from '@/lib/import/create-import-draft';
import { SAMPLE_REPORT } from '@/lib/import/test-sample-report';
import { updateImportDraft } from '@/lib/import/update-import-draft';
import { confirmImportDraftSchema, updateImportDraftSchema } from '@/lib/validations/import-draft';
import { bulkUpdateRecommendations } from '@/lib/recommendations/bulk-update';
import { correctRecommendationText } from '@/lib/recommendations/correct-recommendation-text';
import { restoreRecommendation, withdrawRecommendation } from '@/lib/recommendations/withdraw-recommendation';
import { updateRecommendation } from '@/lib/recommendations/update-recommendation';
import { runSeed } from '@/lib/seminars/seed/run-seed';
import { changeStatusNow } from '@/lib/status/change-status';
import { mergeTerms } from '@/lib/taxonomy/merge-terms';
import { assertLocalTestServer, databaseUrlOn } from '@/lib/test/local-database';
import { seedRecommendations, seedVocabulary, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { testDb, testProvider, uniqueId } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { bulkUpdateSchema } from '@/lib/validations/bulk-update';
import { mergeTermsSchema } from '@/lib/validations/taxonomy';
import { getProgressSeries } from '../progress-series';
import { dashboardQuarters } from '../quarters';
import { readItemTally } from './tally-rows';
import { withProgressTally } from './with-progress-tally';
import type { TallyRow } from './tally-sql';

const db = testDb();
afterAll(() => db.$disconnect());

/** What a write path gets: four items of one seminar (2016-02-10), two themes and two sectors, two users. */
type Scene = {
  a: SeededRecommendation;
  b: SeededRecommendation;
  c: SeededRecommendation;
  d: SeededRecommendation;
  themes: [string, string];
  sectors: [string, string];
  editor: Actor & { id: string; role: 'EDITOR' };
  admin: Actor & { id: string; role: 'ADMIN' };
  /** The evidence note the evidence paths add, edit and remove. */
  evidence: { id: string; version: number };
  /** The item the hand-entry paths add to the seminar (then withdraw, restore, correct). */
  added: { id: string };
  /** The items a confirmed report import created, and their seminar. */
  imported: string[];
  importedSeminarId?: string;
};

const day = (text: string) => parseDateOnly(text)!;
const version = async (item: { id: string }) => (await db.recommendation.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } })).version;
const status = async (s: Scene, item: SeededRecommendation, to: 'IN_PROGRESS' | 'STALLED', effectiveDate: Date, note: string) =>
  changeStatusNow(db, { recommendationId: item.id, expectedVersion: await version(item), status: to, effectiveDate, note }, s.editor);
const setArchived = (item: { id: string }, archived: boolean) =>
  withProgressTally(db, [item.id], () => db.recommendation.update({ where: { id: item.id }, data: { archived } }));

type WritePath = {
  name: string;
  /** The module of the operation, for the scan below. */
  file: string;
  /** Runs the operation once; the only line to change when an operation's signature does. */
  run: (s: Scene) => Promise<unknown>;
};

/** Run in order, each on what the ones before it left. */
const WRITE_PATHS: WritePath[] = [
  { name: 'status change today', file: 'lib/status/change-status.ts', run: (s) => status(s, s.a, 'IN_PROGRESS', today(), 'Desk set up.') },
  // Back-dated into earlier quarters, in front of the current status.
  { name: 'status change back-dated', file: 'lib/status/change-status.ts', run: (s) => status(s, s.a, 'STALLED', day('2018-05-02'), 'Funding froze.') },
  {
    name: 'status change back-dated, another item',
    file: 'lib/status/change-status.ts',
    run: (s) => status(s, s.b, 'IN_PROGRESS', day('2017-01-15'), 'Started.'),
  },
  // Appended after the current status (the tally's difference read off the one change): in the
  // quarter the current status began, then on the same day again, then later.
  {
    name: 'status change appended, same quarter',
    file: 'lib/status/change-status.ts',
    run: (s) => status(s, s.c, 'IN_PROGRESS', day('2016-03-01'), 'Kick-off.'),
  },
  { name: 'status change appended, same day', file: 'lib/status/change-status.ts', run: (s) => status(s, s.c, 'STALLED', day('2016-03-01'), 'Halted.') },
  { name: 'status change appended, later', file: 'lib/status/change-status.ts', run: (s) => status(s, s.c, 'IN_PROGRESS', day('2019-08-20'), 'Resumed.') },
  {
    name: 'recommendation update: primary theme and owner sectors',
    file: 'lib/recommendations/update-recommendation.ts',
    run: async (s) =>
      updateRecommendation(db, s.c.id, { expectedVersion: await version(s.c), primaryThemeId: s.themes[1], sectorIds: [s.sectors[0], s.sectors[1]] }, s.editor),
  },
  {
    name: 'bulk update: theme',
    file: 'lib/recommendations/bulk-update.ts',
    run: async (s) =>
      bulkUpdateRecommendations(
        db,
        { target: { kind: 'items', items: [{ id: s.d.id, expectedVersion: await version(s.d) }] }, change: { operation: 'theme', themeId: s.themes[1] } },
        s.editor,
      ),
  },
  {
    name: 'bulk update: add a sector',
    file: 'lib/recommendations/bulk-update.ts',
    run: async (s) =>
      bulkUpdateRecommendations(
        db,
        {
          target: { kind: 'items', items: [{ id: s.a.id, expectedVersion: await version(s.a) }] },
          change: { operation: 'sector', sectorMode: 'add', sectorIds: [s.sectors[1]] },
        },
        s.editor,
      ),
  },
  {
    name: 'bulk update: status',
    file: 'lib/recommendations/bulk-update.ts',
    run: async (s) =>
      bulkUpdateRecommendations(
        db,
        {
          target: { kind: 'items', items: [{ id: s.b.id, expectedVersion: await version(s.b) }] },
          change: { operation: 'status', status: 'STALLED', effectiveDate: today(), note: 'Paused.' },
        },
        s.editor,
      ),
  },
  {
    name: 'bulk update: every match of a filter',
    file: 'lib/recommendations/bulk-update.ts',
    run: (s) =>
      bulkUpdateRecommendations(
        db,
        bulkUpdateSchema.parse({
          scope: 'all',
          query: `seminar=${s.a.seminarId}`,
          expectedCount: 4,
          asOf: new Date().toISOString(),
          operation: 'theme',
          themeId: s.themes[0],
        }),
        s.editor,
      ),
  },
  // Evidence moves the current status's cache and the last activity, not what the tally counts.
  {
    name: 'evidence add',
    file: 'lib/evidence/add-evidence.ts',
    run: async (s) => (s.evidence = await addEvidence(db, s.b.id, { body: 'Minutes of the first meeting.', evidenceDate: day('2017-02-01') }, s.editor)),
  },
  {
    name: 'evidence edit',
    file: 'lib/evidence/edit-evidence.ts',
    run: async (s) =>
      editEvidence(
        db,
        { evidenceId: s.evidence.id, expectedVersion: s.evidence.version, body: 'Minutes of the first two meetings.', evidenceDate: day('2017-03-01') },
        s.editor,
      ),
  },
  { name: 'evidence remove', file: 'lib/evidence/remove-evidence.ts', run: (s) => removeEvidence(db, { evidenceId: s.evidence.id }, s.editor) },
  // An archived (withdrawn) item is not counted; it takes no change until restored
  // (withdraw-recommendation.db.test.ts), so the next write it sees is the restore.
  { name: 'archive (withProgressTally)', file: 'lib/progress/tally/with-progress-tally.ts', run: (s) => setArchived(s.d, true) },
  { name: 'restore (withProgressTally)', file: 'lib/progress/tally/with-progress-tally.ts', run: (s) => setArchived(s.d, false) },
  // Entry by hand: a new item enters the tally; withdrawing takes it out, restoring puts it back.
  {
    name: 'add a recommendation by hand',
    file: 'lib/recommendations/create-recommendations.ts',
    run: async (s) => {
      s.added = await addRecommendation(
        db,
        s.a.seminarId,
        { text: 'Open a trade office in each capital.', primaryThemeId: s.themes[0], sectorIds: [s.sectors[0]] },
        s.editor,
      );
    },
  },
  {
    name: 'withdraw',
    file: 'lib/recommendations/withdraw-recommendation.ts',
    run: async (s) => withdrawRecommendation(db, { recommendationId: s.added.id, expectedVersion: await version(s.added), reason: 'Entered twice.' }, s.editor),
  },
  {
    name: 'restore',
    file: 'lib/recommendations/withdraw-recommendation.ts',
    run: async (s) => restoreRecommendation(db, { recommendationId: s.added.id, expectedVersion: await version(s.added) }, s.editor),
  },
  {
    name: 'correct the text (counts nothing new)',
    file: 'lib/recommendations/correct-recommendation-text.ts',
    run: async (s) =>
      correctRecommendationText(
        db,
        { recommendationId: s.added.id, expectedVersion: await version(s.added), title: 'Trade offices', text: 'Open a trade office in both capitals.' },
        s.editor,
      ),
  },
  // A confirmed report import creates its items through the same building block, in its own transaction.
  {
    name: 'confirm a report import',
    file: 'lib/recommendations/create-recommendations.ts',
    run: async (s) => {
      const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, s.editor);
      const items = draft.items.map((item, index) => ({ ...item, themeId: s.themes[index % 2], sectorIds: [s.sectors[index % 2]] }));
      const saved = await updateImportDraft(db, updateImportDraftSchema.parse({ draftId: draft.id, expectedVersion: draft.version, items }), s.editor);
      const confirmed = await confirmImportDraft(
        db,
        confirmImportDraftSchema.parse({
          draftId: saved.id,
          expectedVersion: saved.version,
          seminar: { title: 'Imported', kind: 'SEMINAR', date: '2017-05-04' },
        }),
        s.editor,
      );
      s.imported = confirmed.recommendations.map((item) => item.id);
      s.importedSeminarId = confirmed.seminar.id;
    },
  },
  // Merging moves items from one term to the other; the merged term keeps no rows (checked below).
  {
    name: 'term merge: themes',
    file: 'lib/taxonomy/merge-terms.ts',
    run: (s) => mergeTerms(db, mergeTermsSchema.parse({ kind: 'theme', sourceId: s.themes[1], targetId: s.themes[0], confirm: 'yes' }), s.admin),
  },
  {
    name: 'term merge: sectors',
    file: 'lib/taxonomy/merge-terms.ts',
    run: (s) => mergeTerms(db, mergeTermsSchema.parse({ kind: 'sector', sourceId: s.sectors[1], targetId: s.sectors[0], confirm: 'yes' }), s.admin),
  },
];

/**
 * Write paths that create or rewrite every item of a database, run on a fresh, empty one of their
 * own (the worker's database is shared with other test files), whose whole tally is then compared.
 */
const WHOLE_DATABASE_PATHS: { name: string; file: string; run: (fresh: Db) => Promise<unknown> }[] = [
  // The seed creates its items through the shared building block.
  { name: 'seed', file: 'lib/recommendations/create-recommendations.ts', run: (fresh) => runSeed(fresh, SYSTEM_ACTOR) },
  { name: 'demo data', file: 'lib/demo/demo-data.ts', run: (fresh) => loadDemoData(fresh, SYSTEM_ACTOR) },
];

/** Files that write what the tally counts only as part of the operations above, in their transaction. */
const BUILDING_BLOCKS: Record<string, string> = {
  'lib/status/recompute-status.ts': "the current status's cache on the item, from its history",
  'lib/recommendations/version-conflict.ts': "the item's version",
};

const sortRows = (rows: TallyRow[]) =>
  rows
    .map((row) => ({ ...row }))
    .sort((x, y) => JSON.stringify([x.sectorId, x.themeId, x.status, x.quarter]).localeCompare(JSON.stringify([y.sectorId, y.themeId, y.status, y.quarter])));

/** The stored rows (of the given themes and sectors; all of them without), rows whose moves cancelled out to 0 left out. */
async function storedTally(client: Db, only?: { themes: string[]; sectors: string[] }): Promise<TallyRow[]> {
  const [themeRows, sectorRows] = await Promise.all([
    client.progressTally.findMany({ where: { ...(only ? { themeId: { in: only.themes } } : {}), moves: { not: 0 } } }),
    client.sectorProgressTally.findMany({ where: { ...(only ? { sectorId: { in: only.sectors } } : {}), moves: { not: 0 } } }),
  ]);
  return sortRows([...themeRows.map((row) => ({ ...row, sectorId: null })), ...sectorRows]);
}

/** The same rows recomputed from scratch from the history of the given items. */
async function recomputedTally(client: Db, itemIds: string[]): Promise<TallyRow[]> {
  return sortRows([...(await readItemTally(client, itemIds)).values()].filter((row) => row.moves !== 0));
}

/** A fresh, migrated, empty database on the test server (SQLite: a temporary file), dropped by `drop`. */
async function freshDatabase(): Promise<{ client: Db; drop: () => Promise<void> }> {
  if (testProvider() === 'postgresql') {
    const serverUrl = inject('postgresServerUrl')!;
    assertLocalTestServer(serverUrl);
    const name = `tracker_test_${uniqueId('fresh').toLowerCase()}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = databaseUrlOn(serverUrl, name);
    await migrate(url);
    const client = createClient(url);
    return {
      client,
      drop: async () => {
        await client.$disconnect();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-tally-'));
  const url = `file:${path.join(dir, 'fresh.db')}`;
  await migrate(url);
  const client = createClient(url);
  return {
    client,
    drop: async () => {
      await client.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('progress tally', () => {
  let scene: Scene;
  let itemIds: string[];
  /** The seeded items, and the one added by hand once it is. */
  const allIds = () => [...itemIds, ...(scene.added.id ? [scene.added.id] : []), ...scene.imported];
  const expectTallyCurrent = async () =>
    expect(await storedTally(db, { themes: scene.themes, sectors: scene.sectors })).toEqual(await recomputedTally(db, allIds()));

  beforeAll(async () => {
    const items = await seedRecommendations(db, { seminarDate: '2016-02-10', count: 4 });
    const first = await db.recommendation.findUniqueOrThrow({
      where: { id: items[0]!.id },
      select: { primaryThemeId: true, sectors: { select: { sectorId: true } } },
    });
    const [a, b, c, d] = items as [SeededRecommendation, SeededRecommendation, SeededRecommendation, SeededRecommendation];
    const editor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const admin = (await seedUser(db, { role: 'ADMIN' })).actor;
    scene = {
      a,
      b,
      c,
      d,
      themes: [first.primaryThemeId, await seedVocabulary(db, 'theme')],
      sectors: [first.sectors[0]!.sectorId, await seedVocabulary(db, 'sector')],
      editor: { ...editor, role: 'EDITOR' },
      admin: { ...admin, role: 'ADMIN' },
      evidence: { id: '', version: 0 },
      added: { id: '' },
      imported: [],
    };
    itemIds = items.map((item) => item.id);
  });

  it('tally: current for the seeded items before any change', async () => {
    await expectTallyCurrent();
    expect((await storedTally(db, { themes: scene.themes, sectors: scene.sectors })).length).toBeGreaterThan(0);
  });

  for (const writePath of WRITE_PATHS) {
    it(`tally: current after ${writePath.name}`, async () => {
      await writePath.run(scene);
      await expectTallyCurrent();
    });
  }

  it('tally: a merged theme or sector keeps no rows', async () => {
    const rows = await storedTally(db, { themes: scene.themes, sectors: scene.sectors });
    expect(rows.some((row) => row.themeId === scene.themes[1] || row.sectorId === scene.sectors[1])).toBe(false);
  });

  it('tally: the dashboard series as of today reads it, and counts every item of the theme', async () => {
    const asOf = today();
    const quarters = dashboardQuarters({ firstSeminarDate: day('2016-02-10'), asOf });
    const [series] = await getProgressSeries(db, { by: 'theme', scope: { seminar: [], theme: [scene.themes[0]], sector: [] }, quarters, asOf });
    // The same question with a seminar filter is answered from the history, not the tally.
    const seminars = [scene.a.seminarId, ...(scene.importedSeminarId ? [scene.importedSeminarId] : [])];
    const [fromHistory] = await getProgressSeries(db, { by: 'theme', scope: { seminar: seminars, theme: [scene.themes[0]], sector: [] }, quarters, asOf });
    expect(series?.points).toEqual(fromHistory?.points);
    expect(series?.points.at(-1)?.items).toBe(allIds().length);
  });

  it('tally: current on a fresh database after each whole-database write path (seed, demo data)', { timeout: 120_000 }, async () => {
    const fresh = await freshDatabase();
    try {
      for (const writePath of WHOLE_DATABASE_PATHS) {
        await writePath.run(fresh.client);
        const ids = (await fresh.client.recommendation.findMany({ select: { id: true } })).map((item) => item.id);
        expect(ids.length, writePath.name).toBeGreaterThan(0);
        expect(await storedTally(fresh.client), writePath.name).toEqual(await recomputedTally(fresh.client, ids));
      }
    } finally {
      await fresh.drop();
    }
  });

  it('tally: every write path of lib/ is in this file (WRITE_PATHS, WHOLE_DATABASE_PATHS or BUILDING_BLOCKS)', () => {
    const listed = new Set([...WRITE_PATHS, ...WHOLE_DATABASE_PATHS].map((writePath) => writePath.file).concat(Object.keys(BUILDING_BLOCKS)));
    const writers = sourceFiles('lib').filter((file) => WRITES_WHAT_THE_TALLY_COUNTS.test(readFileSync(file, 'utf8')));
    expect(writers.filter((file) => !listed.has(file))).toEqual([]);
    // And nothing listed that no longer writes (a moved or renamed module).
    expect([...listed].filter((file) => !writers.includes(file) && !file.startsWith('lib/progress/tally/'))).toEqual([]);
  });
});

/**
 * Code that writes an item's row, history or sectors (through Prisma, raw SQL or the building
 * blocks), or moves the tally itself. Reads (findMany, SELECT) do not match.
 */
const WRITES_WHAT_THE_TALLY_COUNTS =
  /\.(recommendation|statusChange|recommendationSector)\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\b|(INSERT INTO|UPDATE|DELETE FROM) "(Recommendation|StatusChange|RecommendationSector)"|\b(withProgressTally|addToTally|addItemsToTally|rebuildProgressTally|recomputeCurrentStatus|bumpVersion)\(/;

/** lib/'s source, without tests, test helpers, the generated clients and the tally's own module. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((file) => path.join(dir, file).split(path.sep).join('/'))
    .filter((file) => /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !path.basename(file).startsWith('test-'))
    .filter((file) => !file.startsWith('lib/db/generated/') && !file.startsWith('lib/test/') && !file.startsWith('lib/progress/tally/'));
}
