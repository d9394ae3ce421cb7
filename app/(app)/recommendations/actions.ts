'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { authedAction } from '@/lib/auth/action';
import { bulkUpdateRecommendations, describeBulkChange } from '@/lib/recommendations/bulk-update';
import { bulkUpdateSchema } from '@/lib/validations/bulk-update';

const plural = (count: number) => (count === 1 ? '1 recommendation' : `${count} recommendations`);

/** The list page's bulk change: editors and admins only; every item's rules and version are checked. */
export const bulkUpdateAction = authedAction(bulkUpdateSchema, 'EDITOR', async (input, actor) => {
  const result = await bulkUpdateRecommendations(db, input, actor);
  revalidatePath('/recommendations');
  const done = result.changed.length > 0 ? `Changed ${plural(result.changed.length)}: ${describeBulkChange(input.change)}.` : 'Nothing needed changing.';
  const already = result.unchanged.length > 0 ? ` ${plural(result.unchanged.length)} already had it.` : '';
  return { ok: true, message: `${done}${already}` };
});
