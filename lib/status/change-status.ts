import type { Db, Tx } from '@/lib/db';
import { ApiError, notFoundError } from '@/lib/api/errors';
import { writeAudit, type Actor } from '@/lib/audit/write-audit';
import { today, toDateOnly } from '@/lib/dates';
import { insertEvidenceNote } from '@/lib/evidence/add-evidence';
import { assertVersion, bumpVersion } from '@/lib/recommendations/version-conflict';
import type { EvidenceInput } from '@/lib/validations/evidence';
import { withProgressTally } from '@/lib/progress/tally/with-progress-tally';
import { recomputeCurrentStatus } from './recompute-status';
import { checkEvidenceDate, checkStatusChange, type RuleViolation } from './status-rules';
import { isStatus, type Status } from './status';

export type ChangeStatusInput = {
  recommendationId: string;
  expectedVersion: number;
  status: Status;
  effectiveDate: Date;
  note?: string | null;
  evidence?: EvidenceInput | null;
};

function merge(...violations: (RuleViolation | null)[]): RuleViolation | null {
  const found = violations.filter((violation): violation is RuleViolation => violation !== null);
  if (found.length === 0) return null;
  return {
    message: found.map((violation) => violation.message).join(' '),
    fields: Object.assign({}, ...found.map((violation) => violation.fields)),
  };
}

/**
 * Records a status change in the caller's transaction: the history row lands at its effective date
 * (a back-dated change takes its place in the past) and the current status is recomputed from the
 * whole history, so a change older than the latest one leaves the current status as it is.
 *
 * Every check reads before anything is written, so a refusal leaves the transaction untouched and a
 * bulk caller may report it and go on with the next item.
 */
export async function changeStatus(tx: Tx, input: ChangeStatusInput, actor: Actor): Promise<{ version: number; status: Status }> {
  const item = await tx.recommendation.findUnique({
    where: { id: input.recommendationId },
    select: { id: true, code: true, status: true, statusDate: true, version: true, seminar: { select: { date: true } } },
  });
  if (!item) throw notFoundError('The recommendation');
  await assertVersion(tx, item, input.expectedVersion);

  const inForce = await tx.statusChange.findFirst({
    where: { recommendationId: item.id, effectiveDate: { lte: input.effectiveDate } },
    orderBy: [{ effectiveDate: 'desc' }, { recordedAt: 'desc' }, { id: 'desc' }],
    select: { toStatus: true },
  });
  const statusInForce = inForce && isStatus(inForce.toStatus) ? inForce.toStatus : null;
  const evidenceCount = await tx.evidenceNote.count({ where: { recommendationId: item.id, deletedAt: null } });
  const now = today();
  const violation = merge(
    checkStatusChange({
      toStatus: input.status,
      effectiveDate: input.effectiveDate,
      seminarDate: item.seminar.date,
      today: now,
      statusInForce,
      evidenceCount,
      inlineEvidence: Boolean(input.evidence),
    }),
    input.evidence ? checkEvidenceDate(input.evidence.evidenceDate, now, 'evidence.evidenceDate') : null,
  );
  if (violation) throw new ApiError(422, 'rule_violation', violation.message, violation.fields);

  const version = await bumpVersion(tx, item.id, input.expectedVersion);
  const evidence = input.evidence ? await insertEvidenceNote(tx, item, input.evidence, actor) : null;
  const note = input.note?.trim() || null;
  const change = await withProgressTally(tx, [item.id], () =>
    tx.statusChange.create({
      data: {
        recommendationId: item.id,
        fromStatus: inForce?.toStatus ?? null,
        toStatus: input.status,
        effectiveDate: input.effectiveDate,
        authorId: actor.id,
        note,
      },
      select: { id: true, recordedAt: true },
    }),
  );
  const current = await recomputeCurrentStatus(tx, item.id);
  await writeAudit(tx, {
    actor,
    action: 'recommendation.status_change',
    entityType: 'recommendation',
    entityId: item.id,
    before: { code: item.code, status: item.status, statusDate: toDateOnly(item.statusDate), version: item.version },
    after: {
      code: item.code,
      status: current.status,
      statusDate: toDateOnly(current.statusDate),
      version,
      change: {
        id: change.id,
        fromStatus: inForce?.toStatus ?? null,
        toStatus: input.status,
        effectiveDate: toDateOnly(input.effectiveDate),
        note,
        evidenceId: evidence?.id ?? null,
      },
    },
  });
  return { version, status: current.status as Status };
}

/** changeStatus in a transaction of its own: what a form or an API call uses. */
export function changeStatusNow(db: Db, input: ChangeStatusInput, actor: Actor): Promise<{ version: number; status: Status }> {
  return db.$transaction((tx) => changeStatus(tx, input, actor));
}
