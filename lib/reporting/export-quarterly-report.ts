import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { reportFileName, type CsvKind, type ReportFormat } from '@/lib/validations/quarterly-report';
import { buildQuarterlyReport, type BuildQuarterlyReportInput, type BuildQuarterlyReportOptions } from './build-quarterly-report';
import { csvWriter } from './render-csv';
import { renderPdf } from './render-pdf';
import { xlsxWriter } from './render-xlsx';
import { CHANGE_COLUMNS, ITEM_COLUMNS } from './report-columns';
import type { QuarterlyReport } from './report-types';

export type ReportFile = { body: Buffer; contentType: string; fileName: string };

const CONTENT_TYPE: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export type ExportedReport = { report: QuarterlyReport; file: ReportFile };

/**
 * The quarterly summary in the chosen format, with its media type and file name: what the
 * download route and the CLI hand out. The formats that list every item (the workbook, the items
 * CSV) write each chunk of items as the report's builder reads it, so memory stays bounded by a
 * chunk whatever the organisation's size; the PDF needs only the report (its lists show their
 * first rows). The report comes back too, for what the caller says about it.
 */
export async function exportQuarterlyReport(
  db: Db,
  input: BuildQuarterlyReportInput,
  format: { format: ReportFormat; csv: CsvKind },
  actor: Actor,
  options: Pick<BuildQuarterlyReportOptions, 'onProgress'> = {},
): Promise<ExportedReport> {
  requireRole(actor, 'VIEWER');
  const file = (report: QuarterlyReport, body: Buffer): ExportedReport => ({
    report,
    file: { body, contentType: CONTENT_TYPE[format.format], fileName: reportFileName(report.data.quarter.key, format.format, format.csv) },
  });
  switch (format.format) {
    case 'pdf': {
      const report = await buildQuarterlyReport(db, input, options);
      return file(report, await renderPdf(report));
    }
    case 'xlsx': {
      const writer = xlsxWriter();
      const report = await buildQuarterlyReport(db, input, { ...options, rows: writer });
      return file(report, await writer.finish(report));
    }
    case 'csv': {
      if (format.csv === 'items') {
        const items = csvWriter(ITEM_COLUMNS);
        const report = await buildQuarterlyReport(db, input, { ...options, rows: { items: items.add } });
        return file(report, items.finish());
      }
      const changes = csvWriter(CHANGE_COLUMNS);
      const report = await buildQuarterlyReport(db, input, { ...options, rows: { changes: changes.add } });
      return file(report, changes.finish());
    }
  }
}
