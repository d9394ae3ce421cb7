// The progress tally is kept current by every operation that changes what it counts: after each one,
// the stored rows equal the tally recomputed from the items' history as it stands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDateOnly, today } from '@/lib/dates';
import { bulkUpdateRecommendations } from '@/lib/recommendations/bulk-update';
import { updateRecommendation } from '@/lib/recommendations/update-recommendation';
import { changeStatusNow } from '@/lib/status/change-status';
import { mergeTerms } from '@/lib/taxonomy/merge-terms';
import { seedRecommendations, seedVocabulary, type SeededRecommendation } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { mergeTermsSchema } from '@/lib/validations/taxonomy';
import { getProgressSeries } from '../progress-series';
import { dashboardQuarters } from '../quarters';
import { readItemTally } from './tally-rows';
import { withProgressTally } from './with-progress-tally';
import type { TallyRow } from './tally-sql';

const db = testDb();
afterAll(() => db.$disconnect());

let items: SeededRecommendation[] = [];
let themes: string[] = [];
let sectors: string[] = [];

beforeAll(async () => {
  items = await seedRecommendations(db, { seminarDate: '2016-02-10', count: 4 });
  const first = await db.recommendation.findUniqueOrThrow({ where: { id: items[0]!.id }, select: { primaryThemeId: true, sectors: { select: { sectorId: true } } } });
  themes = [first.primaryThemeId, await seedVocabulary(db, 'theme')];
  sectors = [first.sectors[0]!.sectorId, await seedVocabulary(db, 'sector')];
});

const sortRows = (rows: TallyRow[]) =>
  rows.map((row) => ({ ...row })).sort((a, b) => JSON.stringify([a.sectorId, a.themeId, a.status, a.quarter]).localeCompare(JSON.stringify([b.sectorId, b.themeId, b.status, b.quarter])));

/** The stored rows of this file's themes and sectors (rows whose moves cancelled out to 0 are not rows). */
async function storedTally(): Promise<TallyRow[]> {
  const [themeRows, sectorRows] = await Promise.all([
    db.progressTally.findMany({ where: { themeId: { in: themes }, moves: { not: 0 } } }),
    db.sectorProgressTally.findMany({ where: { sectorId: { in: sectors }, moves: { not: 0 } } }),
  ]);
  return sortRows([...themeRows.map((row) => ({ ...row, sectorId: null })), ...sectorRows]);
}

/** The same rows recomputed from scratch from the history of every item of this file. */
async function recomputedTally(): Promise<TallyRow[]> {
  return sortRows([...(await readItemTally(db, items.map((item) => item.id))).values()].filter((row) => row.moves !== 0));
}

async function version(item: SeededRecommendation): Promise<number> {
  return (await db.recommendation.findUniqueOrThrow({ where: { id: item.id }, select: { version: true } })).version;
}

async function expectTallyCurrent() {
  expect(await storedTally()).toEqual(await recomputedTally());
}

