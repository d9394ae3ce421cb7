import { apiRoute } from '@/lib/api/route';
import { db } from '@/lib/db';
import { exportQuarterlyReport } from '@/lib/reporting/export-quarterly-report';
import { exportSlots } from '@/lib/reporting/export-slots';
import { quarterlyReportQuerySchema } from '@/lib/validations/quarterly-report';
import { searchParamsToObject } from '@/lib/validations/recommendation-filters';

/**
 * The quarterly summary as a file (PDF, XLSX or CSV) for a quarter and the dashboard's filters;
 * bad parameters are a 400 with field errors. The file is made per request and never cached; a
 * server makes only a few at once (429 with Retry-After beyond: lib/reporting/export-slots.ts).
 */
export const GET = apiRoute('VIEWER', async ({ request, user, actor }) => {
  const query = quarterlyReportQuerySchema.parse(searchParamsToObject(new URL(request.url).searchParams));
  const { file } = await exportSlots().run(() => exportQuarterlyReport(db, { ...query, generatedBy: user.name }, query, actor));
  // The file's own bytes, not a copy of them (a workbook of a large organisation is tens of megabytes).
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
