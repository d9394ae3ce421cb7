// The list's search reads the database's search index (migrations *_search_index), which triggers
// keep current. These tests change items and notes the way the app and an import do, then search.
import { afterAll, describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { editEvidence } from '@/lib/evidence/edit-evidence';
import { removeEvidence } from '@/lib/evidence/remove-evidence';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb, testProvider, uniqueId } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { recommendationFiltersSchema, searchParamsToObject } from '@/lib/validations/recommendation-filters';
import { listRecommendations } from './list-recommendations';
import { searchWhere } from './search-where';
import { readerActor } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

async function found(q: string, seminarId?: string): Promise<string[]> {
  const query = new URLSearchParams({ q, ...(seminarId ? { seminar: seminarId } : {}) });
  const page = await listRecommendations(db, recommendationFiltersSchema.parse(searchParamsToObject(query)), readerActor());
  return page.items.map((item) => item.code);
}

async function editor() {
  const user = await seedUser(db, { role: 'EDITOR' });
  return { ...user.actor, role: 'EDITOR' as const };
}

describe('search index: kept current by the database', () => {
  it('search index: a new recommendation is found by its code, title and text at once', async () => {
    const word = uniqueId('numbat');
    const [item] = await seedRecommendations(db, { count: 1 });
    expect(await found(word)).toEqual([]);
    await db.recommendation.update({ where: { id: item!.id }, data: { title: `Count the ${word} population` } });
    expect(await found(word)).toEqual([item!.code]);
    expect(await found(item!.code.toLowerCase())).toEqual([item!.code]);
    expect(await found('joint working group', item!.seminarId)).toEqual([item!.code]);
  });

  it('search index: a changed title is found by its new words, no longer by its old ones', async () => {
    const [before, after] = [uniqueId('bilby'), uniqueId('quoll')];
    const [item] = await seedRecommendations(db, { count: 1 });
    await db.recommendation.update({ where: { id: item!.id }, data: { title: `Study the ${before}` } });
    await db.recommendation.update({ where: { id: item!.id }, data: { title: `Study the ${after}`, text: `Fund the ${after} survey.` } });
    expect(await found(before)).toEqual([]);
    expect(await found(after)).toEqual([item!.code]);
  });

  it('search index: an evidence note is found once added, by its new words once edited, and not once removed', async () => {
    const [first, second] = [uniqueId('dugong'), uniqueId('cassowary')];
    const [item] = await seedRecommendations(db, { count: 1 });
    const actor = await editor();
    const note = await addEvidence(db, item!.id, { body: `Minister visited the ${first} reserve.`, evidenceDate: parseDateOnly('2020-03-02')! }, actor);
    expect(await found(first)).toEqual([item!.code]);

    await editEvidence(db, { evidenceId: note.id, expectedVersion: 1, body: `Budget for the ${second}.`, evidenceDate: parseDateOnly('2020-03-02')! }, actor);
    expect(await found(first)).toEqual([]);
    expect(await found(second)).toEqual([item!.code]);

    await removeEvidence(db, { evidenceId: note.id }, actor);
    expect(await found(second)).toEqual([]);
    // Notes are never deleted: a note brought back (deletedAt cleared) is searchable again.
    await db.evidenceNote.update({ where: { id: note.id }, data: { deletedAt: null } });
    expect(await found(second)).toEqual([item!.code]);
  });

  it('search index: one or two characters are searched too (the index needs three; the rest is read)', async () => {
    const [item] = await seedRecommendations(db, { count: 1 });
    await db.recommendation.update({ where: { id: item!.id }, data: { title: 'Adopt the Q7 standard' } });
    expect(await found('q7', item!.seminarId)).toEqual([item!.code]);
    expect(await found('7', item!.seminarId)).toEqual([item!.code]);
    expect(await found('q8', item!.seminarId)).toEqual([]);
  });
});

describe('search index: used by the search', () => {
  it('search index: a term too common to hand over by id finds the same items by reading their texts', async () => {
    const word = uniqueId('potoroo');
    const items = await seedRecommendations(db, { count: 4 });
    await db.recommendation.update({ where: { id: items[0]!.id }, data: { title: `Map the ${word}` } });
    await db.evidenceNote.create({ data: { recommendationId: items[2]!.id, body: `Saw a ${word.toUpperCase()}.`, evidenceDate: new Date('2020-01-01') } });
    const matching = async (maxIndexed: number) =>
      (await db.recommendation.findMany({ where: await searchWhere(db, word, maxIndexed), select: { code: true }, orderBy: { code: 'asc' } })).map(
        (row) => row.code,
      );
    const expected = [items[0]!.code, items[2]!.code];
    expect(await matching(100)).toEqual(expected);
    // Two matches, at most one by id: the texts are read instead.
    expect(await matching(1)).toEqual(expected);
  });

  it('search index: the items a term is found in are looked up once and handed to the list by id, on either database', async () => {
    // A relation filter instead makes the database probe each item's texts in the list's order
    // (PostgreSQL did, for a page of the list: 33 ms at the benchmark's M size, against 2 ms).
    const word = uniqueId('quokka');
    const items = await seedRecommendations(db, { count: 3 });
    await db.recommendation.update({ where: { id: items[1]!.id }, data: { title: `Count the ${word}s` } });
    expect(await searchWhere(db, word.toUpperCase())).toEqual({ id: { in: [items[1]!.id] } });
  });

  it('search index: a search term of three characters or more is looked up in the index, not by reading every text', async () => {
    const term = '%pipeline%';
    if (testProvider() === 'sqlite') {
      const plan = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN SELECT "recommendationId" FROM "SearchIndex" WHERE "body" LIKE ?`, term);
      // FTS5 reports the LIKE constraint it answers from its trigram index as "L<column>".
      expect(plan.map((row) => row.detail).join('\n')).toMatch(/VIRTUAL TABLE INDEX \d+:L/);
    } else {
      const plan = await db.$transaction(async (tx) => {
        // Small test tables would be scanned anyway: ask whether the index can answer at all.
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        return tx.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN SELECT "recommendationId" FROM "SearchText" WHERE "body" ILIKE $1`, term);
      });
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(/Index Scan on "SearchText_body_trgm_idx"/);
    }
  });
});
