import { afterAll, describe, expect, it } from 'vitest';
import { parseDateOnly, today } from '@/lib/dates';
import { changeStatusNow } from '@/lib/status/change-status';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { seedRecommendation } from '@/lib/test/recommendation-factory';
import { addEvidence } from './add-evidence';
import { editEvidence } from './edit-evidence';
import { removeEvidence } from './remove-evidence';
import { httpRefusal, asHttp } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

const day = (text: string) => parseDateOnly(text)!;

async function person(role: 'EDITOR' | 'ADMIN' | 'VIEWER') {
  const user = await seedUser(db, { role });
  return { ...user.actor, role };
}

describe('evidence: adding', () => {
  it('evidence: a note is saved with its author, audited, and moves lastActivityAt but not the version', async () => {
    const item = await seedRecommendation(db);
    const editor = await person('EDITOR');
    const added = await addEvidence(
      db,
      item.id,
      { body: 'Minutes of the **first** meeting.', evidenceDate: day('2019-05-02'), sourceTitle: 'Minutes' },
      editor,
    );
    const note = await db.evidenceNote.findUniqueOrThrow({ where: { id: added.id } });
    expect(note).toMatchObject({ authorId: editor.id, body: 'Minutes of the **first** meeting.', sourceTitle: 'Minutes', sourceUrl: null, version: 1 });
    const row = await db.recommendation.findUniqueOrThrow({ where: { id: item.id } });
    expect(row).toMatchObject({ version: 1, lastActivityAt: day('2019-05-02') });
    const audit = await auditRows(db, added.id, 'evidence.create');
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ code: item.code, body: 'Minutes of the **first** meeting.', evidenceDate: '2019-05-02' });
  });

  it('evidence: a date in the future is refused with a field error', async () => {
    const item = await seedRecommendation(db);
    const tomorrow = new Date(today().getTime() + 86_400_000);
    expect(await httpRefusal(addEvidence(db, item.id, { body: 'x', evidenceDate: tomorrow }, await person('EDITOR')))).toMatchObject({
      status: 422,
      fields: { evidenceDate: [expect.stringMatching(/future/)] },
    });
  });

  it('evidence: an unknown recommendation is not found', async () => {
    expect(await httpRefusal(addEvidence(db, 'nope', { body: 'x', evidenceDate: day('2020-01-01') }, await person('EDITOR')))).toMatchObject({ status: 404 });
  });
});

describe('evidence: editing', () => {
  it('evidence: editors edit their own notes; the version moves and the audit keeps before and after', async () => {
    const item = await seedRecommendation(db);
    const editor = await person('EDITOR');
    const added = await addEvidence(db, item.id, { body: 'Draft.', evidenceDate: day('2020-01-01') }, editor);
    const edited = await editEvidence(
      db,
      { evidenceId: added.id, expectedVersion: 1, body: 'Final.', evidenceDate: day('2020-02-01'), sourceUrl: 'https://example.org/a' },
      editor,
    );
    expect(edited.version).toBe(2);
    expect(await db.evidenceNote.findUniqueOrThrow({ where: { id: added.id } })).toMatchObject({
      body: 'Final.',
      version: 2,
      sourceUrl: 'https://example.org/a',
    });
    const audit = await auditRows(db, added.id, 'evidence.update');
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ body: 'Draft.', evidenceDate: '2020-01-01' });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ body: 'Final.', evidenceDate: '2020-02-01' });
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: item.id } })).lastActivityAt).toEqual(day('2020-02-01'));
  });

  it("evidence: an editor cannot edit another editor's note; an administrator can", async () => {
    const item = await seedRecommendation(db);
    const author = await person('EDITOR');
    const other = await person('EDITOR');
    const admin = await person('ADMIN');
    const added = await addEvidence(db, item.id, { body: 'Original.', evidenceDate: day('2020-01-01') }, author);
    const input = { evidenceId: added.id, expectedVersion: 1, body: 'Changed.', evidenceDate: day('2020-01-01') };
    expect(await httpRefusal(editEvidence(db, input, other))).toMatchObject({ status: 403 });
    expect(await httpRefusal(editEvidence(db, input, { ...author, role: 'VIEWER' }))).toMatchObject({ status: 403 });
    expect((await db.evidenceNote.findUniqueOrThrow({ where: { id: added.id } })).body).toBe('Original.');
    await editEvidence(db, input, admin);
    expect((await db.evidenceNote.findUniqueOrThrow({ where: { id: added.id } })).body).toBe('Changed.');
  });

  it('evidence: an edit made against an older version gets 409 and changes nothing', async () => {
    const item = await seedRecommendation(db);
    const editor = await person('EDITOR');
    const added = await addEvidence(db, item.id, { body: 'One.', evidenceDate: day('2020-01-01') }, editor);
    await editEvidence(db, { evidenceId: added.id, expectedVersion: 1, body: 'Two.', evidenceDate: day('2020-01-01') }, editor);
    const error = await editEvidence(db, { evidenceId: added.id, expectedVersion: 1, body: 'Three.', evidenceDate: day('2020-01-01') }, editor).catch(
      (caught: unknown) => caught,
    );
    expect(asHttp(error)).toMatchObject({ status: 409, code: 'version_conflict', extra: { currentVersion: 2 } });
    expect((error as Error).message).toContain('Test User changed this evidence note');
    expect(JSON.stringify([(error as Error).message, asHttp(error).extra])).not.toContain(editor.label);
    expect((await db.evidenceNote.findUniqueOrThrow({ where: { id: added.id } })).body).toBe('Two.');
  });
});

