import { z } from 'zod';
import { PRIORITIES } from '@/lib/status/status';
import { parseDateOnly } from '@/lib/dates';
import { expectedVersionSchema, idSchema, optionalText } from './evidence';

// Editing a recommendation's fields (PATCH semantics: a missing field is left as it is) and its
// manual links. Forms send strings and repeated keys; the API sends JSON; both parse here.

/**
 * A list of ids from JSON (an array) or a form (one string, or repeated keys). Forms also send an
 * empty hidden entry so that unticking every box still sends the field: blanks are dropped.
 */
function idList(message: string) {
  return z.preprocess(
    (value) => {
      if (value === undefined) return undefined;
      const list = Array.isArray(value) ? value : [value];
      return list.filter((entry) => !(typeof entry === 'string' && entry.trim() === ''));
    },
    z.array(z.string({ error: message }).trim().min(1, message).max(64, message), { error: message }).max(50, 'Choose at most 50.'),
  );
}

/** YYYY-MM-DD sets the date; blank or null clears it; absent leaves it. */
const targetDateSchema = z
  .union([z.string(), z.null()], { error: 'Enter a target date as YYYY-MM-DD, or leave it blank.' })
  .transform((value, context) => {
    if (value === null || value.trim() === '') return null;
    const date = parseDateOnly(value.trim());
    if (!date) {
      context.addIssue({ code: 'custom', message: 'Enter a real date as YYYY-MM-DD, e.g. 2027-12-31, or leave it blank.' });
      return z.NEVER;
    }
    return date;
  })
  .optional();

const recommendationUpdateFields = {
  expectedVersion: expectedVersionSchema,
  primaryThemeId: idSchema('Choose a primary theme.').optional(),
  secondaryThemeIds: idList('Choose secondary themes from the list.').optional(),
  sectorIds: idList('Choose owner sectors from the list.').pipe(z.array(z.string()).min(1, 'Choose at least one owner sector.')).optional(),
  priority: z.enum(PRIORITIES, { error: 'Choose a priority: low, medium or high.' }).optional(),
  targetDate: targetDateSchema,
};

export const recommendationUpdateSchema = z.object(recommendationUpdateFields);
export type RecommendationUpdateInput = z.infer<typeof recommendationUpdateSchema>;

const recommendationId = idSchema('The form does not say which recommendation. Reload the page.');

/** The edit-fields form: the API takes the recommendation from the URL instead. */
export const recommendationUpdateFormSchema = recommendationUpdateSchema.extend({ recommendationId });
export type RecommendationUpdateFormInput = z.infer<typeof recommendationUpdateFormSchema>;

export const linkSchema = z.object({
  recommendationId,
  targetCode: z
    .string({ error: 'Enter the code of the related recommendation, e.g. 2015-R03.' })
    .trim()
    .min(1, 'Enter the code of the related recommendation, e.g. 2015-R03.')
    .max(40, 'Enter a code like 2015-R03.'),
  note: optionalText(500, 'Use a note of at most 500 characters.'),
});
export type LinkInput = z.infer<typeof linkSchema>;

export const unlinkSchema = z.object({ linkId: idSchema('Choose a link to remove.') });
export type UnlinkInput = z.infer<typeof unlinkSchema>;

export const RECOMMENDATION_TEXT_MAX = 10_000;
export const RECOMMENDATION_TITLE_MAX = 200;
export const REASON_MAX = 500;

const recommendationText = z
  .string({ error: 'Enter the recommendation’s text.' })
  .trim()
  .min(1, 'Enter the recommendation’s text.')
  .max(RECOMMENDATION_TEXT_MAX, `Use at most ${RECOMMENDATION_TEXT_MAX.toLocaleString('en-GB')} characters.`);

/**
 * Adding a recommendation to a seminar by hand (the form and POST /api/v1/seminars/{id}/recommendations).
 * A blank title is made from the text's first words; no primary theme means the first theme in the
 * list; no owner sectors means none yet; priority defaults to medium.
 */
export const addRecommendationSchema = z.object({
  text: recommendationText,
  title: optionalText(RECOMMENDATION_TITLE_MAX, `Use a title of at most ${RECOMMENDATION_TITLE_MAX} characters.`),
  primaryThemeId: idSchema('Choose a primary theme.').optional(),
  secondaryThemeIds: idList('Choose secondary themes from the list.').optional(),
  sectorIds: idList('Choose owner sectors from the list.').optional(),
  priority: z.enum(PRIORITIES, { error: 'Choose a priority: low, medium or high.' }).optional(),
  targetDate: targetDateSchema,
});
export type AddRecommendationInput = z.infer<typeof addRecommendationSchema>;

/** The add-recommendation form also says which seminar; the API takes it from the URL. */
export const addRecommendationFormSchema = addRecommendationSchema.extend({
  seminarId: idSchema('The form does not say which seminar. Reload the page.'),
  // The form asks for it; only the API may leave it to the default.
  primaryThemeId: idSchema('Choose a primary theme.'),
});
export type AddRecommendationFormInput = z.infer<typeof addRecommendationFormSchema>;

/** Correcting an item's text (and title); the earlier wording stays in its history. */
export const correctTextSchema = z.object({
  recommendationId,
  expectedVersion: expectedVersionSchema,
  title: z
    .string({ error: 'Enter a short title.' })
    .trim()
    .min(1, 'Enter a short title.')
    .max(RECOMMENDATION_TITLE_MAX, `Use a title of at most ${RECOMMENDATION_TITLE_MAX} characters.`),
  text: recommendationText,
  reason: optionalText(REASON_MAX, `Use a reason of at most ${REASON_MAX} characters.`),
});
export type CorrectTextInput = z.infer<typeof correctTextSchema>;

/** Withdrawing an item entered by mistake: it leaves the lists and counts, and can be restored. */
export const withdrawSchema = z.object({
  recommendationId,
  expectedVersion: expectedVersionSchema,
  reason: z
    .string({ error: 'Say why it is withdrawn, e.g. “entered twice”.' })
    .trim()
    .min(1, 'Say why it is withdrawn, e.g. “entered twice”.')
    .max(REASON_MAX, `Use a reason of at most ${REASON_MAX} characters.`),
});
export type WithdrawInput = z.infer<typeof withdrawSchema>;

export const restoreSchema = z.object({ recommendationId, expectedVersion: expectedVersionSchema });
export type RestoreInput = z.infer<typeof restoreSchema>;
