import './no-eval-in-browser';
import { z } from 'zod';

// Themes (what a recommendation is about) and sectors (who has to act) are administered the
// same way; every input names its kind so one set of schemas and operations serves both.

export const TERM_KINDS = ['theme', 'sector'] as const;
export type TermKind = (typeof TERM_KINDS)[number];

export const TERM_KIND_LABEL: Record<TermKind, { one: string; many: string; One: string; Many: string }> = {
  theme: { one: 'theme', many: 'themes', One: 'Theme', Many: 'Themes' },
  sector: { one: 'sector', many: 'sectors', One: 'Sector', Many: 'Sectors' },
};

export const TERM_NAME_MAX = 80;
export const TERM_DESCRIPTION_MAX = 500;

export const termKindSchema = z.enum(TERM_KINDS, { error: 'Say whether this is a theme or a sector.' });

const termIdSchema = (what: string) =>
  z
    .string({ error: `Choose a ${what}.` })
    .trim()
    .min(1, `Choose a ${what}.`)
    .max(64, `Choose a ${what}.`);

export const termNameSchema = z
  .string({ error: 'Enter a name.' })
  .trim()
  .min(1, 'Enter a name.')
  .max(TERM_NAME_MAX, `Use at most ${TERM_NAME_MAX} characters.`);

/** Optional; an empty box means "no description". */
export const termDescriptionSchema = z
  .string()
  .trim()
  .max(TERM_DESCRIPTION_MAX, `Use at most ${TERM_DESCRIPTION_MAX} characters.`)
  .optional()
  .transform((value) => (value ? value : null));

/** Lower-cased, as the browser's colour picker reports it, so an unchanged colour compares equal. */
export const termColorSchema = z
  .string({ error: 'Choose a colour.' })
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Choose a colour as #rrggbb, e.g. #4478ab.')
  .transform((value) => value.toLowerCase());

export const createTermSchema = z.object({
  kind: termKindSchema,
  name: termNameSchema,
  description: termDescriptionSchema,
  color: termColorSchema,
});
export type CreateTermInput = z.infer<typeof createTermSchema>;

/**
 * Themes and sectors have no version column, so the row's updatedAt as the form saw it is the
 * concurrency token: if it moved since, someone else changed the term and the edit is refused.
 */
export const expectedUpdatedAtSchema = z
  .string({ error: 'This form is out of date. Reload the page and try again.' })
  .pipe(z.iso.datetime({ error: 'This form is out of date. Reload the page and try again.' }))
  .transform((value) => new Date(value));

export const updateTermSchema = z.object({
  kind: termKindSchema,
  id: termIdSchema('term'),
  name: termNameSchema,
  description: termDescriptionSchema,
  color: termColorSchema,
  expectedUpdatedAt: expectedUpdatedAtSchema,
});
export type UpdateTermInput = z.infer<typeof updateTermSchema>;

/** Move one term a place up or down the list (the buttons on the admin page). */
export const moveTermSchema = z.object({
  kind: termKindSchema,
  id: termIdSchema('term'),
  direction: z.enum(['up', 'down'], { error: 'Say whether to move it up or down.' }),
});
export type MoveTermInput = z.infer<typeof moveTermSchema>;

/** The whole order at once: every active (not merged) term of the kind, first to last. */
export const reorderTermsSchema = z.object({
  kind: termKindSchema,
  ids: z
    .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(termIdSchema('term')).min(1, 'List the terms in their new order.'))
    .refine((ids) => new Set(ids).size === ids.length, 'Each term may appear only once in the order.'),
});
export type ReorderTermsInput = z.infer<typeof reorderTermsSchema>;

export const mergeTermsSchema = z
  .object({
    kind: termKindSchema,
    sourceId: termIdSchema('term to merge away'),
    targetId: termIdSchema('term to keep'),
    confirm: z.literal('yes', { error: 'Tick the box to confirm: a merge cannot be undone from this page.' }),
  })
  .refine((value) => value.sourceId !== value.targetId, {
    message: 'Choose two different terms: a term cannot be merged into itself.',
    path: ['targetId'],
  });
export type MergeTermsInput = z.infer<typeof mergeTermsSchema>;
