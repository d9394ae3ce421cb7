import './no-eval-in-browser';
import { z } from 'zod';
import { parseDateOnly } from '@/lib/dates';

// Evidence notes: the same schema checks the add-evidence form, the inline evidence of a status
// change, and POST /api/v1/recommendations/[id]/evidence.

// The longest texts accepted; the forms (components/recommendation/evidence-fields.tsx) set them as
// maxLength, so the browser stops where the server would.
export const EVIDENCE_BODY_MAX = 20_000;
export const EVIDENCE_SOURCE_TITLE_MAX = 300;
export const EVIDENCE_SOURCE_URL_MAX = 2_000;

/** A required calendar date typed as YYYY-MM-DD (what <input type="date"> sends), parsed to midnight UTC. */
export function dateOnlySchema(missing: string) {
  return z
    .string({ error: missing })
    .trim()
    .min(1, missing)
    .transform((text, context) => {
      const date = parseDateOnly(text);
      if (!date) {
        context.addIssue({ code: 'custom', message: 'Enter a real date as YYYY-MM-DD, e.g. 2024-03-31.' });
        return z.NEVER;
      }
      return date;
    });
}

/** An optional text: blank (or null from JSON) means "none". */
export function optionalText(max: number, tooLong: string) {
  return z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
    z.string({ error: 'Enter text.' }).trim().max(max, tooLong).optional(),
  );
}

/** An id sent by a form (hidden field) or a client: a short opaque string. */
export function idSchema(missing: string) {
  return z.string({ error: missing }).trim().min(1, missing).max(64, missing);
}

/** A positive whole version number; forms send it as a string in a hidden field. */
export const expectedVersionSchema = z.coerce
  .number({ error: 'The form is missing the version it was loaded with. Reload the page.' })
  .int('The version must be a whole number. Reload the page.')
  .min(1, 'The form is missing the version it was loaded with. Reload the page.');

const sourceUrlSchema = z.preprocess(
  (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value),
  z
    .string({ error: 'Enter a web address.' })
    .trim()
    .max(EVIDENCE_SOURCE_URL_MAX, `Use a web address of at most ${EVIDENCE_SOURCE_URL_MAX} characters.`)
    // Only web links: javascript:, data: and file: addresses never reach a page.
    .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address starting with http:// or https://.' }))
    .optional(),
);

export const evidenceFields = {
  body: z
    .string({ error: 'Describe the evidence.' })
    .trim()
    .min(1, 'Describe the evidence.')
    .max(EVIDENCE_BODY_MAX, `Use at most ${EVIDENCE_BODY_MAX.toLocaleString('en-GB')} characters.`),
  evidenceDate: dateOnlySchema('Enter the date of the evidence.'),
  sourceTitle: optionalText(EVIDENCE_SOURCE_TITLE_MAX, `Use a source title of at most ${EVIDENCE_SOURCE_TITLE_MAX} characters.`),
  sourceUrl: sourceUrlSchema,
};

export const evidenceSchema = z.object(evidenceFields);
export type EvidenceInput = z.infer<typeof evidenceSchema>;

/** The add-evidence form: the API takes the recommendation from the URL instead. */
export const addEvidenceFormSchema = evidenceSchema.extend({ recommendationId: idSchema('The form does not say which recommendation. Reload the page.') });
export type AddEvidenceFormInput = z.infer<typeof addEvidenceFormSchema>;

export const evidenceEditSchema = evidenceSchema.extend({
  evidenceId: idSchema('Choose an evidence note.'),
  expectedVersion: expectedVersionSchema,
});
export type EvidenceEditInput = z.infer<typeof evidenceEditSchema>;

export const evidenceRemoveSchema = z.object({ evidenceId: idSchema('Choose an evidence note.') });
export type EvidenceRemoveInput = z.infer<typeof evidenceRemoveSchema>;
