import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDateOnly } from '@/lib/dates';
import { createSeminar } from '@/lib/seminars/create-seminar';
import { httpRefusal, readerActor } from '@/lib/test/refusal';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { createSeminarSchema } from '@/lib/validations/seminar';
import { addRecommendationSchema } from '@/lib/validations/recommendation';
import { addRecommendation, titleFromText } from './add-recommendation';
import { getRecommendation } from './get-recommendation';
import { withdrawRecommendation } from './withdraw-recommendation';

const db = testDb();
afterAll(() => db.$disconnect());

const SOURCE =
  'Report of the round table\n\nRecommendations\n\n1. Both governments should open\n   a joint trade office in each capital.\n\n2. Visas for students should be issued within a month.\n';

let year = 1100 + Math.floor(Math.random() * 700);
let editor: Awaited<ReturnType<typeof seedUser>>['actor'];
let themeId: string;
let sectorId: string;

async function seminar(sourceText = SOURCE) {
  return createSeminar(db, createSeminarSchema.parse({ title: 'Hand entry', kind: 'ROUND_TABLE', date: `${year++}-04-20`, sourceText }), editor);
}

const add = (seminarId: string, body: Record<string, unknown>) =>
  addRecommendation(db, seminarId, addRecommendationSchema.parse({ primaryThemeId: themeId, sectorIds: [sectorId], ...body }), editor);

beforeAll(async () => {
  editor = (await seedUser(db, { role: 'EDITOR' })).actor;
  themeId = await seedVocabulary(db, 'theme');
  sectorId = await seedVocabulary(db, 'sector');
});

describe('add a recommendation by hand', () => {
  it('add: codes follow the seminar prefix, R01, R02, ...; the item starts NOT_STARTED on the seminar date with history and audit', async () => {
    const held = await seminar();
    const first = await add(held.id, {
      text: 'Both governments should open a joint trade office in each capital.',
      priority: 'HIGH',
      targetDate: '2030-01-31',
    });
    const second = await add(held.id, { text: 'Something the report does not say.' });
    expect([first.code, second.code]).toEqual([`${held.codePrefix}-R01`, `${held.codePrefix}-R02`]);

    const item = (await getRecommendation(db, first.id, readerActor()))!;
    expect(item).toMatchObject({ status: 'NOT_STARTED', priority: 'HIGH', version: 1, archived: false, withdrawal: null, position: 1 });
    expect(toDateOnly(item.statusDate)).toBe(toDateOnly(held.date));
    expect(toDateOnly(item.targetDate!)).toBe('2030-01-31');
    expect(item.primaryTheme.id).toBe(themeId);
    expect(item.sectors.map((sector) => sector.id)).toEqual([sectorId]);
    expect(item.history).toHaveLength(1);
    expect(item.history[0]).toMatchObject({ fromStatus: null, toStatus: 'NOT_STARTED' });
    expect(toDateOnly(item.history[0]!.effectiveDate)).toBe(toDateOnly(held.date));
    const audit = await auditRows(db, first.id, 'recommendation.create');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(editor.id);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ code: first.code, status: 'NOT_STARTED' });
  });

  it('add: a text found in the report (whitespace aside) gets its span; one that is not, or a seminar without report, gets none', async () => {
    const held = await seminar();
    const found = await add(held.id, { text: 'Both governments should open a joint trade office in each capital.' });
    const notFound = await add(held.id, { text: 'Both governments should open an embassy.' });
    const item = (await getRecommendation(db, found.id, readerActor()))!;
    expect(item.provenance.span).toMatchObject({ lineStart: 5, lineEnd: 6 });
    expect(SOURCE.slice(item.provenance.span!.sourceStart, item.provenance.span!.sourceEnd)).toBe(
      'Both governments should open\n   a joint trade office in each capital.',
    );
    expect((await getRecommendation(db, notFound.id, readerActor()))!.provenance.span).toBeNull();

    const bare = await seminar('');
    const withoutReport = await add(bare.id, { text: 'Both governments should open a joint trade office in each capital.' });
    expect((await getRecommendation(db, withoutReport.id, readerActor()))!.provenance).toMatchObject({
      span: null,
      sourceFileName: null,
      textDiffersFromSource: false,
    });
  });

  it('add: positions are never reused: after a withdrawn R02 the next item is R03', async () => {
    const held = await seminar();
    await add(held.id, { text: 'First.' });
    const second = await add(held.id, { text: 'Second, entered by mistake.' });
    await withdrawRecommendation(db, { recommendationId: second.id, expectedVersion: 1, reason: 'Entered by mistake.' }, editor);
    const third = await add(held.id, { text: 'Third.' });
    expect(third.code).toBe(`${held.codePrefix}-R03`);
  });

  it('add: a blank title is made from the first sentence; defaults: first theme, no sector, medium priority', async () => {
    const held = await seminar();
    const created = await addRecommendation(
      db,
      held.id,
      addRecommendationSchema.parse({ text: 'Students should get visas within a month. Fees should fall.' }),
      editor,
    );
    const item = (await getRecommendation(db, created.id, readerActor()))!;
    const firstTheme = await db.theme.findFirstOrThrow({
      where: { mergedIntoId: null },
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
      select: { id: true },
    });
    expect(item).toMatchObject({ title: 'Students should get visas within a month', priority: 'MEDIUM', sectors: [] });
    expect(item.primaryTheme.id).toBe(firstTheme.id);
    expect(titleFromText('x '.repeat(200)).length).toBeLessThanOrEqual(100);
  });

  it('add: a merged theme or unknown sector is refused next to its field (422), and nothing is written', async () => {
    const held = await seminar();
    const merged = await seedVocabulary(db, 'theme', { mergedIntoId: themeId });
    const refusal = await httpRefusal(add(held.id, { text: 'Refused.', primaryThemeId: merged, sectorIds: ['no-such-sector'] }));
    expect(refusal.status).toBe(422);
    expect(Object.keys(refusal.fields ?? {}).sort()).toEqual(['primaryThemeId', 'sectorIds']);
    expect(await db.recommendation.count({ where: { seminarId: held.id } })).toBe(0);
  });

  it('add: editors adding to one seminar at the same moment take turns: distinct, consecutive codes', async () => {
    const held = await seminar();
    const created = await Promise.all(Array.from({ length: 4 }, (_, index) => add(held.id, { text: `At once ${index}.` })));
    expect(created.map((item) => item.code).sort()).toEqual([1, 2, 3, 4].map((n) => `${held.codePrefix}-R0${n}`));
  });

  it('add: an unknown seminar is a 404', async () => {
    const refusal = await httpRefusal(add('no-such-seminar', { text: 'Nowhere.' }));
    expect(refusal.status).toBe(404);
  });
});
