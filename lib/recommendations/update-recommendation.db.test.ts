import { afterAll, describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { changeStatusNow } from '@/lib/status/change-status';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { seedRecommendation, seedVocabulary } from '@/lib/test/recommendation-factory';
import { updateRecommendation } from './update-recommendation';
import { httpRefusal, asHttp } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

const day = (text: string) => parseDateOnly(text)!;

async function fields(id: string) {
  const row = await db.recommendation.findUniqueOrThrow({
    where: { id },
    select: {
      version: true,
      primaryThemeId: true,
      priority: true,
      targetDate: true,
      secondaryThemes: { select: { themeId: true } },
      sectors: { select: { sectorId: true } },
    },
  });
  return { ...row, secondaryThemes: row.secondaryThemes.map((r) => r.themeId).sort(), sectors: row.sectors.map((r) => r.sectorId).sort() };
}

describe('recommendation fields: editing', () => {
  it('fields: themes, sectors, priority and target date are replaced, versioned and audited', async () => {
    const item = await seedRecommendation(db);
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const [primary, secondaryA, secondaryB] = [await seedVocabulary(db, 'theme'), await seedVocabulary(db, 'theme'), await seedVocabulary(db, 'theme')];
    const [sectorA, sectorB] = [await seedVocabulary(db, 'sector'), await seedVocabulary(db, 'sector')];
    const before = await fields(item.id);
    const result = await updateRecommendation(
      db,
      item.id,
      {
        expectedVersion: 1,
        primaryThemeId: primary,
        // The primary theme ticked as secondary too is simply primary.
        secondaryThemeIds: [secondaryA, secondaryB, primary],
        sectorIds: [sectorA, sectorB],
        priority: 'HIGH',
        targetDate: day('2027-12-31'),
      },
      actor,
    );
    expect(result).toMatchObject({ version: 2, changed: true, code: item.code });
    expect(await fields(item.id)).toEqual({
      version: 2,
      primaryThemeId: primary,
      priority: 'HIGH',
      targetDate: day('2027-12-31'),
      secondaryThemes: [secondaryA, secondaryB].sort(),
      sectors: [sectorA, sectorB].sort(),
    });
    const audit = await auditRows(db, item.id, 'recommendation.update');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({
      version: 1,
      primaryThemeId: before.primaryThemeId,
      sectorIds: before.sectors,
      priority: 'MEDIUM',
      targetDate: null,
    });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ version: 2, primaryThemeId: primary, priority: 'HIGH', targetDate: '2027-12-31' });
  });

  it('fields: a field left out stays as it is, and null clears the target date', async () => {
    const item = await seedRecommendation(db);
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    await updateRecommendation(db, item.id, { expectedVersion: 1, targetDate: day('2026-01-01') }, actor);
    const before = await fields(item.id);
    await updateRecommendation(db, item.id, { expectedVersion: 2, priority: 'LOW' }, actor);
    expect(await fields(item.id)).toEqual({ ...before, version: 3, priority: 'LOW' });
    await updateRecommendation(db, item.id, { expectedVersion: 3, targetDate: null }, actor);
    expect((await fields(item.id)).targetDate).toBeNull();
  });

  it('fields: an edit that changes nothing writes nothing and keeps the version', async () => {
    const item = await seedRecommendation(db);
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const current = await fields(item.id);
    const result = await updateRecommendation(db, item.id, { expectedVersion: 1, priority: 'MEDIUM', sectorIds: current.sectors }, actor);
    expect(result).toMatchObject({ version: 1, changed: false });
    expect(await auditRows(db, item.id)).toHaveLength(0);
  });

  it('fields: unknown and merged themes and sectors are refused with field errors, nothing written', async () => {
    const item = await seedRecommendation(db);
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const live = await seedVocabulary(db, 'theme');
    const merged = await seedVocabulary(db, 'theme', { mergedIntoId: live });
    const liveSector = await seedVocabulary(db, 'sector');
    const mergedSector = await seedVocabulary(db, 'sector', { mergedIntoId: liveSector });
    const before = await fields(item.id);
    expect(
      await httpRefusal(
        updateRecommendation(
          db,
          item.id,
          { expectedVersion: 1, primaryThemeId: merged, secondaryThemeIds: ['no-such-theme'], sectorIds: [mergedSector] },
          actor,
        ),
      ),
    ).toMatchObject({
      status: 422,
      fields: { primaryThemeId: [expect.any(String)], secondaryThemeIds: [expect.any(String)], sectorIds: [expect.any(String)] },
    });
    expect(await fields(item.id)).toEqual(before);
    expect(await auditRows(db, item.id)).toHaveLength(0);
  });

  it('fields: an item filed under a since-merged theme can still have its other fields edited', async () => {
    const item = await seedRecommendation(db);
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    const { primaryThemeId } = await fields(item.id);
    const successor = await seedVocabulary(db, 'theme');
    await db.theme.update({ where: { id: primaryThemeId }, data: { mergedIntoId: successor } });
    const result = await updateRecommendation(db, item.id, { expectedVersion: 1, primaryThemeId, priority: 'HIGH' }, actor);
    expect(result.changed).toBe(true);
  });

  it('fields: a stale version gets 409 naming the status change that came first', async () => {
    const item = await seedRecommendation(db);
    const first = await seedUser(db, { role: 'EDITOR' });
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'STALLED', effectiveDate: day('2020-01-01') }, first.actor);
    const error = await updateRecommendation(db, item.id, { expectedVersion: 1, priority: 'HIGH' }, (await seedUser(db, { role: 'EDITOR' })).actor).catch(
      (caught: unknown) => caught,
    );
    expect(asHttp(error)).toMatchObject({ status: 409, code: 'version_conflict', extra: { currentVersion: 2 } });
    expect((error as Error).message).toContain(`Test User changed the status of ${item.code} to Stalled`);
    expect((error as Error).message).not.toContain(first.email);
    expect((await fields(item.id)).priority).toBe('MEDIUM');
  });

  it('fields: an unknown recommendation is not found', async () => {
    expect(
      await httpRefusal(updateRecommendation(db, 'nope', { expectedVersion: 1, priority: 'HIGH' }, (await seedUser(db, { role: 'EDITOR' })).actor)),
    ).toMatchObject({ status: 404 });
  });
});
