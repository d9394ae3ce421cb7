import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpRefusal, readerActor } from '@/lib/test/refusal';
import type { Db } from '@/lib/db';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { seedUser, type SeededUser } from '@/lib/test/user-factory';
import { mergeTermsSchema, type TermKind } from '@/lib/validations/taxonomy';
import { createTerm } from './create-term';
import { listVocabulary } from './list-vocabulary';
import { mergeTerms } from './merge-terms';

const db = testDb();
let admin: SeededUser;
beforeAll(async () => {
  admin = await seedUser(db, { role: 'ADMIN' });
});
afterAll(() => db.$disconnect());

const term = (kind: TermKind, label: string) => createTerm(db, { kind, name: `${label} ${uniqueId()}`, description: null, color: '#336699' }, admin.actor);

/** A seminar of its own and one recommendation per spec, classified as the spec says. */
async function seedItems(specs: { primary: string; themes?: string[]; sectors?: string[] }[]) {
  const prefix = uniqueId('M');
  const date = new Date('2020-01-15T00:00:00Z');
  const seminar = await db.seminar.create({ data: { codePrefix: prefix, title: `Merge test ${prefix}`, kind: 'SEMINAR', date, sourceText: '' } });
  const items = [];
  for (const [index, spec] of specs.entries()) {
    items.push(
      await db.recommendation.create({
        data: {
          code: `${prefix}-R${index + 1}`,
          seminarId: seminar.id,
          position: index + 1,
          title: `Item ${index + 1}`,
          text: 'Text',
          sourceStart: 0,
          sourceEnd: 0,
          sourceLineStart: 1,
          sourceLineEnd: 1,
          primaryThemeId: spec.primary,
          status: 'NOT_STARTED',
          statusDate: date,
          lastActivityAt: date,
          secondaryThemes: { create: (spec.themes ?? []).map((themeId) => ({ themeId })) },
          sectors: { create: (spec.sectors ?? []).map((sectorId) => ({ sectorId })) },
        },
        select: { id: true, code: true, version: true },
      }),
    );
  }
  return items;
}

async function classification(db: Db, id: string) {
  const item = await db.recommendation.findUniqueOrThrow({
    where: { id },
    select: { primaryThemeId: true, version: true, secondaryThemes: { select: { themeId: true } }, sectors: { select: { sectorId: true } } },
  });
  return {
    primary: item.primaryThemeId,
    themes: item.secondaryThemes.map((row) => row.themeId).sort(),
    sectors: item.sectors.map((row) => row.sectorId).sort(),
    version: item.version,
  };
}

const merge = (kind: TermKind, sourceId: string, targetId: string) =>
  mergeTerms(db, mergeTermsSchema.parse({ kind, sourceId, targetId, confirm: 'yes' }), admin.actor);

