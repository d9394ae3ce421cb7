import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatNumber, formatPercent } from '@/lib/format';
import { Markdown } from '@/lib/markdown/markdown';
import {
  becameOverdueIntro,
  becameStaleIntro,
  filterLines,
  formatCountChange,
  formatDay,
  formatGeneratedAt,
  formatPointsChange,
  HEADLINE_ROWS,
  headlineLabel,
  quarterPeriod,
  reportFootnote,
} from '@/lib/reporting/report-text';
import type { QuarterlyReport, ReportChange, ReportEvidence, ReportGroupRow, ReportItem, ReportSectorRow } from '@/lib/reporting/report-types';
import { PRIORITY_LABEL } from '@/lib/status/status';
import { ReportChart } from './report-chart';
import { ReportTable, type ReportColumn } from './report-table';

const codeLink = (code: string) => (
  <Link href={`/recommendations/${encodeURIComponent(code)}`} className="whitespace-nowrap font-mono">
    {code}
  </Link>
);

const groupColumns = <Row extends ReportGroupRow>(label: string): ReportColumn<Row>[] => [
  { header: label, rowHeader: true, cell: (row) => row.name },
  { header: 'Items', numeric: true, cell: (row) => formatNumber(row.items) },
  { header: 'Implemented', numeric: true, cell: (row) => formatNumber(row.implemented) },
  { header: 'Progress a quarter ago', numeric: true, cell: (row) => formatPercent(row.progress.previous) },
  { header: 'Progress', numeric: true, cell: (row) => formatPercent(row.progress.current) },
  { header: 'Change', numeric: true, cell: (row) => formatPointsChange(row.progress.change) },
];

const SECTOR_COLUMNS: ReportColumn<ReportSectorRow>[] = [
  ...groupColumns<ReportSectorRow>('Owner sector'),
  { header: 'Changed status', numeric: true, cell: (row) => formatNumber(row.changed) },
  { header: 'Stale', numeric: true, cell: (row) => formatNumber(row.stale) },
  { header: 'Overdue', numeric: true, cell: (row) => formatNumber(row.overdue) },
];

const CHANGE_COLUMNS: ReportColumn<ReportChange>[] = [
  { header: 'Effective', cell: (change) => <span className="whitespace-nowrap">{formatDay(change.effectiveDate)}</span> },
  { header: 'Item', rowHeader: true, cell: (change) => <>{codeLink(change.code)} <span className="font-normal">{change.title}</span></> },
  { header: 'From', cell: (change) => <StatusBadge status={change.fromStatus} /> },
  { header: 'To', cell: (change) => <StatusBadge status={change.toStatus} /> },
  { header: 'Who', cell: (change) => change.who },
  {
    header: 'Note',
    cell: (change) => (
      <>
        {change.note}
        {change.recordedOn > change.effectiveDate && <span className="block text-xs text-muted">Recorded {formatDay(change.recordedOn)}</span>}
      </>
    ),
  },
];

const EVIDENCE_COLUMNS: ReportColumn<ReportEvidence>[] = [
  { header: 'Date', cell: (note) => <span className="whitespace-nowrap">{formatDay(note.evidenceDate)}</span> },
  { header: 'Item', rowHeader: true, cell: (note) => <>{codeLink(note.code)} <span className="font-normal">{note.title}</span></> },
  {
    header: 'Note',
    cell: (note) => (
      <div className="space-y-1">
        <Markdown source={note.body} />
        {(note.sourceTitle || note.sourceUrl) && (
          <p className="text-xs text-muted">
            Source: {note.sourceTitle}
            {note.sourceTitle && note.sourceUrl ? ', ' : ''}
            {note.sourceUrl && <span className="break-all">{note.sourceUrl}</span>}
          </p>
        )}
      </div>
    ),
  },
  { header: 'Who', cell: (note) => note.who },
];

