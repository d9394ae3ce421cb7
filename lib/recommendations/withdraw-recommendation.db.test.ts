import { afterAll, describe, expect, it } from 'vitest';
import { toDateOnly, today } from '@/lib/dates';
import { listSeminarSummaries } from '@/lib/seminars/list-seminar-summaries';
import { httpRefusal, readerActor } from '@/lib/test/refusal';
import { seedRecommendations } from '@/lib/test/recommendation-factory';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { recommendationFiltersSchema, searchParamsToObject } from '@/lib/validations/recommendation-filters';
import { getRecommendation } from './get-recommendation';
import { listRecommendations } from './list-recommendations';
import { restoreRecommendation, withdrawRecommendation } from './withdraw-recommendation';
import { changeStatusNow } from '@/lib/status/change-status';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { editEvidence } from '@/lib/evidence/edit-evidence';
import { removeEvidence } from '@/lib/evidence/remove-evidence';
import { bulkUpdateRecommendations } from './bulk-update';
import { correctRecommendationText } from './correct-recommendation-text';
import { linkRecommendations } from './link-recommendations';
import { updateRecommendation } from './update-recommendation';

const db = testDb();
afterAll(() => db.$disconnect());

async function editor() {
  return (await seedUser(db, { role: 'EDITOR' })).actor;
}

const listed = async (seminarId: string, extra: Record<string, string> = {}) =>
  (
    await listRecommendations(db, recommendationFiltersSchema.parse(searchParamsToObject(new URLSearchParams({ seminar: seminarId, ...extra }))), readerActor())
  ).items.map((row) => row.code);

async function seminarCount(seminarId: string): Promise<number | undefined> {
  for (let page = 1; ; page += 1) {
    const result = await listSeminarSummaries(db, { page, pageSize: 100 }, readerActor());
    const found = result.seminars.find((seminar) => seminar.id === seminarId);
    if (found) return found.recommendations;
    if (page >= result.pageCount) return undefined;
  }
}

describe('withdraw and restore a recommendation', () => {
  it('withdraw: the item leaves the list and the seminar’s count (the progress tally: progress-tally.db.test.ts); stays readable with who, when and why; restore brings it back', async () => {
    const [a, b] = await seedRecommendations(db, { count: 2 });
    const actor = await editor();

    const withdrawn = await withdrawRecommendation(db, { recommendationId: b!.id, expectedVersion: 1, reason: 'Entered twice.' }, actor);
    expect(withdrawn.version).toBe(2);
    expect(await listed(a!.seminarId)).toEqual([a!.code]);
    expect(await listed(a!.seminarId, { includeArchived: 'true' })).toEqual([a!.code, b!.code]);
    expect(await seminarCount(a!.seminarId)).toBe(1);

    const item = (await getRecommendation(db, b!.id, readerActor()))!;
    expect(item.archived).toBe(true);
    expect(item.withdrawal).toMatchObject({ reason: 'Entered twice.', by: { id: actor.id } });
    expect(item.withdrawal!.at).toBeInstanceOf(Date);
    const [audit] = await auditRows(db, b!.id, 'recommendation.withdraw');
    expect(JSON.parse(audit!.after!)).toMatchObject({ withdrawn: true, reason: 'Entered twice.', version: 2 });

    const restored = await restoreRecommendation(db, { recommendationId: b!.id, expectedVersion: 2 }, actor);
    expect(restored.version).toBe(3);
    expect(await listed(a!.seminarId)).toEqual([a!.code, b!.code]);
    expect(await seminarCount(a!.seminarId)).toBe(2);
    const back = (await getRecommendation(db, b!.id, readerActor()))!;
    expect(back).toMatchObject({ archived: false, withdrawal: null });
    expect(toDateOnly(back.statusDate)).toBe(toDateOnly(b!.seminarDate));
    expect(await auditRows(db, b!.id, 'recommendation.restore')).toHaveLength(1);
    // Nothing was deleted: the history is whole.
    expect(back.history).toHaveLength(1);
  });

  it('withdraw: a reason is required by the schema; withdrawing twice or restoring an item not withdrawn is refused (422)', async () => {
    const [item] = await seedRecommendations(db, { count: 1 });
    const actor = await editor();
    const { withdrawSchema } = await import('@/lib/validations/recommendation');
    expect(withdrawSchema.safeParse({ recommendationId: item!.id, expectedVersion: 1, reason: ' ' }).success).toBe(false);
    expect((await httpRefusal(restoreRecommendation(db, { recommendationId: item!.id, expectedVersion: 1 }, actor))).code).toBe('not_withdrawn');
    await withdrawRecommendation(db, { recommendationId: item!.id, expectedVersion: 1, reason: 'Mistake.' }, actor);
    const refusal = await httpRefusal(withdrawRecommendation(db, { recommendationId: item!.id, expectedVersion: 2, reason: 'Again.' }, actor));
    expect(refusal.status).toBe(422);
    expect(refusal.code).toBe('already_withdrawn');
  });

  it('withdraw: a stale version is a 409 naming who withdrew it', async () => {
    const [item] = await seedRecommendations(db, { count: 1 });
    await withdrawRecommendation(db, { recommendationId: item!.id, expectedVersion: 1, reason: 'Mistake.' }, await editor());
    const refusal = await httpRefusal(restoreRecommendation(db, { recommendationId: item!.id, expectedVersion: 1 }, await editor()));
    expect(refusal.status).toBe(409);
    expect(refusal.message).toMatch(/withdrew/);
  });
});

