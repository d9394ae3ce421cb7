import type { Db, Tx } from '@/lib/db';
import { NotFoundError, RuleViolationError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { today, toDateOnly } from '@/lib/dates';
import { insertEvidenceNote } from '@/lib/evidence/add-evidence';
import { lockRecommendations } from '@/lib/recommendations/lock-recommendations';
import { assertNotWithdrawn, assertVersion, bumpVersion } from '@/lib/recommendations/version-conflict';
import type { EvidenceInput } from '@/lib/validations/evidence';
import { appendedChangeTally } from '@/lib/progress/tally/appended-change-tally';
import { addToTally } from '@/lib/progress/tally/tally-rows';
import { withProgressTally } from '@/lib/progress/tally/with-progress-tally';
import { recomputeCurrentStatus } from './recompute-status';
import { checkEvidenceDate, checkStatusChange, type RuleViolation } from './status-rules';
import { isStatus, STATUSES_NEEDING_EVIDENCE, type Status } from './status';

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
    fields: Object.assign({}, ...found.map((violation) => violation.fields)) as RuleViolation['fields'],
  };
}

/**
 * Records a status change in the caller's transaction: the history row lands at its effective date
 * (a back-dated change takes its place in the past) and the current status follows the history, so
 * a change older than the latest one leaves the current status as it is.
 *
 * Every check reads before anything is written, so a refusal leaves the transaction untouched and a
 * bulk caller may report it and go on with the next item.
 */
export async function changeStatus(tx: Tx, input: ChangeStatusInput, actor: Actor): Promise<{ version: number; status: Status }> {
  requireRole(actor, 'EDITOR');
  await lockRecommendations(tx, [input.recommendationId]);
  const item = await tx.recommendation.findUnique({
    where: { id: input.recommendationId },
    select: {
      id: true,
      code: true,
      status: true,
      statusDate: true,
      lastActivityAt: true,
      version: true,
      archived: true,
      primaryThemeId: true,
      sectors: { select: { sectorId: true } },
      seminar: { select: { date: true } },
    },
  });
  if (!item) throw NotFoundError.of('The recommendation');
  await assertVersion(tx, item, input.expectedVersion);
  assertNotWithdrawn(item);

  // Dated on or after the current status (the usual case, a change dated today), the change goes at
  // the end of the history, after the change the current status comes from: that one is in force.
  const atEnd = input.effectiveDate >= item.statusDate;
  const inForce = atEnd
    ? { toStatus: item.status }
    : await tx.statusChange.findFirst({
        where: { recommendationId: item.id, effectiveDate: { lte: input.effectiveDate } },
        orderBy: [{ effectiveDate: 'desc' }, { recordedAt: 'desc' }, { id: 'desc' }],
        select: { toStatus: true },
      });
  const statusInForce = inForce && isStatus(inForce.toStatus) ? inForce.toStatus : null;
  // The rules read the evidence count only for a status that needs evidence and brings none.
  const evidenceCount =
    STATUSES_NEEDING_EVIDENCE.includes(input.status) && !input.evidence
      ? await tx.evidenceNote.count({ where: { recommendationId: item.id, deletedAt: null } })
      : 0;
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
  if (violation) throw new RuleViolationError('rule_violation', violation.message, violation.fields);

  const note = input.note?.trim() || null;
  const record = () =>
    tx.statusChange.create({
      data: {
        recommendationId: item.id,
        fromStatus: inForce?.toStatus ?? null,
        toStatus: input.status,
        effectiveDate: input.effectiveDate,
        authorId: actor.id,
        note,
      },
      select: { id: true },
    });
  // At the end of the history, the new status is current from its date, and the item's last
  // activity moves to it (or to the evidence brought along) if later: set with the version. In the
  // past, the history decides (recomputeCurrentStatus).
  const version = await bumpVersion(
    tx,
    item.id,
    input.expectedVersion,
    atEnd
      ? {
          status: input.status,
          statusDate: input.effectiveDate,
          lastActivityAt: latest(item.lastActivityAt, input.effectiveDate, input.evidence?.evidenceDate),
        }
      : {},
  );
  const evidence = input.evidence ? await insertEvidenceNote(tx, item, input.evidence, actor) : null;
  const change = atEnd ? await record() : await withProgressTally(tx, [item.id], record);
  if (atEnd) await addToTally(tx, appendedChangeTally(item, item.status, input.status, input.effectiveDate));
  const current = atEnd ? { status: input.status, statusDate: input.effectiveDate } : await recomputeCurrentStatus(tx, item.id);
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

function latest(...dates: (Date | undefined)[]): Date {
  return new Date(Math.max(...dates.filter((date): date is Date => date !== undefined).map((date) => date.getTime())));
}

/** changeStatus in a transaction of its own: what a form or an API call uses. */
export async function changeStatusNow(db: Db, input: ChangeStatusInput, actor: Actor): Promise<{ version: number; status: Status }> {
  requireRole(actor, 'EDITOR');
  return db.$transaction((tx) => changeStatus(tx, input, actor));
}