describe('progress tally', () => {
  it('tally: stays equal to the history through status changes, edits, bulk edits and merges', async () => {
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const admin = (await seedUser(db, { role: 'ADMIN' })).actor;
    const [a, b, c, d] = items as [SeededRecommendation, SeededRecommendation, SeededRecommendation, SeededRecommendation];
    await expectTallyCurrent();
    expect((await storedTally()).length).toBeGreaterThan(0);

    // A change today, and one back-dated into an earlier quarter, in front of the first.
    await changeStatusNow(db, { recommendationId: a.id, expectedVersion: await version(a), status: 'IN_PROGRESS', effectiveDate: today(), note: 'Desk set up.' }, actor);
    await expectTallyCurrent();
    await changeStatusNow(db, { recommendationId: a.id, expectedVersion: await version(a), status: 'STALLED', effectiveDate: parseDateOnly('2018-05-02')!, note: 'Funding froze.' }, actor);
    await changeStatusNow(db, { recommendationId: b.id, expectedVersion: await version(b), status: 'IN_PROGRESS', effectiveDate: parseDateOnly('2017-01-15')!, note: 'Started.' }, actor);
    await expectTallyCurrent();
    // Changes after the current one, read off the item without the history: in the quarter the
    // current status began (seminar 2016-02-10), then on the same day again.
    await changeStatusNow(db, { recommendationId: c.id, expectedVersion: await version(c), status: 'IN_PROGRESS', effectiveDate: parseDateOnly('2016-03-01')!, note: 'Kick-off.' }, actor);
    await expectTallyCurrent();
    await changeStatusNow(db, { recommendationId: c.id, expectedVersion: await version(c), status: 'STALLED', effectiveDate: parseDateOnly('2016-03-01')!, note: 'Halted.' }, actor);
    await expectTallyCurrent();
    await changeStatusNow(db, { recommendationId: c.id, expectedVersion: await version(c), status: 'IN_PROGRESS', effectiveDate: parseDateOnly('2019-08-20')!, note: 'Resumed.' }, actor);
    await expectTallyCurrent();

    // The item's primary theme and owner sectors: what the tally counts items under.
    await updateRecommendation(db, c.id, { expectedVersion: await version(c), primaryThemeId: themes[1]!, sectorIds: [sectors[0]!, sectors[1]!] }, actor);
    await expectTallyCurrent();
    await bulkUpdateRecommendations(db, { target: { kind: 'items', items: [{ id: d.id, expectedVersion: await version(d) }] }, change: { operation: 'theme', themeId: themes[1]! } }, actor);
    await bulkUpdateRecommendations(
      db,
      { target: { kind: 'items', items: [{ id: a.id, expectedVersion: await version(a) }] }, change: { operation: 'sector', sectorMode: 'add', sectorIds: [sectors[1]!] } },
      actor,
    );
    await bulkUpdateRecommendations(
      db,
      { target: { kind: 'items', items: [{ id: b.id, expectedVersion: await version(b) }] }, change: { operation: 'status', status: 'STALLED', effectiveDate: today(), note: 'Paused.' } },
      actor,
    );
    await expectTallyCurrent();
    // An archived item is not counted, before or after a change.
    await withProgressTally(db, [d.id], () => db.recommendation.update({ where: { id: d.id }, data: { archived: true } }));
    await changeStatusNow(db, { recommendationId: d.id, expectedVersion: await version(d), status: 'IN_PROGRESS', effectiveDate: today(), note: 'Archived, still moving.' }, actor);
    await expectTallyCurrent();
    await withProgressTally(db, [d.id], () => db.recommendation.update({ where: { id: d.id }, data: { archived: false } }));
    await expectTallyCurrent();
    const beforeMerge = await storedTally();
    expect(beforeMerge.some((row) => row.themeId === themes[1])).toBe(true);

    // Merging moves items from one term to the other: the merged term keeps no rows.
    await mergeTerms(db, mergeTermsSchema.parse({ kind: 'theme', sourceId: themes[1], targetId: themes[0], confirm: 'yes' }), admin);
    await mergeTerms(db, mergeTermsSchema.parse({ kind: 'sector', sourceId: sectors[1], targetId: sectors[0], confirm: 'yes' }), admin);
    await expectTallyCurrent();
    const afterMerge = await storedTally();
    expect(afterMerge.some((row) => row.themeId === themes[1] || row.sectorId === sectors[1])).toBe(false);
  });

  it('tally: the dashboard series as of today reads it, and counts every item of the theme', async () => {
    const asOf = today();
    const quarters = dashboardQuarters({ firstSeminarDate: parseDateOnly('2016-02-10')!, asOf });
    const [series] = await getProgressSeries(db, { by: 'theme', scope: { seminar: [], theme: [themes[0]!], sector: [] }, quarters, asOf });
    // The same question with a seminar filter is answered from the history, not the tally.
    const [fromHistory] = await getProgressSeries(db, { by: 'theme', scope: { seminar: [items[0]!.seminarId], theme: [themes[0]!], sector: [] }, quarters, asOf });
    expect(series?.points).toEqual(fromHistory?.points);
    expect(series?.points.at(-1)?.items).toBe(items.length);
  });
});
