import { db } from '@/lib/db';
import { ApiError } from '@/lib/api/errors';
import { apiRoute, readJson } from '@/lib/api/route';
import { discardImportDraft } from '@/lib/import/discard-import-draft';
import { draftToJson } from '@/lib/import/draft-json';
import { getImportDraft } from '@/lib/import/get-import-draft';
import { updateImportDraft } from '@/lib/import/update-import-draft';
import { discardImportDraftSchema, updateImportDraftSchema } from '@/lib/validations/import-draft';

type Params = { id: string };

/** One import draft, whatever its status. */
export const GET = apiRoute<Params>('EDITOR', async ({ params, actor }) => {
  return Response.json(draftToJson(await getImportDraft(db, params.id, actor)));
});

/** Saves the review: { expectedVersion, seminar?, items? } (items is the whole new list). A stale version gets 409. */
export const PATCH = apiRoute<Params>('EDITOR', async ({ request, params, actor }) => {
  const body = await readJson(request);
  const input = updateImportDraftSchema.parse({ ...(typeof body === 'object' && body !== null ? body : {}), draftId: params.id });
  return Response.json(draftToJson(await updateImportDraft(db, input, actor)));
});

/** Discards the draft (kept as DISCARDED); an optional JSON body { expectedVersion } guards against a newer save. */
export const DELETE = apiRoute<Params>('EDITOR', async ({ request, params, actor }) => {
  // A DELETE usually has no body; one that has must be JSON.
  const text = await request.text();
  let body: unknown = {};
  if (text.trim() !== '') {
    try {
      body = JSON.parse(text);
    } catch {
      throw new ApiError(400, 'invalid_json', 'The request body must be valid JSON.');
    }
  }
  const input = discardImportDraftSchema.parse({ ...(typeof body === 'object' && body !== null ? body : {}), draftId: params.id });
  return Response.json(draftToJson(await discardImportDraft(db, input, actor)));
});
