import { reportFileName, type CsvKind, type ReportFormat } from '@/lib/validations/quarterly-report';
import { renderCsv } from './render-csv';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';
import type { QuarterlyReport } from './report-types';

export type ReportFile = { body: Buffer; contentType: string; fileName: string };

const CONTENT_TYPE: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The report in the chosen format, with its media type and file name: what the route and the CLI hand out. */
export async function renderReportFile(report: QuarterlyReport, file: { format: ReportFormat; csv: CsvKind }): Promise<ReportFile> {
  const body =
    file.format === 'pdf' ? await renderPdf(report) : file.format === 'xlsx' ? await renderXlsx(report) : renderCsv(report.data, file.csv);
  return { body, contentType: CONTENT_TYPE[file.format], fileName: reportFileName(report.data.quarter.key, file.format, file.csv) };
}