describe('a withdrawn item takes no change until it is restored', () => {
  it('status, evidence (add, edit, remove), classification, text, bulk edits and links are refused with 409 withdrawn, writing nothing; restored, it takes them again', async () => {
    const [item, other] = await seedRecommendations(db, { count: 2 });
    const actor = await editor();
    const day = today();
    const note = await addEvidence(db, item!.id, { body: 'Ministry circular.', evidenceDate: day }, actor);
    await withdrawRecommendation(db, { recommendationId: item!.id, expectedVersion: 1, reason: 'Entered by mistake.' }, actor);

    const snapshot = async () => ({
      item: await db.recommendation.findUniqueOrThrow({ where: { id: item!.id }, select: { version: true, status: true, text: true, priority: true } }),
      audit: await db.auditLog.count(),
      history: await db.statusChange.count({ where: { recommendationId: item!.id } }),
      evidence: await db.evidenceNote.findMany({ where: { recommendationId: item!.id }, select: { id: true, body: true, deletedAt: true, version: true } }),
      links: await db.recommendationLink.count({ where: { OR: [{ fromId: item!.id }, { toId: item!.id }] } }),
    });
    const before = await snapshot();

    const attempts: [string, () => Promise<unknown>][] = [
      ['status', () => changeStatusNow(db, { recommendationId: item!.id, expectedVersion: 2, status: 'IN_PROGRESS', effectiveDate: day }, actor)],
      ['add evidence', () => addEvidence(db, item!.id, { body: 'A later note.', evidenceDate: day }, actor)],
      ['edit evidence', () => editEvidence(db, { evidenceId: note.id, expectedVersion: note.version, body: 'Edited.', evidenceDate: day }, actor)],
      ['remove evidence', () => removeEvidence(db, { evidenceId: note.id }, actor)],
      ['classification', () => updateRecommendation(db, item!.id, { expectedVersion: 2, priority: 'HIGH' }, actor)],
      ['text', () => correctRecommendationText(db, { recommendationId: item!.id, expectedVersion: 2, title: 'New title', text: 'A corrected text.' }, actor)],
      [
        'bulk',
        () =>
          bulkUpdateRecommendations(
            db,
            { target: { kind: 'items', items: [{ id: item!.id, expectedVersion: 2 }] }, change: { operation: 'priority', priority: 'HIGH' } },
            actor,
          ),
      ],
      ['link from it', () => linkRecommendations(db, { recommendationId: item!.id, targetCode: other!.code }, actor)],
    ];
    for (const [what, attempt] of attempts) {
      const refusal = await httpRefusal(attempt());
      expect(refusal.status, what).toBe(409);
      // A bulk refusal lists each item's own reason.
      expect(JSON.stringify({ message: refusal.message, fields: refusal.fields }), what).toContain('is withdrawn: restore it before changing it');
    }
    const toIt = await httpRefusal(linkRecommendations(db, { recommendationId: other!.id, targetCode: item!.code }, actor));
    expect(toIt.code).toBe('withdrawn');
    expect(await snapshot()).toEqual(before);

    await restoreRecommendation(db, { recommendationId: item!.id, expectedVersion: 2 }, actor);
    const changed = await changeStatusNow(db, { recommendationId: item!.id, expectedVersion: 3, status: 'IN_PROGRESS', effectiveDate: day }, actor);
    expect(changed).toMatchObject({ version: 4, status: 'IN_PROGRESS' });
  });
});