describe('evidence: removing', () => {
  it('evidence: removal is a soft delete that keeps the row, and the audit keeps the text', async () => {
    const item = await seedRecommendation(db);
    const editor = await person('EDITOR');
    const added = await addEvidence(db, item.id, { body: 'Mistaken note.', evidenceDate: day('2021-01-01') }, editor);
    await removeEvidence(db, { evidenceId: added.id }, editor);
    const note = await db.evidenceNote.findUniqueOrThrow({ where: { id: added.id } });
    expect(note.deletedAt).toBeInstanceOf(Date);
    expect(note.body).toBe('Mistaken note.');
    const audit = await auditRows(db, added.id, 'evidence.remove');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ body: 'Mistaken note.', code: item.code });
    // lastActivityAt falls back to the latest status change once the note is gone.
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: item.id } })).lastActivityAt).toEqual(item.seminarDate);
    expect(await httpRefusal(removeEvidence(db, { evidenceId: added.id }, editor))).toMatchObject({ status: 404 });
  });

  it("evidence: an editor cannot remove another's note; an administrator can", async () => {
    const item = await seedRecommendation(db);
    const author = await person('EDITOR');
    const added = await addEvidence(db, item.id, { body: 'Note.', evidenceDate: day('2021-01-01') }, author);
    expect(await httpRefusal(removeEvidence(db, { evidenceId: added.id }, await person('EDITOR')))).toMatchObject({ status: 403 });
    await removeEvidence(db, { evidenceId: added.id }, await person('ADMIN'));
    expect((await db.evidenceNote.findUniqueOrThrow({ where: { id: added.id } })).deletedAt).not.toBeNull();
  });

  it('evidence: the only note of an implemented item cannot be removed until another is added', async () => {
    const item = await seedRecommendation(db);
    const editor = await person('EDITOR');
    const first = await addEvidence(db, item.id, { body: 'Signed.', evidenceDate: day('2021-01-01') }, editor);
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IMPLEMENTED', effectiveDate: day('2021-01-02') }, editor);
    expect(await httpRefusal(removeEvidence(db, { evidenceId: first.id }, editor))).toMatchObject({ status: 422 });
    await addEvidence(db, item.id, { body: 'The right proof.', evidenceDate: day('2021-01-02') }, editor);
    await removeEvidence(db, { evidenceId: first.id }, editor);
    expect(await db.evidenceNote.count({ where: { recommendationId: item.id, deletedAt: null } })).toBe(1);
  });
});
