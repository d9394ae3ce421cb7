import type { Db, Tx } from '@/lib/db';
import { NotFoundError, RuleViolationError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { today } from '@/lib/dates';
import { recomputeCurrentStatus } from '@/lib/status/recompute-status';
import { checkEvidenceDate } from '@/lib/status/status-rules';
import type { EvidenceInput } from '@/lib/validations/evidence';
import { lockRecommendations } from '@/lib/recommendations/lock-recommendations';
import { assertNotWithdrawn } from '@/lib/recommendations/version-conflict';

export type AddedEvidence = { id: string; recommendationId: string; code: string; version: number };

/** What an evidence note's audit row records: its content, so a later removal loses nothing. */
export function evidenceAuditView(note: EvidenceInput & { recommendationId: string; code: string }) {
  return {
    recommendationId: note.recommendationId,
    code: note.code,
    body: note.body,
    evidenceDate: note.evidenceDate.toISOString().slice(0, 10),
    sourceTitle: note.sourceTitle ?? null,
    sourceUrl: note.sourceUrl ?? null,
  };
}

/**
 * Writes an evidence note and its audit row in the caller's transaction. The caller checks the
 * rules and refreshes lastActivityAt (recomputeCurrentStatus); a status change uses this for the
 * evidence it brings along.
 */
export async function insertEvidenceNote(tx: Tx, item: { id: string; code: string }, evidence: EvidenceInput, actor: Actor): Promise<AddedEvidence> {
  const note = await tx.evidenceNote.create({
    data: {
      recommendationId: item.id,
      body: evidence.body,
      evidenceDate: evidence.evidenceDate,
      sourceTitle: evidence.sourceTitle ?? null,
      sourceUrl: evidence.sourceUrl ?? null,
      authorId: actor.id,
    },
    select: { id: true, version: true },
  });
  await writeAudit(tx, {
    actor,
    action: 'evidence.create',
    entityType: 'evidence_note',
    entityId: note.id,
    after: evidenceAuditView({ ...evidence, recommendationId: item.id, code: item.code }),
  });
  return { id: note.id, recommendationId: item.id, code: item.code, version: note.version };
}

/** Adds an evidence note to a recommendation. Evidence does not change the item's version. */
export async function addEvidence(db: Db, recommendationId: string, evidence: EvidenceInput, actor: Actor): Promise<AddedEvidence> {
  requireRole(actor, 'EDITOR');
  const violation = checkEvidenceDate(evidence.evidenceDate, today());
  if (violation) throw new RuleViolationError('rule_violation', violation.message, violation.fields);
  return db.$transaction(async (tx) => {
    await lockRecommendations(tx, [recommendationId]);
    const item = await tx.recommendation.findUnique({ where: { id: recommendationId }, select: { id: true, code: true, archived: true } });
    if (!item) throw NotFoundError.of('The recommendation');
    assertNotWithdrawn(item);
    const added = await insertEvidenceNote(tx, item, evidence, actor);
    await recomputeCurrentStatus(tx, item.id);
    return added;
  });
}
