'use server';

// Server actions for both vocabulary pages (/admin/themes and /admin/sectors): every input names
// its kind, so one set of actions serves both.
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { authedAction } from '@/lib/auth/action';
import { createTerm } from '@/lib/taxonomy/create-term';
import { mergeTerms } from '@/lib/taxonomy/merge-terms';
import { reorderTerms } from '@/lib/taxonomy/reorder-terms';
import { updateTerm } from '@/lib/taxonomy/update-term';
import { createTermSchema, mergeTermsSchema, moveTermSchema, TERM_KIND_LABEL, updateTermSchema } from '@/lib/validations/taxonomy';

// Theme and sector names and colours appear on almost every page, so refresh them all.
const refreshEverywhere = () => revalidatePath('/', 'layout');

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export const createTermAction = authedAction(createTermSchema, 'ADMIN', async (input, actor) => {
  const term = await createTerm(db, input, actor);
  refreshEverywhere();
  return { ok: true, message: `“${term.name}” was added at the end of the ${TERM_KIND_LABEL[input.kind].many}.` };
});

export const updateTermAction = authedAction(updateTermSchema, 'ADMIN', async (input, actor) => {
  const term = await updateTerm(db, input, actor);
  refreshEverywhere();
  return { ok: true, message: `Saved “${term.name}”.` };
});

export const moveTermAction = authedAction(moveTermSchema, 'ADMIN', async (input, actor) => {
  await reorderTerms(db, input, actor);
  refreshEverywhere();
  return { ok: true, message: `Moved ${input.direction}.` };
});

export const mergeTermsAction = authedAction(mergeTermsSchema, 'ADMIN', async (input, actor) => {
  const result = await mergeTerms(db, input, actor);
  refreshEverywhere();
  const items = plural(result.recommendationCodes.length, 'recommendation');
  const details = [
    result.primaryMoved > 0 ? `${result.primaryMoved} as primary theme` : null,
    result.linksMoved > 0 ? `${result.linksMoved} as ${input.kind === 'theme' ? 'secondary theme' : 'sector'}` : null,
    result.duplicatesDropped > 0 ? `${plural(result.duplicatesDropped, 'duplicate link')} dropped` : null,
  ].filter(Boolean);
  return {
    ok: true,
    message: `Merged “${result.source.name}” into “${result.target.name}”: ${items} now use “${result.target.name}”${details.length ? ` (${details.join(', ')})` : ''}. “${result.source.name}” is kept as merged and no longer offered.`,
  };
});
