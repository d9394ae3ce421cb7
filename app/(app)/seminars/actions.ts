'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { authedAction } from '@/lib/auth/action';
import { addRecommendation } from '@/lib/recommendations/add-recommendation';
import { createSeminar } from '@/lib/seminars/create-seminar';
import { addRecommendationFormSchema } from '@/lib/validations/recommendation';
import { createSeminarSchema } from '@/lib/validations/seminar';

export const createSeminarAction = authedAction(createSeminarSchema, 'EDITOR', async (input, actor) => {
  const seminar = await createSeminar(db, input, actor);
  // The seminar list, the filters' seminar choices and the dashboard's seminar filter.
  revalidatePath('/', 'layout');
  redirect(`/seminars/${encodeURIComponent(seminar.codePrefix)}/recommendations/new?created=1`);
});

export const addRecommendationAction = authedAction(addRecommendationFormSchema, 'EDITOR', async (input, actor) => {
  const { seminarId, ...item } = input;
  const created = await addRecommendation(db, seminarId, item, actor);
  // A new item shows on the list, the seminars page, the dashboard and the reports.
  revalidatePath('/', 'layout');
  return { ok: true, message: `Added ${created.code}.` };
});
