'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { authedAction } from '@/lib/auth/action';
import { updateSeminar } from '@/lib/seminars/update-seminar';
import { updateSeminarSchema } from '@/lib/validations/seminar';

export const updateSeminarAction = authedAction(updateSeminarSchema, 'ADMIN', async (input, actor) => {
  const result = await updateSeminar(db, input, actor);
  if (!result.changed) return { ok: true, message: 'Nothing had changed, so nothing was saved.' };
  // Seminar titles and dates show on the seminar list, recommendation pages and reports.
  revalidatePath('/', 'layout');
  return { ok: true, message: 'Saved the seminar’s details.' };
});