const ITEM_COLUMNS: ReportColumn<ReportItem>[] = [
  { header: 'Item', rowHeader: true, cell: (item) => <>{codeLink(item.code)} <span className="font-normal">{item.title}</span></> },
  { header: 'Status', cell: (item) => <StatusBadge status={item.status} /> },
  { header: 'Priority', cell: (item) => PRIORITY_LABEL[item.priority] },
  { header: 'Target date', cell: (item) => (item.targetDate ? <span className="whitespace-nowrap">{formatDay(item.targetDate)}</span> : '–') },
  { header: 'Last activity', cell: (item) => <span className="whitespace-nowrap">{formatDay(item.lastActivity)}</span> },
  { header: 'Owner sectors', cell: (item) => item.sectors.join('; ') },
];

function Section({ id, title, intro, children }: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="report-section space-y-3">
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {title}
      </h2>
      {intro && <p className="text-sm text-muted">{intro}</p>}
      {children}
    </section>
  );
}

/**
 * The quarterly summary as a web page: the same sections, figures and chart as the PDF, laid out
 * for the screen and for printing (the page's print rules make it A4 with repeating table headers).
 */
export function ReportDocument({ report, actions }: { report: QuarterlyReport; actions?: ReactNode }) {
  const { data, meta } = report;
  const { headline } = data;
  const quarter = data.quarter.label;
  const asOf = formatDay(data.quarter.asOf);
  const headlineRows = HEADLINE_ROWS.map((row) => ({ ...row, figure: headline[row.key] }));
  const { becameStale, becameOverdue, unchanged } = data.lists;
  const range = `${data.series.quarters[0]?.label ?? quarter} to ${data.series.quarters.at(-1)?.label ?? quarter}`;

  return (
    <article className="report space-y-8" aria-labelledby="report-title">
      <header className="space-y-2 border-b border-border pb-4">
        <p className="text-sm text-muted">{data.organisation}</p>
        <h1 id="report-title" className="text-2xl font-semibold">
          {data.title}, {quarter}
        </h1>
        <p>
          {quarterPeriod(data)}
          {!data.quarter.complete && <> (in progress: figures as of {asOf})</>}
        </p>
        <ul className="text-sm text-muted">
          {filterLines(data).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        <p className="text-sm">
          Generated {formatGeneratedAt(meta.generatedAt)} by {meta.generatedBy}.
        </p>
        {actions}
      </header>

      <Section id="headline" title="Headline figures" intro={`On ${asOf} against the end of the previous quarter (${formatDay(data.previousQuarter.end)}).`}>
        <ReportTable
          caption={`Headline figures, ${quarter}`}
          minWidth="28rem"
          rows={headlineRows}
          rowKey={(row) => row.key}
          empty="No figures."
          columns={[
            { header: 'Figure', rowHeader: true, cell: (row) => headlineLabel(row, headline.staleDays) },
            {
              header: `End of ${data.previousQuarter.label}`,
              numeric: true,
              cell: (row) => (row.kind === 'percent' ? formatPercent(row.figure.previous) : formatNumber(row.figure.previous ?? 0)),
            },
            {
              header: data.quarter.complete ? `End of ${quarter}` : `${quarter} so far`,
              numeric: true,
              cell: (row) => (row.kind === 'percent' ? formatPercent(row.figure.current) : formatNumber(row.figure.current ?? 0)),
            },
            {
              header: 'Change',
              numeric: true,
              cell: (row) => (row.kind === 'percent' ? formatPointsChange(row.figure.change) : formatCountChange(row.figure.change ?? 0)),
            },
          ]}
        />
      </Section>

      <Section id="themes" title="Progress by theme" intro="Weighted progress of the recommendations under each primary theme, now and a quarter ago.">
        <ReportTable
          caption={`Progress by primary theme, ${quarter}`}
          columns={groupColumns<ReportGroupRow>('Primary theme')}
          rows={data.themes}
          rowKey={(row) => row.name}
          total={data.themeTotal}
          empty="No recommendations were tracked in this quarter."
        />
        <h3 className="text-base font-semibold">Progress over time</h3>
        <ReportChart
          series={data.series}
          label={`Line chart: weighted progress by primary theme at the end of each quarter, ${range}; the dashed line is the overall progress. The table below gives the figures.`}
        />
        <details data-print-open className="text-sm">
          <summary className="cursor-pointer font-medium print:hidden">Show the chart as a table</summary>
          <div className="mt-2">
            <ReportTable
              caption={`Weighted progress by primary theme per quarter, ${range}`}
              rows={data.series.quarters.map((q, index) => ({ ...q, index }))}
              rowKey={(row) => row.key}
              empty="No quarters."
              columns={[
                { header: 'Quarter', rowHeader: true, cell: (row) => row.label },
                ...data.series.lines.map((line) => ({
                  header: line.name,
                  numeric: true,
                  cell: (row: { index: number }) => formatPercent(line.values[row.index] === null ? null : line.values[row.index]! / 100),
                })),
                {
                  header: 'Overall',
                  numeric: true,
                  cell: (row: { index: number }) => formatPercent(data.series.overall[row.index] == null ? null : data.series.overall[row.index]! / 100),
                },
              ]}
            />
          </div>
        </details>
      </Section>

      <Section id="changes" title={`Status changes in ${quarter} (${formatNumber(data.changes.total)})`} intro="Every status change that took effect in the quarter, including ones recorded later.">
        <ReportTable
          caption={`Status changes that took effect in ${quarter}`}
          columns={CHANGE_COLUMNS}
          rows={data.changes.rows}
          count={data.changes.total}
          rowKey={(change, index) => `${change.code}-${change.effectiveDate}-${index}`}
          empty="No status change took effect in this quarter."
          minWidth="52rem"
        />
      </Section>

      <Section id="evidence" title={`Evidence dated in ${quarter} (${formatNumber(data.evidence.total)})`}>
        <ReportTable
          caption={`Evidence notes dated in ${quarter}`}
          columns={EVIDENCE_COLUMNS}
          rows={data.evidence.rows}
          count={data.evidence.total}
          rowKey={(note, index) => `${note.code}-${note.evidenceDate}-${index}`}
          empty="No evidence note is dated in this quarter."
          minWidth="48rem"
        />
      </Section>

      <Section
        id="stale"
        title={`Became stale in ${quarter} (${formatNumber(becameStale.total)})`}
        intro={becameStaleIntro(headline.staleDays, asOf)}
      >
        <ReportTable caption={`Items that became stale in ${quarter}`} columns={ITEM_COLUMNS} rows={becameStale.rows} count={becameStale.total} rowKey={(item) => item.code} empty="No item became stale in this quarter." minWidth="48rem" />
      </Section>

      <Section
        id="overdue"
        title={`Became overdue in ${quarter} (${formatNumber(becameOverdue.total)})`}
        intro={becameOverdueIntro(asOf)}
      >
        <ReportTable caption={`Items that became overdue in ${quarter}`} columns={ITEM_COLUMNS} rows={becameOverdue.rows} count={becameOverdue.total} rowKey={(item) => item.code} empty="No item became overdue in this quarter." minWidth="48rem" />
      </Section>

      <Section id="unchanged" title={`No status change since the seminar (${formatNumber(unchanged.total)})`}>
        <ReportTable caption="Items with no status change since their seminar" columns={ITEM_COLUMNS} rows={unchanged.rows} count={unchanged.total} rowKey={(item) => item.code} empty="Every item has changed status since its seminar." minWidth="48rem" />
      </Section>

      <Section id="sectors" title="By owner sector" intro="A recommendation with several owner sectors counts under each of them.">
        <ReportTable caption={`Progress and activity by owner sector, ${quarter}`} columns={SECTOR_COLUMNS} rows={data.sectors} rowKey={(row) => row.name} empty="No recommendations were tracked in this quarter." minWidth="52rem" />
      </Section>

      <footer className="border-t border-border pt-4 text-sm text-muted">
        <h2 className="mb-1 text-base font-semibold text-text">About these figures</h2>
        <p>{reportFootnote(report)}</p>
      </footer>
    </article>
  );
}
