import { db } from '@/lib/db';
import { apiRoute } from '@/lib/api/route';
import { listRecommendations, toRecommendationListDto } from '@/lib/recommendations/list-recommendations';
import { recommendationFiltersSchema, searchParamsToObject } from '@/lib/validations/recommendation-filters';

/** The recommendations matching the query's filters, a page at a time (see /api/v1/openapi.json). */
export const GET = apiRoute('VIEWER', async ({ request, actor }) => {
  // A ZodError becomes a 400 with every field's message (lib/api/route.ts).
  const filters = recommendationFiltersSchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  return Response.json(toRecommendationListDto(await listRecommendations(db, filters, actor)));
});
