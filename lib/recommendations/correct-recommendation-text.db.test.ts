import { afterAll, describe, expect, it } from 'vitest';
import { httpRefusal, readerActor } from '@/lib/test/refusal';
import { seedRecommendation } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { recommendationFiltersSchema, searchParamsToObject } from '@/lib/validations/recommendation-filters';
import { correctRecommendationText } from './correct-recommendation-text';
import { getRecommendation } from './get-recommendation';
import { listRecommendations } from './list-recommendations';

const db = testDb();
afterAll(() => db.$disconnect());

// The factory's item: its text is exactly its span of the seminar's report.
const ORIGINAL = 'Both governments should set up a joint working group on trade facilitation.';

async function editor() {
  return (await seedUser(db, { role: 'EDITOR' })).actor;
}

describe('correct a recommendation’s text', () => {
  it('correct: the new text is saved; the earlier one stays in its history and the audit log; the page says it no longer matches the report', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    const before = (await getRecommendation(db, item.id, readerActor()))!;
    expect(before.provenance.textDiffersFromSource).toBe(false);

    const result = await correctRecommendationText(
      db,
      {
        recommendationId: item.id,
        expectedVersion: 1,
        title: 'Joint working group on customs',
        text: 'Both governments should set up a joint working group on customs.',
        reason: 'Typing error.',
      },
      actor,
    );
    expect(result).toMatchObject({ version: 2, changed: true });

    const after = (await getRecommendation(db, item.id, readerActor()))!;
    expect(after).toMatchObject({
      title: 'Joint working group on customs',
      text: 'Both governments should set up a joint working group on customs.',
      version: 2,
    });
    expect(after.provenance.textDiffersFromSource).toBe(true);
    expect(after.textRevisions).toHaveLength(1);
    expect(after.textRevisions[0]).toMatchObject({
      fromText: ORIGINAL,
      toText: after.text,
      fromTitle: 'Working group 1',
      reason: 'Typing error.',
      author: { id: actor.id },
    });
    const [audit] = await auditRows(db, item.id, 'recommendation.correct_text');
    expect(JSON.parse(audit!.before!)).toMatchObject({ text: ORIGINAL, version: 1 });
    expect(JSON.parse(audit!.after!)).toMatchObject({ text: after.text, version: 2 });

    // The search finds the new wording, not the old.
    const search = (q: string) =>
      listRecommendations(db, recommendationFiltersSchema.parse(searchParamsToObject(new URLSearchParams({ q, seminar: item.seminarId }))), readerActor());
    expect((await search('working group on customs')).items.map((row) => row.code)).toEqual([item.code]);
    expect((await search('trade facilitation')).items).toEqual([]);

    // Corrected back to the report's wording, it matches again.
    await correctRecommendationText(db, { recommendationId: item.id, expectedVersion: 2, title: 'Working group 1', text: ORIGINAL }, actor);
    expect((await getRecommendation(db, item.id, readerActor()))!.provenance.textDiffersFromSource).toBe(false);
  });

  it('correct: a stale version is a 409 naming who corrected it, and nothing is written', async () => {
    const item = await seedRecommendation(db);
    const first = await editor();
    await correctRecommendationText(db, { recommendationId: item.id, expectedVersion: 1, title: 'T', text: 'First correction.' }, first);
    const refusal = await httpRefusal(
      correctRecommendationText(db, { recommendationId: item.id, expectedVersion: 1, title: 'T', text: 'Second correction.' }, await editor()),
    );
    expect(refusal.status).toBe(409);
    expect(refusal.code).toBe('version_conflict');
    expect(refusal.message).toMatch(/corrected the text of/);
    expect(await db.recommendationTextRevision.count({ where: { recommendationId: item.id } })).toBe(1);
  });

  it('correct: the same text again writes nothing; an unknown item is a 404', async () => {
    const item = await seedRecommendation(db);
    const result = await correctRecommendationText(
      db,
      { recommendationId: item.id, expectedVersion: 1, title: 'Working group 1', text: ORIGINAL },
      await editor(),
    );
    expect(result).toMatchObject({ changed: false, version: 1 });
    expect(await auditRows(db, item.id, 'recommendation.correct_text')).toHaveLength(0);
    expect(
      (await httpRefusal(correctRecommendationText(db, { recommendationId: 'nope', expectedVersion: 1, title: 'T', text: 'X' }, await editor()))).status,
    ).toBe(404);
  });
});
