import { db } from '@/lib/db';
import { ApiError } from '@/lib/api/errors';
import { apiRoute, readJson, refuseUnstorableText } from '@/lib/api/route';
import { createImportDraft, type ImportSource } from '@/lib/import/create-import-draft';
import { draftToJson } from '@/lib/import/draft-json';
import { IMPORT_LIMITS, formatBytes } from '@/lib/import/extract/limits';
import { importFileError } from '@/lib/import/extract/errors';
import { listImportDrafts } from '@/lib/import/list-import-drafts';
import { createImportDraftTextSchema, importDraftListQuerySchema } from '@/lib/validations/import-draft';

/** Room for the multipart envelope around the file (boundaries, headers of the part). */
const MULTIPART_OVERHEAD = 64 * 1024;

/** Import drafts, newest first: DRAFT ones unless ?status=CONFIRMED, DISCARDED or ALL. */
export const GET = apiRoute('EDITOR', async ({ request, actor }) => {
  const query = importDraftListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json({ items: await listImportDrafts(db, query, actor) });
});

/** Starts an import: a file as multipart field `file`, or JSON { text }. Answers 201 with the draft to review. */
export const POST = apiRoute('EDITOR', async ({ request, actor }) => {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  // Refused before the body is read when the client says it is too large.
  const length = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(length) && length > IMPORT_LIMITS.maxFileBytes + MULTIPART_OVERHEAD) {
    throw importFileError('too_large', { size: formatBytes(length), limit: formatBytes(IMPORT_LIMITS.maxFileBytes) });
  }
  let source: ImportSource;
  if (type.startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await request.formData();
    } catch {
      throw new ApiError(400, 'invalid_input', 'The upload could not be read. Send the file as multipart/form-data in the field "file".');
    }
    const file = form.get('file');
    if (!(file instanceof File)) throw new ApiError(400, 'invalid_input', 'Send the report as the form field "file".', { file: ['Choose a file.'] });
    refuseUnstorableText({ file });
    if (file.size > IMPORT_LIMITS.maxFileBytes)
      throw importFileError('too_large', { size: formatBytes(file.size), limit: formatBytes(IMPORT_LIMITS.maxFileBytes) });
    source = { bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name || null, contentType: file.type || null };
  } else if (type.startsWith('application/json') || type === '') {
    source = createImportDraftTextSchema.parse(await readJson(request));
  } else {
    throw new ApiError(415, 'unsupported_media_type', 'Send a file as multipart/form-data (field "file"), or JSON { "text": "..." }.');
  }
  const draft = await createImportDraft(db, source, actor);
  return Response.json(draftToJson(draft), { status: 201, headers: { Location: `/api/v1/imports/${draft.id}` } });
});
