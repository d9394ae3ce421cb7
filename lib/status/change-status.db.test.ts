import { afterAll, describe, expect, it } from 'vitest';
import type { ApiError } from '@/lib/api/errors';
import { asHttp } from '@/lib/test/refusal';
import { parseDateOnly, today, toDateOnly } from '@/lib/dates';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { seedRecommendation } from '@/lib/test/recommendation-factory';
import { changeStatus, changeStatusNow, type ChangeStatusInput } from './change-status';
import { recomputeCurrentStatus } from './recompute-status';

const db = testDb();
afterAll(() => db.$disconnect());

const day = (text: string) => parseDateOnly(text)!;
const DAY = 86_400_000;

async function editor() {
  return (await seedUser(db, { role: 'EDITOR' })).actor;
}

async function state(id: string) {
  const item = await db.recommendation.findUniqueOrThrow({ where: { id }, select: { status: true, statusDate: true, version: true, lastActivityAt: true } });
  const history = await db.statusChange.findMany({ where: { recommendationId: id }, orderBy: [{ effectiveDate: 'asc' }, { recordedAt: 'asc' }] });
  const evidence = await db.evidenceNote.count({ where: { recommendationId: id } });
  return { ...item, history, evidence };
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  return asHttp(error);
}

describe('status: recording a change', () => {
  it('status: a change today updates the current status, bumps the version and writes history and audit', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    const result = await changeStatusNow(
      db,
      { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: today(), note: 'Working group met.' },
      actor,
    );
    expect(result).toEqual({ version: 2, status: 'IN_PROGRESS' });
    const after = await state(item.id);
    expect(after).toMatchObject({ status: 'IN_PROGRESS', version: 2, statusDate: today(), lastActivityAt: today() });
    expect(after.history.map((row) => [row.fromStatus, row.toStatus])).toEqual([
      [null, 'NOT_STARTED'],
      ['NOT_STARTED', 'IN_PROGRESS'],
    ]);
    expect(after.history[1]).toMatchObject({ authorId: actor.id, note: 'Working group met.' });
    const audit = await auditRows(db, item.id, 'recommendation.status_change');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(actor.id);
    expect(JSON.parse(audit[0]!.before!)).toMatchObject({ status: 'NOT_STARTED', version: 1 });
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({
      status: 'IN_PROGRESS',
      version: 2,
      change: { fromStatus: 'NOT_STARTED', toStatus: 'IN_PROGRESS', effectiveDate: toDateOnly(today()), note: 'Working group met.' },
    });
  });

  it('status: an unknown recommendation is not found', async () => {
    const error = await refusal(
      changeStatusNow(db, { recommendationId: 'nope', expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: today() }, await editor()),
    );
    expect(error.status).toBe(404);
  });
});

