import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { httpRefusal, asHttp, readerActor } from '@/lib/test/refusal';
import { parseDateOnly } from '@/lib/dates';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { auditRows, seedUser, type SeededUser } from '@/lib/test/user-factory';
import { updateSeminarSchema } from '@/lib/validations/seminar';
import { getSeminarForEdit } from './get-seminar-for-edit';
import { updateSeminar } from './update-seminar';

const db = testDb();
let admin: SeededUser;
let other: SeededUser;
let themeId: string;
beforeAll(async () => {
  admin = await seedUser(db, { role: 'ADMIN' });
  other = await seedUser(db, { role: 'ADMIN' });
  themeId = (await db.theme.findFirstOrThrow({ where: { mergedIntoId: null }, select: { id: true } })).id;
});
afterAll(() => db.$disconnect());

const SEMINAR_DATE = '2020-01-15';

/** A seminar with two speakers and one recommendation whose status changed on `changedOn`, if given. */
async function seedSeminar(changedOn?: string) {
  const prefix = uniqueId('S');
  const date = parseDateOnly(SEMINAR_DATE)!;
  const seminar = await db.seminar.create({
    data: {
      codePrefix: prefix,
      title: `Seminar ${prefix}`,
      kind: 'SEMINAR',
      date,
      venue: 'Old hall',
      organiser: 'Old organiser',
      sourceText: '',
      speakers: {
        create: [
          { name: 'Ann', designation: 'Chair', position: 1 },
          { name: 'Bo', designation: null, position: 2 },
        ],
      },
    },
    select: { id: true, title: true, version: true },
  });
  await db.recommendation.create({
    data: {
      code: `${prefix}-R01`,
      seminarId: seminar.id,
      position: 1,
      title: 'Item',
      text: 'Text',
      sourceStart: 0,
      sourceEnd: 0,
      sourceLineStart: 1,
      sourceLineEnd: 1,
      primaryThemeId: themeId,
      status: changedOn ? 'IN_PROGRESS' : 'NOT_STARTED',
      statusDate: changedOn ? parseDateOnly(changedOn)! : date,
      lastActivityAt: changedOn ? parseDateOnly(changedOn)! : date,
      statusChanges: {
        create: [
          { fromStatus: null, toStatus: 'NOT_STARTED', effectiveDate: date },
          ...(changedOn ? [{ fromStatus: 'NOT_STARTED', toStatus: 'IN_PROGRESS', effectiveDate: parseDateOnly(changedOn)! }] : []),
        ],
      },
    },
  });
  return { ...seminar, code: `${prefix}-R01` };
}

type Form = Record<string, string | string[]>;
const form = (seminar: { id: string }, version: number, changes: Form = {}): Form => ({
  id: seminar.id,
  expectedVersion: String(version),
  title: 'New title',
  kind: 'ROUND_TABLE',
  date: SEMINAR_DATE,
  venue: 'New hall',
  organiser: '',
  speakerName: ['Bo', 'Cy', ''],
  speakerDesignation: ['Discussant', '', ''],
  ...changes,
});
const save = (input: Form, actor = admin.actor) => updateSeminar(db, updateSeminarSchema.parse(input), actor);

describe('admin: editing a seminar', () => {
  it('seminar: details and the speaker list (blank rows dropped) are saved, the version bumped, and before/after audited', async () => {
    const seminar = await seedSeminar();
    const result = await save(form(seminar, 1));
    expect(result).toEqual({ version: 2, changed: true });
    const stored = await getSeminarForEdit(db, seminar.id, readerActor('ADMIN'));
    expect(stored).toMatchObject({
      title: 'New title',
      kind: 'ROUND_TABLE',
      date: SEMINAR_DATE,
      venue: 'New hall',
      organiser: null,
      version: 2,
      speakers: [
        { name: 'Bo', designation: 'Discussant' },
        { name: 'Cy', designation: null },
      ],
    });
    const audit = await auditRows(db, seminar.id, 'seminar.update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ title: seminar.title, organiser: 'Old organiser', speakers: [{ name: 'Ann' }, { name: 'Bo' }] });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ title: 'New title', organiser: null, speakers: [{ name: 'Bo' }, { name: 'Cy' }] });
  });

  it('seminar: an edit against an older version is refused with 409 naming who saved first, and nothing is written', async () => {
    const seminar = await seedSeminar();
    await save(form(seminar, 1, { title: 'Theirs' }), other.actor);
    const error = await save(form(seminar, 1, { title: 'Mine' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(asHttp(error).status).toBe(409);
    expect(asHttp(error).message).toContain(other.email);
    expect(await getSeminarForEdit(db, seminar.id, readerActor('ADMIN'))).toMatchObject({ title: 'Theirs', version: 2 });
    expect(await auditRows(db, seminar.id, 'seminar.update')).toHaveLength(1);
  });

  it('seminar: the date cannot move past its recommendations’ first status change after the initial one', async () => {
    const seminar = await seedSeminar('2020-03-01');
    const error = await save(form(seminar, 1, { date: '2020-03-02' })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(asHttp(error).status).toBe(422);
    expect(asHttp(error).fields?.date?.[0]).toMatch(new RegExp(`cannot be dated after .*${seminar.code} changed to “In progress”`));
    expect(await getSeminarForEdit(db, seminar.id, readerActor('ADMIN'))).toMatchObject({ title: seminar.title, date: SEMINAR_DATE, version: 1 });
    // The day of that change itself is fine, and so is any earlier day.
    await save(form(seminar, 1, { date: '2020-03-01' }));
    await save(form(seminar, 2, { date: '2019-12-01' }));
    expect(await getSeminarForEdit(db, seminar.id, readerActor('ADMIN'))).toMatchObject({ date: '2019-12-01', version: 3 });
  });

  it('seminar: initial status entries alone do not limit the date', async () => {
    const seminar = await seedSeminar();
    await save(form(seminar, 1, { date: '2021-06-30' }));
    expect(await getSeminarForEdit(db, seminar.id, readerActor('ADMIN'))).toMatchObject({ date: '2021-06-30' });
  });

  it('seminar: saving an unchanged form writes nothing', async () => {
    const seminar = await seedSeminar();
    await save(form(seminar, 1));
    expect(await save(form(seminar, 2))).toEqual({ version: 2, changed: false });
    expect(await auditRows(db, seminar.id, 'seminar.update')).toHaveLength(1);
  });

  it('seminar: the schema reports every bad field, speaker rows by their place in the list', () => {
    const parsed = updateSeminarSchema.safeParse({
      id: 'x',
      expectedVersion: '1',
      title: ' ',
      kind: 'PARTY',
      date: '2020-02-30',
      speakerName: ['Ann', '', 'x'.repeat(121)],
      speakerDesignation: ['', 'Chair', ''],
    });
    expect(parsed.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'title: Enter a title.',
      'kind: Choose what kind of event it was.',
      'date: Enter a real date as YYYY-MM-DD, e.g. 2015-03-14.',
      'speakers.1.name: Enter the speaker’s name, or remove this row.',
      'speakers.2.name: Use at most 120 characters.',
    ]);
    const single = updateSeminarSchema.parse({
      id: 'x',
      expectedVersion: '3',
      title: 'T',
      kind: 'SEMINAR',
      date: '2020-02-29',
      speakerName: 'Ann',
      speakerDesignation: '',
    });
    expect(single.speakers).toEqual([{ name: 'Ann', designation: null }]);
  });

  it('seminar: an unknown seminar is not found', async () => {
    expect(await httpRefusal(save(form({ id: 'no-such-seminar' }, 1)))).toMatchObject({ status: 404 });
  });
});
