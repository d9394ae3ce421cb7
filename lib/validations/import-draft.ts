import './no-eval-in-browser';
import { z } from 'zod';
import { parseDateOnly } from '@/lib/dates';
import { SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { dateOnlySchema, idSchema } from './evidence';
import { SEMINAR_PLACE_MAX, SEMINAR_TITLE_MAX } from './seminar';

// Report imports under review (lib/import/*-import-draft.ts): the autosave of the review screen, the
// confirm, and the API's JSON. What only the server can check (spans inside the draft's source text,
// theme/sector/recommendation ids that exist) is checked by the operations, which answer with field
// errors keyed like these schemas' paths (`items.3.start`).

/** Most proposed recommendations one draft may hold. */
export const DRAFT_ITEMS_MAX = 500;
/** Longest text of one proposed recommendation. */
export const DRAFT_ITEM_TEXT_MAX = 10_000;
/** Most owner sectors, and most accepted related links, per item. */
export const DRAFT_ITEM_SECTORS_MAX = 50;
export const DRAFT_ITEM_RELATED_MAX = 20;
/** Longest pasted text (the same order as the extraction's own limit on a file's text). */
export const PASTED_TEXT_MAX = 5_000_000;

const expectedVersion = z.coerce
  .number({ error: 'This page is out of date. Reload it and try again.' })
  .int('This page is out of date. Reload it and try again.')
  .min(1, 'This page is out of date. Reload it and try again.');

const draftId = idSchema('The request does not say which import. Reload the page.');

const ids = (message: string, max: number) =>
  z
    .array(idSchema(message), { error: message })
    .max(max, `Choose at most ${max}.`)
    .transform((list) => [...new Set(list)]);

const offset = z
  .number({ error: 'A position in the source must be a whole number.' })
  .int('A position in the source must be a whole number.')
  .min(0, 'A position in the source cannot be negative.');

const suggestionSchema = z
  .object({
    themeId: z.string().max(64).nullable(),
    themeConfidence: z.number().min(0).max(1),
    sectors: z.array(z.object({ id: z.string().max(64), confidence: z.number().min(0).max(1) })).max(DRAFT_ITEM_SECTORS_MAX),
    related: z
      .array(z.object({ id: z.string().max(64), code: z.string().max(64), title: z.string().max(1_000), score: z.number().min(0).max(1) }))
      .max(DRAFT_ITEM_RELATED_MAX),
  })
  .nullable();

/**
 * One proposed recommendation as the review screen sends it. `suggestion` may be sent back as it was
 * received; the server keeps the one it computed (by `key`) and ignores the client's copy.
 */
export const draftItemSchema = z
  .object({
    key: z.string({ error: 'Each item needs a key.' }).trim().min(1, 'Each item needs a key.').max(64, 'An item key is at most 64 characters.'),
    text: z
      .string({ error: 'Enter the recommendation’s text.' })
      .refine((text) => text.trim() !== '', 'Enter the recommendation’s text, or remove the item.')
      .refine((text) => text.length <= DRAFT_ITEM_TEXT_MAX, `Use at most ${DRAFT_ITEM_TEXT_MAX.toLocaleString('en')} characters.`),
    start: offset.nullable().default(null),
    end: offset.nullable().default(null),
    themeId: idSchema('Choose a primary theme.').nullable().default(null),
    sectorIds: ids('Choose owner sectors from the list.', DRAFT_ITEM_SECTORS_MAX).default([]),
    suggestion: suggestionSchema.optional(),
    acceptedRelatedIds: ids('Choose related recommendations from the suggestions.', DRAFT_ITEM_RELATED_MAX).default([]),
  })
  .superRefine((item, context) => {
    if ((item.start === null) !== (item.end === null)) {
      context.addIssue({ code: 'custom', path: ['end'], message: 'Give both ends of the span in the source, or neither.' });
    } else if (item.start !== null && item.end !== null && item.end <= item.start) {
      context.addIssue({ code: 'custom', path: ['end'], message: 'The span must end after it starts.' });
    }
  });
export type DraftItemInput = z.infer<typeof draftItemSchema>;

const draftDate = z
  .string({ error: 'Enter the date as YYYY-MM-DD.' })
  .trim()
  .nullable()
  .transform((value, context) => {
    if (value === null || value === '') return null;
    if (!parseDateOnly(value)) {
      context.addIssue({ code: 'custom', message: 'Enter a real date as YYYY-MM-DD, e.g. 2015-03-14.' });
      return z.NEVER;
    }
    return value;
  });

const draftText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .nullable()
    .transform((value) => (value ? value : null));

/** The seminar while it is a draft: everything may still be missing (confirm requires title, kind and date). */
export const draftSeminarSchema = z.object({
  title: z.string({ error: 'Enter a title.' }).trim().max(SEMINAR_TITLE_MAX, `Use at most ${SEMINAR_TITLE_MAX} characters.`).default(''),
  kind: z.enum(SEMINAR_KINDS, { error: 'Choose what kind of event it was.' }).nullable().default(null),
  date: draftDate.default(null),
  venue: draftText(SEMINAR_PLACE_MAX).default(null),
  organiser: draftText(SEMINAR_PLACE_MAX).default(null),
});
export type DraftSeminarInput = z.infer<typeof draftSeminarSchema>;

/** The review screen's autosave: `items` is the whole new list, in order; what is absent is left as it is. */
export const updateImportDraftSchema = z.object({
  draftId,
  expectedVersion,
  seminar: draftSeminarSchema.optional(),
  items: z
    .array(draftItemSchema, { error: 'Send the items as a list.' })
    .max(DRAFT_ITEMS_MAX, `A report can have at most ${DRAFT_ITEMS_MAX} recommendations.`)
    .superRefine((items, context) => {
      const seen = new Set<string>();
      items.forEach((item, index) => {
        if (seen.has(item.key)) context.addIssue({ code: 'custom', path: [index, 'key'], message: 'Two items have the same key.' });
        seen.add(item.key);
      });
    })
    .optional(),
});
export type UpdateImportDraftInput = z.infer<typeof updateImportDraftSchema>;

/** Starting an import from pasted text (a file upload is read by the route, not by a schema). */
export const createImportDraftTextSchema = z.object({
  text: z
    .string({ error: 'Paste the report’s text.' })
    .refine((text) => text.trim() !== '', 'Paste the report’s text.')
    .refine((text) => text.length <= PASTED_TEXT_MAX, `Paste at most ${PASTED_TEXT_MAX.toLocaleString('en')} characters.`),
  fileName: z.string().trim().max(255).optional(),
});
export type CreateImportDraftTextInput = z.infer<typeof createImportDraftTextSchema>;

/** Discarding a draft; without expectedVersion it is discarded as it stands. */
export const discardImportDraftSchema = z.object({ draftId, expectedVersion: expectedVersion.optional() });
export type DiscardImportDraftInput = z.infer<typeof discardImportDraftSchema>;

/**
 * Confirming: the seminar's details as the editor settled them (they win over the draft's), against
 * the draft version the editor saw; without expectedVersion (the CLI, an API client) the draft is
 * confirmed as it stands.
 */
export const confirmImportDraftSchema = z.object({
  draftId,
  expectedVersion: expectedVersion.optional(),
  seminar: z.object({
    title: z.string({ error: 'Enter a title.' }).trim().min(1, 'Enter a title.').max(SEMINAR_TITLE_MAX, `Use at most ${SEMINAR_TITLE_MAX} characters.`),
    kind: z.enum(SEMINAR_KINDS, { error: 'Choose what kind of event it was.' }),
    date: dateOnlySchema('Enter the date, e.g. 2015-03-14.'),
    venue: draftText(SEMINAR_PLACE_MAX)
      .optional()
      .transform((value) => value ?? null),
    organiser: draftText(SEMINAR_PLACE_MAX)
      .optional()
      .transform((value) => value ?? null),
  }),
});
export type ConfirmImportDraftInput = z.infer<typeof confirmImportDraftSchema>;

/** GET /api/v1/imports?status=... */
export const importDraftListQuerySchema = z.object({
  status: z.enum(['DRAFT', 'CONFIRMED', 'DISCARDED', 'ALL'], { error: 'Choose DRAFT, CONFIRMED, DISCARDED or ALL.' }).default('DRAFT'),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
