// Manual links between recommendations ("the same ask, repeated at a later seminar"). A link is
// one row whichever way it was made, shown on both items; removing it sets removedAt. Links are
// not part of an item's fields, so they do not bump its version.
import type { Db, Tx } from '@/lib/db';
import { NotFoundError, RuleViolationError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { LinkInput, UnlinkInput } from '@/lib/validations/recommendation';
import { assertNotWithdrawn } from './version-conflict';

export async function linkRecommendations(db: Db, input: LinkInput, actor: Actor): Promise<{ id: string; code: string; targetCode: string }> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(async (tx) => {
    const from = await tx.recommendation.findUnique({ where: { id: input.recommendationId }, select: { id: true, code: true, archived: true } });
    if (!from) throw NotFoundError.of('The recommendation');
    assertNotWithdrawn(from);
    const to = await tx.recommendation.findFirst({
      where: { OR: [{ code: input.targetCode }, { code: input.targetCode.toUpperCase() }] },
      select: { id: true, code: true, archived: true },
    });
    if (!to) {
      throw new RuleViolationError('invalid_reference', `There is no recommendation ${input.targetCode}.`, {
        targetCode: [`There is no recommendation with the code ${input.targetCode}. Codes look like 2015-R03.`],
      });
    }
    if (to.archived) {
      throw new RuleViolationError('withdrawn', `${to.code} is withdrawn: restore it before linking to it.`, {
        targetCode: [`${to.code} is withdrawn: restore it before linking to it.`],
      });
    }
    if (to.id === from.id) {
      throw new RuleViolationError('rule_violation', 'A recommendation cannot be linked to itself.', {
        targetCode: ['Enter the code of another recommendation.'],
      });
    }
    const existing = await tx.recommendationLink.findFirst({
      where: {
        removedAt: null,
        OR: [
          { fromId: from.id, toId: to.id },
          { fromId: to.id, toId: from.id },
        ],
      },
      select: { id: true },
    });
    if (existing) {
      throw new RuleViolationError('duplicate', `${from.code} is already linked to ${to.code}.`, {
        targetCode: [`${from.code} is already linked to ${to.code}.`],
      });
    }
    const link = await insertRecommendationLink(tx, { from, to, note: input.note ?? null }, actor);
    return { id: link.id, code: from.code, targetCode: to.code };
  });
}

/**
 * Writes one link and its audit row in the caller's transaction; the caller has checked that both
 * items exist, differ and are not linked yet (a confirmed report import links its new items this way).
 */
export async function insertRecommendationLink(
  tx: Tx,
  link: { from: { id: string; code: string }; to: { id: string; code: string }; note: string | null },
  actor: Actor,
): Promise<{ id: string }> {
  const row = await tx.recommendationLink.create({
    data: { fromId: link.from.id, toId: link.to.id, note: link.note, createdById: actor.id },
    select: { id: true },
  });
  await writeAudit(tx, {
    actor,
    action: 'recommendation.link',
    entityType: 'recommendation_link',
    entityId: row.id,
    after: { from: link.from.code, to: link.to.code, note: link.note },
  });
  return row;
}

export async function unlinkRecommendations(db: Db, input: UnlinkInput, actor: Actor): Promise<{ id: string; codes: string[] }> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(async (tx) => {
    const link = await tx.recommendationLink.findUnique({
      where: { id: input.linkId },
      select: { id: true, note: true, removedAt: true, from: { select: { code: true } }, to: { select: { code: true } } },
    });
    if (!link || link.removedAt) throw NotFoundError.of('The link');
    const { count } = await tx.recommendationLink.updateMany({ where: { id: link.id, removedAt: null }, data: { removedAt: new Date() } });
    if (count === 1) {
      await writeAudit(tx, {
        actor,
        action: 'recommendation.unlink',
        entityType: 'recommendation_link',
        entityId: link.id,
        before: { from: link.from.code, to: link.to.code, note: link.note },
        after: { removed: true },
      });
    }
    return { id: link.id, codes: [link.from.code, link.to.code] };
  });
}
