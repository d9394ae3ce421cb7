import type { Metadata } from 'next';
import Link from 'next/link';
import { ReportDownloads } from '@/components/reports/report-downloads';
import { ReportFilters } from '@/components/reports/report-filters';
import { requireRole } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { quarterEnd, quarterKey, quarterLabel } from '@/lib/progress/quarters';
import { listReportQuarters } from '@/lib/reporting/list-report-quarters';
import { formatDay } from '@/lib/reporting/report-text';
import { getFilterChoices } from '@/lib/taxonomy/filter-choices';
import { toDateOnly } from '@/lib/dates';
import { parseReportQueryLeniently, reportFileName, reportSearchParams } from '@/lib/validations/quarterly-report';
import type { RawParams } from '@/lib/validations/recommendation-filters';

export const metadata: Metadata = { title: 'Quarterly summary' };

type Props = { searchParams: Promise<RawParams> };

export default async function ReportsPage({ searchParams }: Props) {
  await requireRole('VIEWER');
  const { query, errors, typed } = parseReportQueryLeniently(await searchParams);
  const [{ seminars, themes, sectors }, quarterOptions] = await Promise.all([
    getFilterChoices(db, query.seminar),
    listReportQuarters(db, { chosen: query.quarter }),
  ]);
  const key = quarterKey(query.quarter);
  const label = quarterLabel(query.quarter);
  const file = (format: 'pdf' | 'xlsx' | 'csv', csv?: 'items' | 'changes') =>
    `/api/v1/reports/quarterly?${reportSearchParams(query, { format, csv }).toString()}`;
  const downloads = [
    { label: 'PDF report', what: 'the PDF', href: file('pdf'), fileName: reportFileName(key, 'pdf') },
    { label: 'Workbook (XLSX)', what: 'the workbook', href: file('xlsx'), fileName: reportFileName(key, 'xlsx') },
    { label: 'CSV: all items', what: 'the CSV of all items', href: file('csv', 'items'), fileName: reportFileName(key, 'csv', 'items') },
    { label: 'CSV: status changes', what: 'the CSV of status changes', href: file('csv', 'changes'), fileName: reportFileName(key, 'csv', 'changes') },
  ];
  // The print page has the quarter in its path; the filters follow as they are.
  const filters = reportSearchParams(query);
  filters.delete('quarter');
  const printHref = filters.size ? `/reports/${key}?${filters.toString()}` : `/reports/${key}`;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Quarterly summary</h1>
        <p className="text-muted">
          A report on the implementation of the recommendations for one quarter, to circulate as it comes out: headline figures and their change, progress by
          theme, every status change and evidence note of the quarter, items that became stale or overdue, and a summary per owner sector.
        </p>
      </header>

      <ReportFilters
        quarter={key}
        quarterOptions={quarterOptions}
        chosen={query}
        errors={errors}
        typed={typed}
        seminars={seminars.choices}
        seminarTotal={seminars.total}
        themes={themes}
        sectors={sectors}
      />

      <section aria-labelledby="download-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="download-heading" className="text-lg font-semibold">
          Download the {label} summary
        </h2>
        <p className="text-sm text-muted">
          Figures as of {formatDay(toDateOnly(quarterEnd(query.quarter)))}, or today while the quarter is in progress, with the filters above. The PDF is A4 for
          printing and circulating; the workbook and the CSV files hold the same figures for your own analysis.
        </p>
        <ReportDownloads downloads={downloads} />
        <p className="text-sm">
          <Link href={printHref}>Open the print-friendly page</Link> to read the summary here or print it from the browser.
        </p>
      </section>
    </div>
  );
}
