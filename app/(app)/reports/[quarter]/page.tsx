import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PrintButton } from '@/components/reports/print-button';
import { ReportDocument } from '@/components/reports/report-document';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { requireRole } from '@/lib/auth/session';
import { actorFromUser } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { quarterLabel } from '@/lib/progress/quarters';
import { getQuarterlyReport } from '@/lib/reporting/get-quarterly-report';
import { parseReportQueryLeniently, reportSearchParams } from '@/lib/validations/quarterly-report';
import type { RawParams } from '@/lib/validations/recommendation-filters';

type Props = { params: Promise<{ quarter: string }>; searchParams: Promise<RawParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Quarterly summary ${(await params).quarter}` };
}

// Paper is white and A4 whatever the screen uses: the tokens switch to the light palette, table
// header rows repeat on each page, and rows and figures are not split across pages.
const PRINT_CSS = `
@page { size: A4; margin: 16mm 14mm; }
@media print {
  .report { font-size: 10pt; }
  .report-table thead { display: table-header-group; }
  .report-table tr, .report figure { break-inside: avoid; }
  .report-section h2, .report-section h3 { break-after: avoid; }
}`;

/** The quarterly summary as a print-friendly page: the same report as the PDF. */
export default async function QuarterlyReportPage({ params, searchParams }: Props) {
  const user = await requireRole('VIEWER');
  const { quarter } = await params;
  const { query, errors } = parseReportQueryLeniently({ ...(await searchParams), quarter });
  // The quarter is the address itself: one that cannot be read, or lies in the future, is no page.
  if (errors.quarter) notFound();
  const report = await getQuarterlyReport(db, { ...query, generatedBy: user.name }, actorFromUser(user));
  const back = `/reports?${reportSearchParams(query).toString()}`;
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <Breadcrumbs trail={[HOME_CRUMB, { href: back, label: 'Quarterly summary' }]} current={quarterLabel(query.quarter)} />
      <ReportDocument
        report={report}
        actions={
          <div className="flex flex-wrap items-center gap-3 pt-2 print:hidden">
            <PrintButton />
            <Link href={back} className="text-sm">
              Back to downloads
            </Link>
          </div>
        }
      />
    </div>
  );
}