describe('status: evidence is required for (partially) implemented', () => {
  it('status: implemented without any evidence is refused and nothing is written', async () => {
    const item = await seedRecommendation(db);
    const error = await refusal(
      changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IMPLEMENTED', effectiveDate: day('2020-05-01') }, await editor()),
    );
    expect(error.status).toBe(422);
    expect(error.fields?.['evidence.body']?.[0]).toMatch(/needs evidence/);
    const after = await state(item.id);
    expect(after).toMatchObject({ status: 'NOT_STARTED', version: 1, evidence: 0 });
    expect(after.history).toHaveLength(1);
    expect(await auditRows(db, item.id)).toHaveLength(0);
  });

  it('status: an existing evidence note is enough', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    await addEvidence(db, item.id, { body: 'Budget line found.', evidenceDate: day('2020-04-01') }, actor);
    const result = await changeStatusNow(
      db,
      { recommendationId: item.id, expectedVersion: 1, status: 'PARTIALLY_IMPLEMENTED', effectiveDate: day('2020-05-01') },
      actor,
    );
    expect(result).toEqual({ version: 2, status: 'PARTIALLY_IMPLEMENTED' });
  });

  it('status: a removed evidence note does not count', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    const added = await addEvidence(db, item.id, { body: 'Wrong item.', evidenceDate: day('2020-04-01') }, actor);
    await db.evidenceNote.update({ where: { id: added.id }, data: { deletedAt: new Date() } });
    const error = await refusal(
      changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IMPLEMENTED', effectiveDate: day('2020-05-01') }, actor),
    );
    expect(error.status).toBe(422);
  });

  it('status: evidence given with the change is created first, by the same author, and counts', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    const input: ChangeStatusInput = {
      recommendationId: item.id,
      expectedVersion: 1,
      status: 'IMPLEMENTED',
      effectiveDate: day('2021-06-30'),
      evidence: { body: 'MoU signed.', evidenceDate: day('2021-06-29'), sourceTitle: 'Press release', sourceUrl: 'https://example.org/mou' },
    };
    expect(await changeStatusNow(db, input, actor)).toEqual({ version: 2, status: 'IMPLEMENTED' });
    const notes = await db.evidenceNote.findMany({ where: { recommendationId: item.id } });
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ body: 'MoU signed.', authorId: actor.id, sourceUrl: 'https://example.org/mou', evidenceDate: day('2021-06-29') });
    const audit = await auditRows(db, notes[0]!.id, 'evidence.create');
    expect(audit).toHaveLength(1);
    const change = JSON.parse((await auditRows(db, item.id, 'recommendation.status_change'))[0]!.after!).change;
    expect(change.evidenceId).toBe(notes[0]!.id);
  });

  it('status: inline evidence dated in the future is refused', async () => {
    const item = await seedRecommendation(db);
    const tomorrow = new Date(today().getTime() + DAY);
    const error = await refusal(
      changeStatusNow(
        db,
        { recommendationId: item.id, expectedVersion: 1, status: 'IMPLEMENTED', effectiveDate: today(), evidence: { body: 'x', evidenceDate: tomorrow } },
        await editor(),
      ),
    );
    expect(error.fields?.['evidence.evidenceDate']).toHaveLength(1);
    expect((await state(item.id)).evidence).toBe(0);
  });
});

describe('status: effective dates', () => {
  it('status: a date in the future is refused', async () => {
    const item = await seedRecommendation(db);
    const tomorrow = new Date(today().getTime() + DAY);
    const error = await refusal(
      changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: tomorrow }, await editor()),
    );
    expect(error.status).toBe(422);
    expect(error.fields?.effectiveDate?.[0]).toMatch(/future/);
    expect((await state(item.id)).version).toBe(1);
  });

  it('status: a date before the seminar is refused; the seminar date itself is allowed', async () => {
    const item = await seedRecommendation(db, { seminarDate: '2015-02-12' });
    const actor = await editor();
    const error = await refusal(
      changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2015-02-11') }, actor),
    );
    expect(error.fields?.effectiveDate?.[0]).toMatch(/before the seminar/);
    const result = await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2015-02-12') }, actor);
    // Same effective date as the seminar's NOT_STARTED, recorded later: it is the current status.
    expect(result.status).toBe('IN_PROGRESS');
  });
});

