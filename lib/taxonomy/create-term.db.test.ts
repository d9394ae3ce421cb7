import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { asHttp } from '@/lib/test/refusal';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { auditRows, seedUser, type SeededUser } from '@/lib/test/user-factory';
import { createTermSchema } from '@/lib/validations/taxonomy';
import { createTerm, slugify } from './create-term';

const db = testDb();
let admin: SeededUser;
beforeAll(async () => {
  admin = await seedUser(db, { role: 'ADMIN' });
});
afterAll(() => db.$disconnect());

describe('vocabulary: adding a term', () => {
  it('create: a new theme goes to the end of the list with a slug from its name, and is audited', async () => {
    const name = `Water Security ${uniqueId()}`;
    const input = createTermSchema.parse({ kind: 'theme', name: ` ${name} `, description: 'Rivers and dams.', color: '#1D98DD' });
    const { _max } = await db.theme.aggregate({ _max: { sortOrder: true } });
    const created = await createTerm(db, input, admin.actor);
    expect(created).toMatchObject({ name, description: 'Rivers and dams.', color: '#1d98dd', mergedIntoId: null, slug: slugify(name, 'theme') });
    expect(created.sortOrder).toBeGreaterThan(_max.sortOrder ?? 0);
    const audit = await auditRows(db, created.id);
    expect(audit.map((row) => row.action)).toEqual(['theme.create']);
    expect(audit[0]).toMatchObject({ actorId: admin.id, entityType: 'theme' });
  });

  it('create: a name already taken by a term of the same kind is refused ignoring case, and nothing is written', async () => {
    const name = `Ports ${uniqueId()}`;
    await createTerm(db, createTermSchema.parse({ kind: 'sector', name, color: '#228732' }), admin.actor);
    const before = { sectors: await db.sector.count(), audit: await db.auditLog.count() };
    const error = await createTerm(db, createTermSchema.parse({ kind: 'sector', name: name.toUpperCase(), color: '#228732' }), admin.actor).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(asHttp(error).status).toBe(409);
    expect(asHttp(error).fields?.name?.[0]).toContain(`“${name}” already exists`);
    expect({ sectors: await db.sector.count(), audit: await db.auditLog.count() }).toEqual(before);
  });

  it('create: the same name may exist once as a theme and once as a sector', async () => {
    const name = `Media Literacy ${uniqueId()}`;
    await createTerm(db, createTermSchema.parse({ kind: 'theme', name, color: '#6954d4' }), admin.actor);
    await expect(createTerm(db, createTermSchema.parse({ kind: 'sector', name, color: '#6954d4' }), admin.actor)).resolves.toMatchObject({ name });
  });

  it('create: names whose slugs collide get a numbered slug', async () => {
    const base = `Trade ${uniqueId()}`;
    const first = await createTerm(db, createTermSchema.parse({ kind: 'theme', name: `${base} & Aid`, color: '#228732' }), admin.actor);
    const second = await createTerm(db, createTermSchema.parse({ kind: 'theme', name: `${base} / Aid`, color: '#228732' }), admin.actor);
    expect(second.slug).toBe(`${first.slug}-2`);
  });

  it('create: the schema checks name length, description length and the colour format', () => {
    const errorsOf = (value: Record<string, string>) =>
      createTermSchema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(errorsOf({ kind: 'theme', name: '  ', color: 'blue' })).toEqual(['name: Enter a name.', 'color: Choose a colour as #rrggbb, e.g. #4478ab.']);
    expect(errorsOf({ kind: 'theme', name: 'x'.repeat(81), description: 'y'.repeat(501), color: '#abcdef' })).toEqual([
      'name: Use at most 80 characters.',
      'description: Use at most 500 characters.',
    ]);
    expect(errorsOf({ kind: 'topic', name: 'A', color: '#abcdef' })).toEqual(['kind: Say whether this is a theme or a sector.']);
    expect(createTermSchema.parse({ kind: 'theme', name: 'A', description: '  ', color: '#ABCDEF' })).toEqual({
      kind: 'theme',
      name: 'A',
      description: null,
      color: '#abcdef',
    });
  });

  it('create: slugs are URL-safe', () => {
    expect(slugify('Trade & Économie', 'theme')).toBe('trade-economie');
    expect(slugify('  --  ', 'sector')).toBe('sector');
  });
});
