import { db } from '@/lib/db';
import { apiRoute, readJsonObject } from '@/lib/api/route';
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
  const input = updateImportDraftSchema.parse({ ...(await readJsonObject(request)), draftId: params.id });
  return Response.json(draftToJson(await updateImportDraft(db, input, actor)));
});

/** Discards the draft (kept as DISCARDED); an optional JSON body { expectedVersion } guards against a newer save. */
export const DELETE = apiRoute<Params>('EDITOR', async ({ request, params, actor }) => {
  // A DELETE usually has no body; one that has must be a JSON object (`true` or a list once discarded the draft).
  const input = discardImportDraftSchema.parse({ ...(await readJsonObject(request, { optional: true })), draftId: params.id });
  return Response.json(draftToJson(await discardImportDraft(db, input, actor)));
});
