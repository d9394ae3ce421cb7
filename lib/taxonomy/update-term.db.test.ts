import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { httpRefusal, asHttp } from '@/lib/test/refusal';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { auditRows, seedUser, type SeededUser } from '@/lib/test/user-factory';
import { createTermSchema, mergeTermsSchema, updateTermSchema, type TermKind } from '@/lib/validations/taxonomy';
import { createTerm } from './create-term';
import { mergeTerms } from './merge-terms';
import { updateTerm } from './update-term';

const db = testDb();
let admin: SeededUser;
let other: SeededUser;
beforeAll(async () => {
  admin = await seedUser(db, { role: 'ADMIN' });
  other = await seedUser(db, { role: 'ADMIN' });
});
afterAll(() => db.$disconnect());

const term = (kind: TermKind, label = 'Term') =>
  createTerm(db, createTermSchema.parse({ kind, name: `${label} ${uniqueId()}`, description: 'Old words.', color: '#336699' }), admin.actor);

const edit = (kind: TermKind, id: string, expectedUpdatedAt: Date, changes: { name: string; description?: string; color?: string }) =>
  updateTermSchema.parse({ kind, id, expectedUpdatedAt: expectedUpdatedAt.toISOString(), color: '#336699', description: 'Old words.', ...changes });

describe('vocabulary: editing a term', () => {
  it('update: rename, recolour and re-describe in one go, keeping the slug, with before and after audited', async () => {
    const theme = await term('theme');
    const name = `Renamed ${uniqueId()}`;
    const updated = await updateTerm(db, edit('theme', theme.id, theme.updatedAt, { name, description: 'New words.', color: '#CA3311' }), admin.actor);
    expect(updated).toMatchObject({ name, description: 'New words.', color: '#ca3311', slug: theme.slug });
    expect(updated.updatedAt.getTime()).toBeGreaterThanOrEqual(theme.updatedAt.getTime());
    const audit = await auditRows(db, theme.id, 'theme.update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ name: theme.name, description: 'Old words.', color: '#336699' });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ name, description: 'New words.', color: '#ca3311' });
  });

  it('update: an edit made against an older updatedAt is refused with 409 naming who changed it, and nothing is written', async () => {
    const sector = await term('sector');
    await updateTerm(db, edit('sector', sector.id, sector.updatedAt, { name: `${sector.name} first` }), other.actor);
    const error = await updateTerm(db, edit('sector', sector.id, sector.updatedAt, { name: `${sector.name} second`, color: '#000000' }), admin.actor).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(asHttp(error).status).toBe(409);
    expect(asHttp(error).message).toContain(other.email);
    const stored = await db.sector.findUniqueOrThrow({ where: { id: sector.id } });
    expect(stored).toMatchObject({ name: `${sector.name} first`, color: '#336699' });
    expect((await auditRows(db, sector.id, 'sector.update')).map((row) => row.actorId)).toEqual([other.id]);
  });

  it('update: renaming to another term’s name, in any case, is refused on the name field; a change of case alone is fine', async () => {
    const [first, second] = [await term('theme'), await term('theme')];
    expect(await httpRefusal(updateTerm(db, edit('theme', second.id, second.updatedAt, { name: first.name.toLowerCase() }), admin.actor))).toMatchObject({
      status: 409,
      fields: { name: [expect.stringContaining(first.name)] },
    });
    const recased = await updateTerm(db, edit('theme', first.id, first.updatedAt, { name: first.name.toUpperCase() }), admin.actor);
    expect(recased.name).toBe(first.name.toUpperCase());
  });

  it('update: saving without changes writes nothing', async () => {
    const theme = await term('theme');
    const same = await updateTerm(db, edit('theme', theme.id, theme.updatedAt, { name: theme.name }), admin.actor);
    expect(same.updatedAt).toEqual(theme.updatedAt);
    expect(await auditRows(db, theme.id, 'theme.update')).toHaveLength(0);
  });

  it('update: a merged term cannot be edited', async () => {
    const [source, target] = [await term('theme'), await term('theme')];
    await mergeTerms(db, mergeTermsSchema.parse({ kind: 'theme', sourceId: source.id, targetId: target.id, confirm: 'yes' }), admin.actor);
    const merged = await db.theme.findUniqueOrThrow({ where: { id: source.id } });
    await expect(updateTerm(db, edit('theme', source.id, merged.updatedAt, { name: `${source.name} again` }), admin.actor)).rejects.toThrow(/was merged into/);
  });

  it('update: an unknown term is not found, and a missing concurrency token is a form error', async () => {
    expect(await httpRefusal(updateTerm(db, edit('theme', 'no-such-term', new Date(), { name: 'X' }), admin.actor))).toMatchObject({ status: 404 });
    const parsed = updateTermSchema.safeParse({ kind: 'theme', id: 'x', name: 'X', color: '#000000', expectedUpdatedAt: 'yesterday' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['expectedUpdatedAt']);
  });
});
