import { afterAll, describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { removeEvidence } from '@/lib/evidence/remove-evidence';
import { changeStatusNow } from '@/lib/status/change-status';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { getRecommendation, isOverdue, recommendationToJson } from './get-recommendation';
import { getSourceExcerpt } from './get-source-excerpt';
import { linkRecommendations, unlinkRecommendations } from './link-recommendations';
import { updateRecommendation } from './update-recommendation';
import { httpRefusal, readerActor } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

const day = (text: string) => parseDateOnly(text)!;

describe('recommendation page data', () => {
  it('detail: history in effective-date order, evidence newest first without removed notes, links both ways', async () => {
    const [item, other, third] = await seedRecommendations(db, { count: 3 });
    const editor = await seedUser(db, { role: 'EDITOR' });
    const actor = { ...editor.actor, role: 'EDITOR' as const };
    await changeStatusNow(db, { recommendationId: item!.id, expectedVersion: 1, status: 'STALLED', effectiveDate: day('2022-01-01') }, actor);
    await changeStatusNow(db, { recommendationId: item!.id, expectedVersion: 2, status: 'IN_PROGRESS', effectiveDate: day('2018-01-01') }, actor);
    await addEvidence(db, item!.id, { body: 'Older.', evidenceDate: day('2018-01-01') }, actor);
    await addEvidence(db, item!.id, { body: 'Newer.', evidenceDate: day('2021-01-01'), sourceUrl: 'https://example.org' }, actor);
    const removed = await addEvidence(db, item!.id, { body: 'Removed.', evidenceDate: day('2020-01-01') }, actor);
    await removeEvidence(db, { evidenceId: removed.id }, actor);
    await linkRecommendations(db, { recommendationId: item!.id, targetCode: other!.code, note: 'Same ask.' }, actor);
    await linkRecommendations(db, { recommendationId: third!.id, targetCode: item!.code.toLowerCase() }, actor);

    const detail = await getRecommendation(db, item!.code.toLowerCase(), readerActor());
    expect(detail).not.toBeNull();
    expect(detail!.id).toBe(item!.id);
    expect(detail!.status).toBe('STALLED');
    expect(detail!.version).toBe(3);
    expect(detail!.history.map((entry) => [entry.fromStatus, entry.toStatus, entry.author?.id ?? null])).toEqual([
      [null, 'NOT_STARTED', null],
      ['NOT_STARTED', 'IN_PROGRESS', editor.id],
      ['IN_PROGRESS', 'STALLED', editor.id],
    ]);
    expect(detail!.evidence.map((entry) => entry.body)).toEqual(['Newer.', 'Older.']);
    expect(detail!.evidence[0]!.author).toEqual({ id: editor.id, name: 'Test User' });
    expect(detail!.links.map((link) => [link.direction, link.other.code, link.note])).toEqual([
      ['to', other!.code, 'Same ask.'],
      ['from', third!.code, null],
    ]);
    expect((await getRecommendation(db, item!.id, readerActor()))?.code).toBe(item!.code);
    expect(await getRecommendation(db, 'no-such-code', readerActor())).toBeNull();

    const json = recommendationToJson(detail!);
    expect(json.history[2]!.effectiveDate).toBe('2022-01-01');
    expect(json.seminar.date).toBe('2015-02-12');
  });

  it('detail: overdue only while past the target date and not settled', async () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(isOverdue(day('2026-11-23'), 'IN_PROGRESS', now)).toBe(true);
    expect(isOverdue(day('2026-11-24'), 'IN_PROGRESS', now)).toBe(false);
    expect(isOverdue(day('2026-11-23'), 'IMPLEMENTED', now)).toBe(false);
    expect(isOverdue(day('2026-11-23'), 'NO_LONGER_RELEVANT', now)).toBe(false);
    expect(isOverdue(null, 'STALLED', now)).toBe(false);
    const [item] = await seedRecommendations(db);
    await updateRecommendation(db, item!.id, { expectedVersion: 1, targetDate: day('2016-01-01') }, (await seedUser(db, { role: 'EDITOR' })).actor);
    expect((await getRecommendation(db, item!.id, readerActor()))?.overdue).toBe(true);
  });

  it('source: the report is split around the recommendation', async () => {
    const [item] = await seedRecommendations(db);
    const excerpt = await getSourceExcerpt(db, item!.code, readerActor());
    expect(excerpt?.highlight).toBe('Both governments should set up a joint working group on trade facilitation.');
    expect(excerpt?.before.endsWith('1. ')).toBe(true);
    expect(excerpt?.after).toBe('\n\nAnnex\n');
  });
});

describe('recommendation links', () => {
  it('links: self-links, unknown codes and duplicates (either way) are refused; removal sets removedAt', async () => {
    const [item, other] = await seedRecommendations(db, { count: 2 });
    const actor = (await seedUser(db, { role: 'EDITOR' })).actor;
    expect(await httpRefusal(linkRecommendations(db, { recommendationId: item!.id, targetCode: item!.code }, actor))).toMatchObject({
      status: 422,
      fields: { targetCode: [expect.any(String)] },
    });
    expect(await httpRefusal(linkRecommendations(db, { recommendationId: item!.id, targetCode: 'NOPE-R01' }, actor))).toMatchObject({ status: 422 });
    const link = await linkRecommendations(db, { recommendationId: item!.id, targetCode: other!.code }, actor);
    await expect(linkRecommendations(db, { recommendationId: other!.id, targetCode: item!.code }, actor)).rejects.toMatchObject({ code: 'duplicate' });
    // Links are not the item's fields: the version stays.
    expect((await db.recommendation.findUniqueOrThrow({ where: { id: item!.id } })).version).toBe(1);

    await unlinkRecommendations(db, { linkId: link.id }, actor);
    expect((await db.recommendationLink.findUniqueOrThrow({ where: { id: link.id } })).removedAt).toBeInstanceOf(Date);
    expect((await getRecommendation(db, item!.id, readerActor()))?.links).toEqual([]);
    expect(await httpRefusal(unlinkRecommendations(db, { linkId: link.id }, actor))).toMatchObject({ status: 404 });
    // Once removed, the two may be linked again.
    await linkRecommendations(db, { recommendationId: other!.id, targetCode: item!.code }, actor);
    expect(await db.auditLog.count({ where: { entityType: 'recommendation_link', actorId: actor.id } })).toBe(3);
  });
});
