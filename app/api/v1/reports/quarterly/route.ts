import { apiRoute } from '@/lib/api/route';
import { db } from '@/lib/db';
import { exportQuarterlyReportFile } from '@/lib/reporting/export-cache';
import { quarterlyReportQuerySchema } from '@/lib/validations/quarterly-report';
import { searchParamsToObject } from '@/lib/validations/recommendation-filters';

/**
 * The quarterly summary as a file (PDF, XLSX or CSV) for a quarter and the dashboard's filters;
 * bad parameters are a 400 with field errors. A finished file is kept per data version, query,
 * display settings and name on the cover, and handed out again while nothing has changed, without
 * taking an export slot (lib/reporting/export-cache.ts); a server makes only a few at once (429 with
 * Retry-After beyond: lib/reporting/export-slots.ts). Browsers and proxies still keep nothing.
 */
export const GET = apiRoute('VIEWER', async ({ request, user, actor }) => {
  const query = quarterlyReportQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const file = await exportQuarterlyReportFile(db, query, user.name, actor);
  // A view of the file's bytes: the Response copies them, so the kept file is never handed out to be changed.
  const body = new Uint8Array(file.body.buffer as ArrayBuffer, file.body.byteOffset, file.body.byteLength);
  return new Response(body, {
    headers: {
      'Content-Type': file.contentType,
      // File names are ASCII by construction (tracker-2026-Q3.pdf): no encoding needed.
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Content-Length': String(file.body.length),
      'Cache-Control': 'private, no-store',
    },
  });
});