describe('status: back-dated changes', () => {
  it('status: back-dated change recomputes current status when it is the latest by effective date', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2019-01-01') }, actor);
    const result = await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 2, status: 'STALLED', effectiveDate: day('2022-03-15') }, actor);
    expect(result).toEqual({ version: 3, status: 'STALLED' });
    expect(await state(item.id)).toMatchObject({ status: 'STALLED', statusDate: day('2022-03-15'), lastActivityAt: day('2022-03-15') });
  });

  it('status: a back-dated change older than the latest lands in its place and leaves the current status', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'STALLED', effectiveDate: day('2022-01-01') }, actor);
    const result = await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 2, status: 'IN_PROGRESS', effectiveDate: day('2018-06-01') }, actor);
    expect(result).toEqual({ version: 3, status: 'STALLED' });
    const after = await state(item.id);
    expect(after).toMatchObject({ status: 'STALLED', statusDate: day('2022-01-01') });
    expect(after.history.map((row) => [toDateOnly(row.effectiveDate), row.fromStatus, row.toStatus])).toEqual([
      ['2015-02-12', null, 'NOT_STARTED'],
      // fromStatus is what was in force on its own date, not the current status.
      ['2018-06-01', 'NOT_STARTED', 'IN_PROGRESS'],
      ['2022-01-01', 'NOT_STARTED', 'STALLED'],
    ]);
  });

  it('status: the status already in force on the effective date is refused; the same status at another date is not', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2020-01-01') }, actor);
    const error = await refusal(
      changeStatusNow(db, { recommendationId: item.id, expectedVersion: 2, status: 'IN_PROGRESS', effectiveDate: day('2021-01-01') }, actor),
    );
    expect(error.fields?.status?.[0]).toMatch(/already In progress/);
    // Earlier, when it was still not started, "in progress" is news: it moves the start back.
    const result = await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 2, status: 'IN_PROGRESS', effectiveDate: day('2017-01-01') }, actor);
    expect(result).toEqual({ version: 3, status: 'IN_PROGRESS' });
  });
});

describe('status: a change after the current one (read off the item, not the history)', () => {
  /** What the full recomputation from the history gives: the change's fast path must agree. */
  async function recomputed(id: string) {
    return db.$transaction(async (tx) => {
      await recomputeCurrentStatus(tx, id);
      return tx.recommendation.findUniqueOrThrow({ where: { id }, select: { status: true, statusDate: true, lastActivityAt: true } });
    });
  }

  it('status: later evidence keeps the last activity; earlier evidence does not hold it back', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    await addEvidence(db, item.id, { body: 'Minutes.', evidenceDate: day('2020-06-01') }, actor);
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2019-01-01') }, actor);
    const after = await state(item.id);
    expect(after).toMatchObject({ status: 'IN_PROGRESS', statusDate: day('2019-01-01'), lastActivityAt: day('2020-06-01') });
    expect(await recomputed(item.id)).toEqual({ status: after.status, statusDate: after.statusDate, lastActivityAt: after.lastActivityAt });

    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 2, status: 'STALLED', effectiveDate: day('2021-03-04') }, actor);
    const later = await state(item.id);
    expect(later).toMatchObject({ status: 'STALLED', statusDate: day('2021-03-04'), lastActivityAt: day('2021-03-04') });
    expect(await recomputed(item.id)).toEqual({ status: later.status, statusDate: later.statusDate, lastActivityAt: later.lastActivityAt });
  });

  it('status: evidence brought along, dated after the change, is the last activity', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    await changeStatusNow(
      db,
      {
        recommendationId: item.id,
        expectedVersion: 1,
        status: 'IMPLEMENTED',
        effectiveDate: day('2019-01-01'),
        evidence: { body: 'Law passed.', evidenceDate: day('2019-02-15') },
      },
      actor,
    );
    const after = await state(item.id);
    expect(after).toMatchObject({ status: 'IMPLEMENTED', statusDate: day('2019-01-01'), lastActivityAt: day('2019-02-15'), version: 2 });
    expect(await recomputed(item.id)).toEqual({ status: after.status, statusDate: after.statusDate, lastActivityAt: after.lastActivityAt });
  });

  it('status: a change and evidence added at the same moment leave the item as its history says', async () => {
    const actor = await editor();
    for (let round = 0; round < 4; round += 1) {
      const item = await seedRecommendation(db);
      await Promise.all([
        changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2019-01-01') }, actor),
        addEvidence(db, item.id, { body: `Note ${round}.`, evidenceDate: day('2020-06-01') }, actor),
      ]);
      const after = await state(item.id);
      expect(after).toMatchObject({ status: 'IN_PROGRESS', lastActivityAt: day('2020-06-01') });
      expect(await recomputed(item.id)).toEqual({ status: after.status, statusDate: after.statusDate, lastActivityAt: after.lastActivityAt });
    }
  });

  it('status: a second change on the same day as the current one becomes current', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2019-01-01') }, actor);
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 2, status: 'STALLED', effectiveDate: day('2019-01-01') }, actor);
    const after = await state(item.id);
    expect(after).toMatchObject({ status: 'STALLED', statusDate: day('2019-01-01'), version: 3 });
    expect(after.history.at(-1)).toMatchObject({ fromStatus: 'IN_PROGRESS', toStatus: 'STALLED' });
    expect(await recomputed(item.id)).toEqual({ status: after.status, statusDate: after.statusDate, lastActivityAt: after.lastActivityAt });
  });
});

