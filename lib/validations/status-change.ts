import './no-eval-in-browser';
import { z } from 'zod';
import { STATUSES } from '@/lib/status/status';
import { dateOnlySchema, evidenceFields, expectedVersionSchema, idSchema, optionalText, type EvidenceInput } from './evidence';

// A status change. The JSON API sends inline evidence as an object, `evidence: { body, ... }`;
// the form sends flat fields named "evidence.body", "evidence.evidenceDate", ... so that the
// field errors (keyed "evidence.body") land next to the right inputs. Both arrive here.

/** The longest note a status change takes (the form's maxLength too). */
export const STATUS_NOTE_MAX = 2_000;

const EVIDENCE_KEYS = ['body', 'evidenceDate', 'sourceTitle', 'sourceUrl'] as const;

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Gathers flat "evidence.*" form fields into `evidence`, and drops inline evidence that is all
 * blank (the form always sends the fields).
 */
function nestEvidence(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const input = { ...(raw as Record<string, unknown>) };
  let evidence = input.evidence;
  if (evidence === undefined && EVIDENCE_KEYS.some((key) => `evidence.${key}` in input)) {
    evidence = Object.fromEntries(EVIDENCE_KEYS.map((key) => [key, input[`evidence.${key}`]]));
  }
  for (const key of EVIDENCE_KEYS) delete input[`evidence.${key}`];
  if (typeof evidence === 'object' && evidence !== null && !Array.isArray(evidence)) {
    const fields = evidence as Record<string, unknown>;
    // A date alone is not evidence: only text or a source makes a note.
    if (isBlank(fields.body) && isBlank(fields.sourceTitle) && isBlank(fields.sourceUrl)) evidence = undefined;
    else if (isBlank(fields.evidenceDate)) evidence = { ...fields, evidenceDate: undefined };
  } else if (evidence === null) {
    evidence = undefined;
  }
  input.evidence = evidence;
  return input;
}

const statusChangeFields = {
  status: z.enum(STATUSES, { error: 'Choose a status.' }),
  effectiveDate: dateOnlySchema('Enter the date the change took effect.'),
  note: optionalText(STATUS_NOTE_MAX, `Use a note of at most ${STATUS_NOTE_MAX} characters.`),
  expectedVersion: expectedVersionSchema,
  evidence: z
    .object(
      { ...evidenceFields, evidenceDate: evidenceFields.evidenceDate.optional() },
      { error: 'Send evidence as { body, evidenceDate?, sourceTitle?, sourceUrl? }.' },
    )
    .optional(),
};

/**
 * Inline evidence without a date takes the change's effective date: the usual case is "this
 * happened, here is the proof, same day".
 */
function dateInlineEvidence<T extends { effectiveDate: Date; evidence?: { evidenceDate?: Date } & Omit<EvidenceInput, 'evidenceDate'> }>(
  input: T,
): Omit<T, 'evidence'> & { evidence?: EvidenceInput } {
  const { evidence, ...rest } = input;
  return evidence ? { ...rest, evidence: { ...evidence, evidenceDate: evidence.evidenceDate ?? input.effectiveDate } } : rest;
}

export const statusChangeSchema = z.preprocess(nestEvidence, z.object(statusChangeFields).transform(dateInlineEvidence));
export type StatusChangeInput = z.infer<typeof statusChangeSchema>;

/** The change-status form: the API takes the recommendation from the URL instead. */
export const statusChangeFormSchema = z.preprocess(
  nestEvidence,
  z.object({ ...statusChangeFields, recommendationId: idSchema('The form does not say which recommendation. Reload the page.') }).transform(dateInlineEvidence),
);
export type StatusChangeFormInput = z.infer<typeof statusChangeFormSchema>;
