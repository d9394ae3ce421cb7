import { afterAll, describe, expect, it } from 'vitest';
import { parseDateOnly, today } from '@/lib/dates';
import { httpRefusal } from '@/lib/test/refusal';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { createSeminarSchema } from '@/lib/validations/seminar';
import { createSeminar } from './create-seminar';

const db = testDb();
afterAll(() => db.$disconnect());

/** A year no other test uses, so its prefixes are this test's alone. */
let nextYear = 1100 + Math.floor(Math.random() * 700);
const freshYear = () => nextYear++;

async function editor() {
  return (await seedUser(db, { role: 'EDITOR' })).actor;
}

const input = (date: string, extra: Record<string, unknown> = {}) =>
  createSeminarSchema.parse({ title: `Round table ${date}`, kind: 'ROUND_TABLE', date, ...extra });

describe('create seminar', () => {
  it('seminar: the first of a year gets the year as its code prefix, the next ones B, C, ...; existing prefixes stay', async () => {
    const actor = await editor();
    const year = freshYear();
    const first = await createSeminar(db, input(`${year}-03-01`), actor);
    const second = await createSeminar(db, input(`${year}-09-15`), actor);
    const third = await createSeminar(db, input(`${year}-01-10`), actor);
    expect([first.codePrefix, second.codePrefix, third.codePrefix]).toEqual([`${year}`, `${year}B`, `${year}C`]);
    expect(await db.seminar.findUnique({ where: { id: first.id }, select: { codePrefix: true } })).toEqual({ codePrefix: `${year}` });
    // The seeded-style prefixes of other years are untouched.
    expect(await db.seminar.count({ where: { codePrefix: { startsWith: String(year) } } })).toBe(3);
  });

  it('seminar: created at the same moment in one year, each gets its own prefix or a 409 to send it again, never a duplicate', async () => {
    const actor = await editor();
    const year = freshYear();
    const results = await Promise.allSettled([1, 2, 3].map((month) => createSeminar(db, input(`${year}-0${month}-01`), actor)));
    const prefixes = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value.codePrefix] : []));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    expect(prefixes.length).toBeGreaterThan(0);
    for (const result of results) {
      if (result.status === 'rejected') expect(result.reason).toMatchObject({ code: 'code_prefix_taken' });
    }
  });

  it('seminar: saved with its speakers and report text, and one audit row naming the editor', async () => {
    const actor = await editor();
    const year = freshYear();
    const seminar = await createSeminar(
      db,
      input(`${year}-05-05`, {
        venue: 'Islamabad',
        organiser: 'The institute',
        speakers: [
          { name: 'Dr. A', designation: 'Chair' },
          { name: 'Ms. B', designation: '' },
        ],
        sourceText: 'Report\r\n\r\nRecommendations\r\n1. Do it.\r\n',
        sourceFileName: 'report.txt',
      }),
      actor,
    );
    expect(seminar).toMatchObject({ venue: 'Islamabad', organiser: 'The institute', hasSourceText: true, sourceFileName: 'report.txt', version: 1 });
    const stored = await db.seminar.findUniqueOrThrow({
      where: { id: seminar.id },
      select: { sourceText: true, speakers: { orderBy: { position: 'asc' }, select: { name: true, designation: true } } },
    });
    expect(stored.sourceText).toBe('Report\n\nRecommendations\n1. Do it.\n');
    expect(stored.speakers).toEqual([
      { name: 'Dr. A', designation: 'Chair' },
      { name: 'Ms. B', designation: null },
    ]);
    const [audit] = await auditRows(db, seminar.id, 'seminar.create');
    expect(audit).toMatchObject({ actorId: actor.id, entityType: 'seminar' });
    expect(JSON.parse(audit!.after!)).toMatchObject({ codePrefix: `${year}`, title: `Round table ${year}-05-05`, source: 'report.txt' });
  });

  it('seminar: without report text it has none, and no file name', async () => {
    const seminar = await createSeminar(db, input(`${freshYear()}-02-02`, { sourceText: '   ', sourceFileName: 'empty.txt' }), await editor());
    expect(seminar).toMatchObject({ hasSourceText: false, sourceFileName: null, venue: null, organiser: null, speakers: [] });
  });

  it('seminar: a date in the future is refused (422, next to the date), and nothing is written', async () => {
    const tomorrow = new Date(today().getTime() + 86_400_000).toISOString().slice(0, 10);
    const before = await db.seminar.count();
    const refusal = await httpRefusal(createSeminar(db, input(tomorrow), await editor()));
    expect(refusal.status).toBe(422);
    expect(refusal.fields?.date?.[0]).toMatch(/future/);
    expect(await db.seminar.count()).toBe(before);
  });

  it('seminar: the input schema names every missing field', () => {
    const result = createSeminarSchema.safeParse({ kind: 'PARTY', date: '2015-02-30' });
    expect(result.success).toBe(false);
    const fields = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(Object.keys(fields).sort()).toEqual(['date', 'kind', 'title']);
    expect(parseDateOnly('2015-02-12')).not.toBeNull();
  });
});