describe('status: concurrency and atomicity', () => {
  it('status: a stale expectedVersion is refused with 409 naming who changed it, and nothing is written', async () => {
    const item = await seedRecommendation(db);
    const vera = await seedUser(db, { role: 'EDITOR' });
    await db.user.update({ where: { id: vera.id }, data: { name: 'Vera Viewer' } });
    await changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status: 'IN_PROGRESS', effectiveDate: day('2020-01-01') }, vera.actor);
    const before = await state(item.id);

    const error = await refusal(
      changeStatusNow(
        db,
        {
          recommendationId: item.id,
          expectedVersion: 1,
          status: 'IMPLEMENTED',
          effectiveDate: day('2021-01-01'),
          evidence: { body: 'x', evidenceDate: day('2021-01-01') },
        },
        await editor(),
      ),
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe('version_conflict');
    expect(error.message).toContain(`Vera Viewer changed the status of ${item.code} to In progress at `);
    // The name only: no email, and no raw audit row.
    expect(JSON.stringify([error.message, error.extra])).not.toContain(vera.email);
    expect(error.message).toMatch(/reload to see it; your changes are kept below\.$/);
    expect(error.extra).toEqual({
      currentVersion: 2,
      changedBy: 'Vera Viewer',
      changedAt: expect.any(String),
      change: { action: 'recommendation.status_change', summary: `changed the status of ${item.code} to In progress` },
    });
    expect(typeof error.extra?.changedAt).toBe('string');
    expect(await state(item.id)).toEqual(before);
    expect(await auditRows(db, item.id)).toHaveLength(1);
  });

  it('status: two simultaneous changes from the same version: one wins, the other gets 409', async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    const attempt = (status: 'IN_PROGRESS' | 'STALLED') =>
      changeStatusNow(db, { recommendationId: item.id, expectedVersion: 1, status, effectiveDate: day('2020-01-01') }, actor);
    const results = await Promise.allSettled([attempt('IN_PROGRESS'), attempt('STALLED')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(asHttp(rejected[0]!.reason)).toMatchObject({ status: 409 });
    const after = await state(item.id);
    expect(after.version).toBe(2);
    expect(after.history).toHaveLength(2);
  });

  it("status: history, evidence and audit rows are written in the caller's transaction: a later failure leaves nothing", async () => {
    const item = await seedRecommendation(db);
    const actor = await editor();
    const failure = db.$transaction(async (tx) => {
      await changeStatus(
        tx,
        {
          recommendationId: item.id,
          expectedVersion: 1,
          status: 'IMPLEMENTED',
          effectiveDate: day('2021-01-01'),
          evidence: { body: 'x', evidenceDate: day('2021-01-01') },
        },
        actor,
      );
      throw new Error('failure after the status row');
    });
    await expect(failure).rejects.toThrow('failure after the status row');
    const after = await state(item.id);
    expect(after).toMatchObject({ status: 'NOT_STARTED', version: 1, evidence: 0 });
    expect(after.history).toHaveLength(1);
    expect(await auditRows(db, item.id)).toHaveLength(0);
    expect(await db.auditLog.count({ where: { actorId: actor.id } })).toBe(0);
  });
});
