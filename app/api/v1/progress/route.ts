import { apiRoute } from '@/lib/api/route';
import { db } from '@/lib/db';
import { getCachedProgressReport } from '@/lib/progress/progress-report';
import { progressQuerySchema } from '@/lib/validations/progress';
import { searchParamsToObject } from '@/lib/validations/recommendation-filters';

/** The quarterly progress series the dashboard draws (cached per data version); bad parameters are a 400 with field errors. */
export const GET = apiRoute('VIEWER', async ({ request, actor }) => {
  const query = progressQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  return Response.json(await getCachedProgressReport(db, query, actor));
});
