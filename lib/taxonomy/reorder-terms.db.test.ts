import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { seedUser, type SeededUser } from '@/lib/test/user-factory';
import { createTermSchema, moveTermSchema, reorderTermsSchema, type TermKind } from '@/lib/validations/taxonomy';
import { createTerm } from './create-term';
import { listVocabulary } from './list-vocabulary';
import { reorderTerms } from './reorder-terms';
import { httpRefusal, readerActor } from '@/lib/test/refusal';

const db = testDb();
let admin: SeededUser;
beforeAll(async () => {
  admin = await seedUser(db, { role: 'ADMIN' });
});
afterAll(() => db.$disconnect());

const term = (kind: TermKind) => createTerm(db, createTermSchema.parse({ kind, name: `Ordered ${uniqueId()}`, color: '#336699' }), admin.actor);
const order = async (kind: TermKind) => (await listVocabulary(db, kind, readerActor('ADMIN'))).terms.map((row) => row.id);

describe('vocabulary: ordering terms', () => {
  it('reorder: moving a term up swaps it with the one above, touching only those two and not their edit token, and is audited', async () => {
    // Two older terms that share a position (as imports or other tests may leave them) must not
    // make a simple move renumber the whole list.
    for (const suffix of ['x', 'y']) {
      const id = uniqueId(suffix);
      await db.theme.create({ data: { slug: `tied-${id}`, name: `Tied ${id}`, color: '#336699', sortOrder: 5 } });
    }
    const [a, b, c] = [await term('theme'), await term('theme'), await term('theme')];
    const others = { id: { notIn: [a.id, b.id] } };
    const untouched = await db.theme.findMany({ where: others, orderBy: { id: 'asc' }, select: { id: true, updatedAt: true, sortOrder: true } });
    await reorderTerms(db, moveTermSchema.parse({ kind: 'theme', id: b.id, direction: 'up' }), admin.actor);
    const ids = await order('theme');
    expect(ids.indexOf(b.id)).toBe(ids.indexOf(a.id) - 1);
    const after = await db.theme.findMany({ where: others, orderBy: { id: 'asc' }, select: { id: true, updatedAt: true, sortOrder: true } });
    expect(after).toEqual(untouched);
    // Position is not what the edit form edits: an edit form opened before the move still saves.
    const moved = await db.theme.findUniqueOrThrow({ where: { id: b.id } });
    expect(moved.updatedAt).toEqual(b.updatedAt);
    const audit = await db.auditLog.findMany({ where: { action: 'theme.reorder', entityId: b.id } });
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!).order.slice(-3)).toEqual([b.name, a.name, c.name]);
  });

  it('reorder: moving the last term down, or the first up, changes nothing', async () => {
    const last = await term('sector');
    const before = await order('sector');
    await reorderTerms(db, moveTermSchema.parse({ kind: 'sector', id: last.id, direction: 'down' }), admin.actor);
    await reorderTerms(db, moveTermSchema.parse({ kind: 'sector', id: before[0]!, direction: 'up' }), admin.actor);
    expect(await order('sector')).toEqual(before);
    expect(await db.auditLog.count({ where: { action: 'sector.reorder', entityId: { in: [last.id, before[0]!] } } })).toBe(0);
  });

  it('reorder: a whole new order is applied as given', async () => {
    const [a, b, c] = [await term('sector'), await term('sector'), await term('sector')];
    const current = await order('sector');
    const wanted = [...current.filter((id) => ![a.id, b.id, c.id].includes(id)), c.id, a.id, b.id];
    await reorderTerms(db, reorderTermsSchema.parse({ kind: 'sector', ids: wanted }), admin.actor);
    expect(await order('sector')).toEqual(wanted);
  });

  it('reorder: a whole order that leaves out a term (the list changed meanwhile) is refused', async () => {
    await term('theme');
    const stale = (await order('theme')).slice(0, -1);
    expect(await httpRefusal(reorderTerms(db, reorderTermsSchema.parse({ kind: 'theme', ids: stale }), admin.actor))).toMatchObject({ status: 409 });
  });

  it('reorder: the schema refuses repeated ids', () => {
    expect(reorderTermsSchema.safeParse({ kind: 'theme', ids: ['a', 'a'] }).success).toBe(false);
    expect(reorderTermsSchema.parse({ kind: 'theme', ids: 'a' }).ids).toEqual(['a']);
  });
});
