import { db } from '@/lib/db';
import { apiRoute, readJson } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { toDateOnly } from '@/lib/dates';
import { findRecommendationRef } from '@/lib/recommendations/get-recommendation';
import { changeStatusNow } from '@/lib/status/change-status';
import { statusChangeSchema } from '@/lib/validations/status-change';

type Params = { id: string };

/**
 * Records a status change: { status, effectiveDate, note?, expectedVersion, evidence? }.
 * 200 with the new version; 409 version_conflict when expectedVersion is stale; 422 for broken rules.
 */
export const POST = apiRoute<Params>('EDITOR', async ({ request, params, actor }) => {
  const ref = await findRecommendationRef(db, params.id);
  if (!ref) throw NotFoundError.of('The recommendation');
  const input = statusChangeSchema.parse(await readJson(request));
  const result = await changeStatusNow(db, { recommendationId: ref.id, ...input }, actor);
  return Response.json({ id: ref.id, code: ref.code, version: result.version, status: result.status, effectiveDate: toDateOnly(input.effectiveDate) });
});
