import './no-eval-in-browser';
import { z } from 'zod';
import { parseDateOnly } from '@/lib/dates';
import { SEMINAR_KINDS } from '@/lib/seminars/kinds';

export const SEMINAR_TITLE_MAX = 200;
export const SEMINAR_PLACE_MAX = 200;
export const SPEAKER_NAME_MAX = 120;
export const SPEAKER_DESIGNATION_MAX = 200;
export const SPEAKERS_MAX = 100;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : null));

const dateSchema = z
  .string({ error: 'Enter the date, e.g. 2015-03-14.' })
  .trim()
  .transform((value, context) => {
    const date = parseDateOnly(value);
    if (!date) {
      context.addIssue({ code: 'custom', message: value ? 'Enter a real date as YYYY-MM-DD, e.g. 2015-03-14.' : 'Enter the date, e.g. 2015-03-14.' });
      return z.NEVER;
    }
    return date;
  });

/** One row of the speakers list; a row left entirely blank is dropped, not an error. */
const speakerRowSchema = z
  .object({
    name: z.string().trim().max(SPEAKER_NAME_MAX, `Use at most ${SPEAKER_NAME_MAX} characters.`),
    designation: z.string().trim().max(SPEAKER_DESIGNATION_MAX, `Use at most ${SPEAKER_DESIGNATION_MAX} characters.`),
  })
  .superRefine((row, context) => {
    if (!row.name && row.designation) context.addIssue({ code: 'custom', message: 'Enter the speaker’s name, or remove this row.', path: ['name'] });
  })
  .transform((row) => (row.name ? { name: row.name, designation: row.designation || null } : null));

const asList = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * A form sends the speakers as parallel repeated fields (speakerName, speakerDesignation, one
 * pair per row, in order); a JSON caller may send `speakers: [{ name, designation }]` directly.
 * Errors are keyed `speakers.<row>.name` by the row as shown, blank rows included.
 */
function speakersFromForm(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'speakers' in raw) return raw;
  const { speakerName, speakerDesignation, ...rest } = raw as Record<string, unknown>;
  const names = asList(speakerName);
  const designations = asList(speakerDesignation);
  const rows = Array.from({ length: Math.max(names.length, designations.length) }, (_, index) => ({
    name: names[index] ?? '',
    designation: designations[index] ?? '',
  }));
  return { ...rest, speakers: rows };
}

export const updateSeminarSchema = z.preprocess(
  speakersFromForm,
  z.object({
    id: z.string({ error: 'Choose a seminar.' }).trim().min(1, 'Choose a seminar.').max(64, 'Choose a seminar.'),
    expectedVersion: z.coerce
      .number({ error: 'This form is out of date. Reload the page and try again.' })
      .int('This form is out of date. Reload the page and try again.')
      .min(1, 'This form is out of date. Reload the page and try again.'),
    title: z.string({ error: 'Enter a title.' }).trim().min(1, 'Enter a title.').max(SEMINAR_TITLE_MAX, `Use at most ${SEMINAR_TITLE_MAX} characters.`),
    kind: z.enum(SEMINAR_KINDS, { error: 'Choose what kind of event it was.' }),
    date: dateSchema,
    venue: optionalText(SEMINAR_PLACE_MAX),
    organiser: optionalText(SEMINAR_PLACE_MAX),
    speakers: z
      .array(speakerRowSchema)
      .max(SPEAKERS_MAX, `List at most ${SPEAKERS_MAX} speakers.`)
      .transform((rows) => rows.filter((row): row is { name: string; designation: string | null } => row !== null)),
  }),
);
export type UpdateSeminarInput = z.infer<typeof updateSeminarSchema>;

/** The longest report text accepted by hand (about 60 pages); a server action's body stays under 1 MB. */
export const SEMINAR_SOURCE_TEXT_MAX = 200_000;
export const SEMINAR_SOURCE_FILE_NAME_MAX = 200;

/** Creating a seminar by hand (POST /api/v1/seminars's JSON body); its code prefix is allocated, not chosen. */
export const createSeminarFieldsSchema = z.object({
  title: z.string({ error: 'Enter a title.' }).trim().min(1, 'Enter a title.').max(SEMINAR_TITLE_MAX, `Use at most ${SEMINAR_TITLE_MAX} characters.`),
  kind: z.enum(SEMINAR_KINDS, { error: 'Choose what kind of event it was.' }),
  date: dateSchema,
  venue: optionalText(SEMINAR_PLACE_MAX)
    .nullable()
    .transform((value) => value ?? null),
  organiser: optionalText(SEMINAR_PLACE_MAX)
    .nullable()
    .transform((value) => value ?? null),
  speakers: z
    .array(speakerRowSchema)
    .max(SPEAKERS_MAX, `List at most ${SPEAKERS_MAX} speakers.`)
    .optional()
    .transform((rows = []) => rows.filter((row): row is { name: string; designation: string | null } => row !== null)),
  sourceText: z
    .string({ error: 'Paste the report’s text, or leave it blank.' })
    .max(SEMINAR_SOURCE_TEXT_MAX, `Use at most ${SEMINAR_SOURCE_TEXT_MAX.toLocaleString('en-GB')} characters of the report.`)
    .nullish()
    .transform((value) => (value && value.trim() ? value.replace(/\r\n?/g, '\n') : '')),
  sourceFileName: optionalText(SEMINAR_SOURCE_FILE_NAME_MAX)
    .nullable()
    .transform((value) => value ?? null),
});

/** The same from the form (speakers as parallel repeated fields) or JSON. */
export const createSeminarSchema = z.preprocess(speakersFromForm, createSeminarFieldsSchema);
export type CreateSeminarInput = z.infer<typeof createSeminarSchema>;
