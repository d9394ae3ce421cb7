import { db } from '@/lib/db';
import { apiRoute, readJson } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { addRecommendation } from '@/lib/recommendations/add-recommendation';
import { getRecommendation, recommendationToJson } from '@/lib/recommendations/get-recommendation';
import { getSeminarForEntry } from '@/lib/seminars/get-seminar-for-entry';
import { addRecommendationSchema } from '@/lib/validations/recommendation';

type Params = { id: string };

/**
 * Adds a recommendation to the seminar (by id or code prefix): { text, title?, primaryThemeId?,
 * secondaryThemeIds?, sectorIds?, priority?, targetDate? }. 201 with the recommendation, its code the next of the seminar.
 */
export const POST = apiRoute<Params>('EDITOR', async ({ request, params, actor }) => {
  const input = addRecommendationSchema.parse(await readJson(request));
  const seminar = await getSeminarForEntry(db, params.id, actor);
  if (!seminar) throw NotFoundError.of('The seminar');
  const created = await addRecommendation(db, seminar.id, input, actor);
  const item = await getRecommendation(db, created.id, actor);
  if (!item) throw NotFoundError.of('The recommendation');
  return Response.json({ recommendation: recommendationToJson(item) }, { status: 201 });
});
