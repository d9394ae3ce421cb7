import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { NotFoundError, RuleViolationError } from '@/lib/errors';
import { withProgressTally } from '@/lib/progress/tally/with-progress-tally';
import type { RestoreInput, WithdrawInput } from '@/lib/validations/recommendation';
import { assertVersion, bumpVersion } from './version-conflict';

type Result = { id: string; code: string; version: number };

/**
 * Withdraws (withdraw = true) an item entered by mistake, or restores it. A withdrawn item keeps
 * its code, history and evidence, and stays readable by direct link, but leaves the lists, counts,
 * charts and reports (Recommendation.archived). Version-checked, audited, and the progress tally
 * moved in the same transaction. Nothing is deleted.
 */
async function setWithdrawn(
  db: Db,
  input: { recommendationId: string; expectedVersion: number; reason?: string },
  withdraw: boolean,
  actor: Actor,
): Promise<Result> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(async (tx) => {
    const item = await tx.recommendation.findUnique({
      where: { id: input.recommendationId },
      select: { id: true, code: true, version: true, archived: true, archivedReason: true },
    });
    if (!item) throw NotFoundError.of('The recommendation');
    await assertVersion(tx, item, input.expectedVersion);
    if (item.archived === withdraw) {
      throw new RuleViolationError(
        withdraw ? 'already_withdrawn' : 'not_withdrawn',
        withdraw ? `${item.code} is already withdrawn.` : `${item.code} is not withdrawn.`,
      );
    }
    const version = await withProgressTally(tx, [item.id], async () => {
      const next = await bumpVersion(tx, item.id, input.expectedVersion);
      await tx.recommendation.update({
        where: { id: item.id },
        data: withdraw
          ? { archived: true, archivedAt: new Date(), archivedById: actor.id, archivedReason: input.reason ?? null }
          : { archived: false, archivedAt: null, archivedById: null, archivedReason: null },
      });
      return next;
    });
    await writeAudit(tx, {
      actor,
      action: withdraw ? 'recommendation.withdraw' : 'recommendation.restore',
      entityType: 'recommendation',
      entityId: item.id,
      before: { code: item.code, version: item.version, withdrawn: item.archived, ...(withdraw ? {} : { reason: item.archivedReason }) },
      after: { code: item.code, version, withdrawn: withdraw, ...(withdraw ? { reason: input.reason ?? null } : {}) },
    });
    return { id: item.id, code: item.code, version };
  });
}

/** Withdraws an item entered by mistake (see setWithdrawn); a reason is required. */
export function withdrawRecommendation(db: Db, input: WithdrawInput, actor: Actor): Promise<Result> {
  return setWithdrawn(db, input, true, actor);
}

/** Brings a withdrawn item back into the lists, counts and reports. */
export function restoreRecommendation(db: Db, input: RestoreInput, actor: Actor): Promise<Result> {
  return setWithdrawn(db, input, false, actor);
}
