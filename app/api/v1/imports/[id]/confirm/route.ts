import { db } from '@/lib/db';
import { apiRoute, readJsonObject } from '@/lib/api/route';
import { confirmImportDraft } from '@/lib/import/confirm-import-draft';
import { confirmImportDraftSchema } from '@/lib/validations/import-draft';

type Params = { id: string };

/** Creates the seminar and its recommendations: { seminar: { title, kind, date, venue?, organiser? }, expectedVersion? }. A second confirm gets 409. */
export const POST = apiRoute<Params>('EDITOR', async ({ request, params, actor }) => {
  const input = confirmImportDraftSchema.parse({ ...(await readJsonObject(request)), draftId: params.id });
  const confirmed = await confirmImportDraft(db, input, actor);
  return Response.json(confirmed, { status: 201 });
});
