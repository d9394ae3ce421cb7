import type { Db, Tx } from '@/lib/db';
import { conflictAuthor } from '@/lib/audit/conflict-author';
import { NotFoundError, EditConflictError, ForbiddenError, RuleViolationError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { hasRole, type Role } from '@/lib/auth/roles';
import { formatDateTime } from '@/lib/format';
import { today } from '@/lib/dates';
import { recomputeCurrentStatus } from '@/lib/status/recompute-status';
import { checkEvidenceDate } from '@/lib/status/status-rules';
import type { EvidenceEditInput } from '@/lib/validations/evidence';
import { evidenceAuditView } from './add-evidence';
import { lockRecommendations } from '@/lib/recommendations/lock-recommendations';
import { assertNotWithdrawn } from '@/lib/recommendations/version-conflict';

/** Who is changing evidence: editors may change their own notes, administrators anyone's. */
export type EvidenceActor = Actor & { id: string };

export function canChangeEvidence(actor: { id: string; role: Role }, note: { authorId: string | null }): boolean {
  return hasRole(actor.role, 'ADMIN') || (hasRole(actor.role, 'EDITOR') && note.authorId === actor.id);
}

export const EVIDENCE_FOR_CHANGE = {
  id: true,
  recommendationId: true,
  body: true,
  evidenceDate: true,
  sourceTitle: true,
  sourceUrl: true,
  authorId: true,
  version: true,
  deletedAt: true,
  recommendation: { select: { code: true, archived: true } },
} as const;

/** The note to change, refused when it is gone or not the actor's to change. */
export async function evidenceForChange(tx: Tx, evidenceId: string, actor: EvidenceActor) {
  const note = await tx.evidenceNote.findUnique({ where: { id: evidenceId }, select: EVIDENCE_FOR_CHANGE });
  if (!note || note.deletedAt) throw NotFoundError.of('The evidence note');
  assertNotWithdrawn(note.recommendation);
  if (!canChangeEvidence(actor, note)) {
    throw new ForbiddenError('Editors can change only the evidence they added; ask an administrator to change this note.');
  }
  // The change recomputes the item's last activity: the item's row is held until the commit.
  await lockRecommendations(tx, [note.recommendationId]);
  return note;
}

async function evidenceConflict(tx: Tx, evidenceId: string, currentVersion: number): Promise<EditConflictError> {
  const latest = await tx.auditLog.findFirst({
    where: { entityType: 'evidence_note', entityId: evidenceId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { actorLabel: true, createdAt: true, actor: { select: { name: true } } },
  });
  const who = conflictAuthor(latest);
  const when = latest ? ` at ${formatDateTime(latest.createdAt)}` : '';
  return new EditConflictError(
    'version_conflict',
    `${who} changed this evidence note${when} — reload to see it; your changes are kept below.`,
    {},
    {
      currentVersion,
      changedBy: latest ? who : null,
      changedAt: latest?.createdAt.toISOString() ?? null,
    },
  );
}

/** Edits an evidence note, checked against the version the editor loaded. */
export async function editEvidence(db: Db, input: EvidenceEditInput, actor: EvidenceActor): Promise<{ id: string; code: string; version: number }> {
  requireRole(actor, 'EDITOR');
  const violation = checkEvidenceDate(input.evidenceDate, today());
  if (violation) throw new RuleViolationError('rule_violation', violation.message, violation.fields);
  return db.$transaction(async (tx) => {
    const note = await evidenceForChange(tx, input.evidenceId, actor);
    const data = {
      body: input.body,
      evidenceDate: input.evidenceDate,
      sourceTitle: input.sourceTitle ?? null,
      sourceUrl: input.sourceUrl ?? null,
    };
    const { count } = await tx.evidenceNote.updateMany({
      where: { id: note.id, version: input.expectedVersion, deletedAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw await evidenceConflict(tx, note.id, note.version);
    const code = note.recommendation.code;
    await writeAudit(tx, {
      actor,
      action: 'evidence.update',
      entityType: 'evidence_note',
      entityId: note.id,
      before: evidenceAuditView({
        recommendationId: note.recommendationId,
        code,
        body: note.body,
        evidenceDate: note.evidenceDate,
        sourceTitle: note.sourceTitle ?? undefined,
        sourceUrl: note.sourceUrl ?? undefined,
      }),
      after: evidenceAuditView({ ...data, sourceTitle: input.sourceTitle, sourceUrl: input.sourceUrl, recommendationId: note.recommendationId, code }),
    });
    await recomputeCurrentStatus(tx, note.recommendationId);
    return { id: note.id, code, version: input.expectedVersion + 1 };
  });
}
