import { db } from '@/lib/db';
import { apiRoute, readJson } from '@/lib/api/route';
import { NotFoundError } from '@/lib/errors';
import { toDateOnly } from '@/lib/dates';
import { addEvidence } from '@/lib/evidence/add-evidence';
import { findRecommendationRef } from '@/lib/recommendations/get-recommendation';
import { evidenceSchema } from '@/lib/validations/evidence';

type Params = { id: string };

/** Adds an evidence note: { body, evidenceDate, sourceTitle?, sourceUrl? } → 201. */
export const POST = apiRoute<Params>('EDITOR', async ({ request, params, user, actor }) => {
  const ref = await findRecommendationRef(db, params.id);
  if (!ref) throw NotFoundError.of('The recommendation');
  const input = evidenceSchema.parse(await readJson(request));
  const added = await addEvidence(db, ref.id, input, actor);
  return Response.json(
    {
      evidence: {
        id: added.id,
        recommendationId: ref.id,
        code: ref.code,
        version: added.version,
        body: input.body,
        evidenceDate: toDateOnly(input.evidenceDate),
        sourceTitle: input.sourceTitle ?? null,
        sourceUrl: input.sourceUrl ?? null,
        author: { id: user.id, name: user.name },
      },
    },
    { status: 201 },
  );
});
