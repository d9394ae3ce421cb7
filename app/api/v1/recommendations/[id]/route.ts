import { db } from '@/lib/db';
import { apiRoute, readJson } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { findRecommendationRef, getRecommendation, recommendationToJson } from '@/lib/recommendations/get-recommendation';
import { updateRecommendation } from '@/lib/recommendations/update-recommendation';
import { getRecurrence, recurrenceToJson } from '@/lib/recurring/get-recurrence';
import { recommendationUpdateSchema } from '@/lib/validations/recommendation';

type Params = { id: string };

/** One recommendation, by id or code, with its status history, evidence and links, and the same ask made at other seminars. */
export const GET = apiRoute<Params>('VIEWER', async ({ params, actor }) => {
  const item = await getRecommendation(db, params.id, actor);
  if (!item) throw NotFoundError.of('The recommendation');
  const recurrence = recurrenceToJson(await getRecurrence(db, item.id, actor));
  return Response.json({ recommendation: { ...recommendationToJson(item), recurrence } });
});

/** Edits themes, sectors, priority or target date; fields left out stay as they are. Needs expectedVersion. */
export const PATCH = apiRoute<Params>('EDITOR', async ({ request, params, actor }) => {
  const ref = await findRecommendationRef(db, params.id);
  if (!ref) throw NotFoundError.of('The recommendation');
  const input = recommendationUpdateSchema.parse(await readJson(request));
  await updateRecommendation(db, ref.id, input, actor);
  const item = await getRecommendation(db, ref.id, actor);
  if (!item) throw NotFoundError.of('The recommendation');
  return Response.json({ recommendation: recommendationToJson(item) });
});
