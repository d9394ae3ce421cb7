import type { Db } from '@/lib/db';
import { RuleViolationError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole } from '@/lib/auth/actor';
import { recomputeCurrentStatus } from '@/lib/status/recompute-status';
import { STATUS_LABEL, STATUSES_NEEDING_EVIDENCE, isStatus } from '@/lib/status/status';
import type { EvidenceRemoveInput } from '@/lib/validations/evidence';
import { evidenceAuditView } from './add-evidence';
import { evidenceForChange, type EvidenceActor } from './edit-evidence';

/**
 * Removes an evidence note from view (deletedAt); the row stays, and the audit row keeps its text.
 * The last note of an item currently marked (partially) implemented cannot go: that status needs
 * evidence, so the editor adds the right note first.
 */
export async function removeEvidence(db: Db, input: EvidenceRemoveInput, actor: EvidenceActor): Promise<{ id: string; code: string }> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(async (tx) => {
    const note = await evidenceForChange(tx, input.evidenceId, actor);
    const item = await tx.recommendation.findUniqueOrThrow({ where: { id: note.recommendationId }, select: { status: true } });
    if (isStatus(item.status) && STATUSES_NEEDING_EVIDENCE.includes(item.status)) {
      const others = await tx.evidenceNote.count({ where: { recommendationId: note.recommendationId, deletedAt: null, id: { not: note.id } } });
      if (others === 0) {
        throw new RuleViolationError(
          'rule_violation',
          `This is the only evidence for a recommendation marked ${STATUS_LABEL[item.status]}: add the right evidence first, then remove this note.`,
        );
      }
    }
    // The WHERE on deletedAt keeps two simultaneous removals from writing two audit rows.
    const { count } = await tx.evidenceNote.updateMany({ where: { id: note.id, deletedAt: null }, data: { deletedAt: new Date() } });
    if (count === 0) return { id: note.id, code: note.recommendation.code };
    await writeAudit(tx, {
      actor,
      action: 'evidence.remove',
      entityType: 'evidence_note',
      entityId: note.id,
      before: evidenceAuditView({
        recommendationId: note.recommendationId,
        code: note.recommendation.code,
        body: note.body,
        evidenceDate: note.evidenceDate,
        sourceTitle: note.sourceTitle ?? undefined,
        sourceUrl: note.sourceUrl ?? undefined,
      }),
      after: { deleted: true },
    });
    await recomputeCurrentStatus(tx, note.recommendationId);
    return { id: note.id, code: note.recommendation.code };
  });
}
