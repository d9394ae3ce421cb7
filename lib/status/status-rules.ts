// The rules a status change must keep, as pure functions of the facts, so they are tested without a
// database and the same wording reaches the form and the JSON API.
import type { FieldErrors } from '@/lib/api/errors';
import { formatDate } from '@/lib/format';
import { STATUS_LABEL, STATUSES_NEEDING_EVIDENCE, type Status } from './status';

export type StatusChangeFacts = {
  toStatus: Status;
  effectiveDate: Date;
  /** The seminar that made the recommendation: nothing can happen to it before then. */
  seminarDate: Date;
  /** Today's calendar date (UTC midnight, lib/dates.ts `today()`). */
  today: Date;
  /** The status in force on the effective date according to the history, null if none yet. */
  statusInForce: Status | null;
  /** Evidence notes on the item that are not removed. */
  evidenceCount: number;
  /** Whether the same step adds an evidence note. */
  inlineEvidence: boolean;
};

export type RuleViolation = { message: string; fields: FieldErrors };

/**
 * Whether moving to `toStatus` needs evidence brought with the change: the status needs evidence
 * and the item has none. The change-status form says "required" by this as the status is chosen.
 */
export function evidenceRequiredFor(toStatus: Status | null, evidenceCount: number): boolean {
  return toStatus !== null && STATUSES_NEEDING_EVIDENCE.includes(toStatus) && evidenceCount === 0;
}

/** Every broken rule at once (so a form can show them all); null when the change may be made. */
export function checkStatusChange(facts: StatusChangeFacts): RuleViolation | null {
  const fields: FieldErrors = {};
  const messages: string[] = [];
  const add = (field: string, message: string) => {
    (fields[field] ??= []).push(message);
    messages.push(message);
  };

  if (facts.effectiveDate.getTime() > facts.today.getTime()) {
    add('effectiveDate', `The effective date cannot be in the future (today is ${formatDate(facts.today)}).`);
  } else if (facts.effectiveDate.getTime() < facts.seminarDate.getTime()) {
    add('effectiveDate', `The effective date cannot be before the seminar, held on ${formatDate(facts.seminarDate)}.`);
  }

  if (evidenceRequiredFor(facts.toStatus, facts.evidenceCount) && !facts.inlineEvidence) {
    add('evidence.body', `Marking it ${STATUS_LABEL[facts.toStatus]} needs evidence: add an evidence note first, or describe the evidence with this change.`);
  }

  // Checked only for a valid date: "already X on a date it cannot have" would only confuse.
  if (!fields.effectiveDate && facts.statusInForce === facts.toStatus) {
    add('status', `It was already ${STATUS_LABEL[facts.toStatus]} on ${formatDate(facts.effectiveDate)}: choose another status, or the date it changed.`);
  }

  return messages.length === 0 ? null : { message: messages.join(' '), fields };
}

/** An evidence note describes something that has happened: its date cannot be in the future. */
export function checkEvidenceDate(evidenceDate: Date, today: Date, field = 'evidenceDate'): RuleViolation | null {
  if (evidenceDate.getTime() <= today.getTime()) return null;
  const message = `The evidence date cannot be in the future (today is ${formatDate(today)}).`;
  return { message, fields: { [field]: [message] } };
}