describe('vocabulary: merging themes', () => {
  it('merge: moves primary and secondary references without duplicates, bumps versions, keeps the source as merged and audits', async () => {
    const [source, target, other] = [await term('theme', 'Src'), await term('theme', 'Tgt'), await term('theme', 'Other')];
    const items = await seedItems([
      { primary: source.id }, // primary moves
      { primary: source.id, themes: [target.id] }, // primary moves, the target's secondary link is now a duplicate
      { primary: other.id, themes: [source.id] }, // secondary link moves
      { primary: other.id, themes: [source.id, target.id] }, // secondary link is a duplicate: dropped
      { primary: target.id, themes: [source.id] }, // secondary link duplicates the primary: dropped
      { primary: other.id }, // untouched
    ]);

    const result = await merge('theme', source.id, target.id);
    expect(result).toMatchObject({ primaryMoved: 2, linksMoved: 1, duplicatesDropped: 3 });
    expect(result.recommendationCodes).toEqual(items.slice(0, 5).map((item) => item.code));

    const after = await Promise.all(items.map((item) => classification(db, item.id)));
    expect(after[0]).toMatchObject({ primary: target.id, themes: [], version: 2 });
    expect(after[1]).toMatchObject({ primary: target.id, themes: [], version: 2 });
    expect(after[2]).toMatchObject({ primary: other.id, themes: [target.id], version: 2 });
    expect(after[3]).toMatchObject({ primary: other.id, themes: [target.id], version: 2 });
    expect(after[4]).toMatchObject({ primary: target.id, themes: [], version: 2 });
    expect(after[5]).toMatchObject({ primary: other.id, themes: [], version: 1 });
    expect(await db.recommendationTheme.count({ where: { themeId: source.id } })).toBe(0);
    expect(await db.recommendation.count({ where: { primaryThemeId: source.id } })).toBe(0);

    const kept = await db.theme.findUniqueOrThrow({ where: { id: source.id } });
    expect(kept.mergedIntoId).toBe(target.id);

    const audit = await db.auditLog.findMany({ where: { action: 'theme.merge', entityId: source.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, actorLabel: admin.email, entityType: 'theme' });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      mergedIntoId: target.id,
      primaryMoved: 2,
      linksMoved: 1,
      duplicatesDropped: 3,
      recommendationCodes: result.recommendationCodes,
    });
    const perItem = await db.auditLog.findMany({ where: { action: 'recommendation.theme_merged', entityId: { in: items.map((item) => item.id) } } });
    expect(perItem).toHaveLength(5);

    const vocabulary = await listVocabulary(db, 'theme', readerActor('ADMIN'));
    expect(vocabulary.terms.map((row) => row.id)).not.toContain(source.id);
    expect(vocabulary.merged).toContainEqual(expect.objectContaining({ id: source.id, mergedInto: { id: target.id, name: target.name } }));
    expect(vocabulary.terms.find((row) => row.id === target.id)).toMatchObject({ primaryCount: 3, linkCount: 2, usageCount: 5 });
  });

  it('merge: is all or nothing — a failure part-way leaves every reference where it was', async () => {
    const [source, target] = [await term('theme', 'Src'), await term('theme', 'Tgt')];
    const [item] = await seedItems([{ primary: source.id }]);
    const auditBefore = await db.auditLog.count();
    // An actor id that is no user makes the audit insert, the last write, violate its foreign key.
    const ghost = { ...admin.actor, id: `ghost-${uniqueId()}`, label: 'ghost@example.org' };
    await expect(mergeTerms(db, mergeTermsSchema.parse({ kind: 'theme', sourceId: source.id, targetId: target.id, confirm: 'yes' }), ghost)).rejects.toThrow();
    expect(await classification(db, item!.id)).toMatchObject({ primary: source.id, version: 1 });
    expect((await db.theme.findUniqueOrThrow({ where: { id: source.id } })).mergedIntoId).toBeNull();
    expect(await db.auditLog.count()).toBe(auditBefore);
  });

  it('merge: refuses a source or target that was already merged, and terms from another kind', async () => {
    const [a, b, c] = [await term('theme', 'A'), await term('theme', 'B'), await term('theme', 'C')];
    await merge('theme', a.id, b.id);
    expect(await httpRefusal(merge('theme', a.id, c.id))).toMatchObject({ status: 409, fields: { sourceId: [expect.stringMatching(/already merged into/)] } });
    expect(await httpRefusal(merge('theme', c.id, a.id))).toMatchObject({
      status: 409,
      fields: { targetId: [expect.stringContaining(`Merge into “${b.name}” instead`)] },
    });
    const sector = await term('sector', 'Sector');
    expect(await httpRefusal(merge('theme', c.id, sector.id))).toMatchObject({ status: 404 });
  });

  it('merge: a term merged earlier into the source then names the new target', async () => {
    const [a, b, c] = [await term('theme', 'A'), await term('theme', 'B'), await term('theme', 'C')];
    await merge('theme', a.id, b.id);
    await merge('theme', b.id, c.id);
    expect((await db.theme.findUniqueOrThrow({ where: { id: a.id } })).mergedIntoId).toBe(c.id);
  });

  it('merge: the schema refuses merging a term into itself and wants the confirmation box', () => {
    const parsed = mergeTermsSchema.safeParse({ kind: 'theme', sourceId: 'x', targetId: 'x', confirm: 'yes' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['targetId']);
    const unconfirmed = mergeTermsSchema.safeParse({ kind: 'theme', sourceId: 'x', targetId: 'y' });
    expect(unconfirmed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['confirm']);
  });
});

describe('vocabulary: merging sectors', () => {
  it('merge: moves sector links, drops the duplicate where the item already has the target, bumps versions and audits', async () => {
    const theme = await term('theme', 'Theme');
    const [source, target, other] = [await term('sector', 'Src'), await term('sector', 'Tgt'), await term('sector', 'Other')];
    const items = await seedItems([
      { primary: theme.id, sectors: [source.id] },
      { primary: theme.id, sectors: [source.id, target.id] },
      { primary: theme.id, sectors: [other.id] },
    ]);
    const result = await merge('sector', source.id, target.id);
    expect(result).toMatchObject({ primaryMoved: 0, linksMoved: 1, duplicatesDropped: 1, recommendationCodes: [items[0]!.code, items[1]!.code] });
    const after = await Promise.all(items.map((item) => classification(db, item.id)));
    expect(after[0]).toMatchObject({ sectors: [target.id], version: 2 });
    expect(after[1]).toMatchObject({ sectors: [target.id], version: 2 });
    expect(after[2]).toMatchObject({ sectors: [other.id], version: 1 });
    expect((await db.sector.findUniqueOrThrow({ where: { id: source.id } })).mergedIntoId).toBe(target.id);
    expect(await db.auditLog.count({ where: { action: 'sector.merge', entityId: source.id } })).toBe(1);
    const vocabulary = await listVocabulary(db, 'sector', readerActor('ADMIN'));
    expect(vocabulary.terms.find((row) => row.id === target.id)).toMatchObject({ primaryCount: 0, linkCount: 2, usageCount: 2 });
  });
});
