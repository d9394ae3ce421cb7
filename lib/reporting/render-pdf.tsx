import { renderToBuffer } from '@react-pdf/renderer';
import type { QuarterlyReport } from './report-types';
import { registerPdfFonts } from './pdf/fonts';
import { ReportPdfDocument } from './pdf/report-pdf-document';

/**
 * The report as an A4 PDF made by @react-pdf/renderer: text, tables and the chart are vector
 * content with Noto Sans embedded (subset), so it prints sharply and its text can be searched,
 * copied and read aloud.
 */
export async function renderPdf(report: QuarterlyReport): Promise<Buffer> {
  registerPdfFonts();
  return renderToBuffer(<ReportPdfDocument report={report} />);
}
