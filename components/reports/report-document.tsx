import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatNumber, formatPercent } from '@/lib/format';
import { Markdown } from '@/lib/markdown/markdown';
import {
  CHANGE_TABLE,
  columnsOf,
  EVIDENCE_TABLE,
  headlinePeriodHeaders,
  ITEM_TABLE,
  NOTATION,
  reportHighlights,
  reportPlan,
  reportSections,
  SECTOR_TABLE,
  THEME_TABLE,
} from '@/lib/reporting/report-outline';
import {
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
import { WebAddress } from './web-address';
import { ReportTable, type ReportColumn } from './report-table';

const codeLink = (code: string) => (
  <Link href={`/recommendations/${encodeURIComponent(code)}`} className="whitespace-nowrap font-mono">
    {code}
  </Link>
);

// The outline's columns (lib/reporting/report-outline.ts), drawn with links, badges and markdown.
type PageCell<Row> = Pick<ReportColumn<Row>, 'cell' | 'rowHeader'>;

const itemCell = {
  rowHeader: true,
  cell: (row: { code: string; title: string }) => (
    <>
      {codeLink(row.code)} <span className="font-normal">{row.title}</span>
    </>
  ),
};
const day = (value: string) => <span className="whitespace-nowrap">{formatDay(value)}</span>;

const groupCells = {
  name: { rowHeader: true, cell: (row: ReportGroupRow) => row.name },
  items: { cell: (row: ReportGroupRow) => formatNumber(row.items) },
  implemented: { cell: (row: ReportGroupRow) => formatNumber(row.implemented) },
  noLongerRelevant: { cell: (row: ReportGroupRow) => formatNumber(row.noLongerRelevant) },
  previous: { cell: (row: ReportGroupRow) => formatPercent(row.progress.previous) },
  progress: { cell: (row: ReportGroupRow) => formatPercent(row.progress.current) },
  change: { cell: (row: ReportGroupRow) => formatPointsChange(row.progress.change) },
};

const THEME_COLUMNS = columnsOf<typeof THEME_TABLE, PageCell<ReportGroupRow>>(THEME_TABLE, groupCells);

const SECTOR_COLUMNS = columnsOf<typeof SECTOR_TABLE, PageCell<ReportSectorRow>>(SECTOR_TABLE, {
  ...groupCells,
  changed: { cell: (row: ReportSectorRow) => formatNumber(row.changed) },
  stale: { cell: (row: ReportSectorRow) => formatNumber(row.stale) },
  overdue: { cell: (row: ReportSectorRow) => formatNumber(row.overdue) },
});

const CHANGE_COLUMNS = columnsOf<typeof CHANGE_TABLE, PageCell<ReportChange>>(CHANGE_TABLE, {
  effective: { cell: (change: ReportChange) => day(change.effectiveDate) },
  item: itemCell,
  from: { cell: (change: ReportChange) => <StatusBadge status={change.fromStatus} /> },
  to: { cell: (change: ReportChange) => <StatusBadge status={change.toStatus} /> },
  who: { cell: (change: ReportChange) => change.who },
  note: {
    cell: (change: ReportChange) => (
      <>
        {change.note}
        {change.recordedOn > change.effectiveDate && <span className="block text-xs text-muted">Recorded {formatDay(change.recordedOn)}</span>}
      </>
    ),
  },
});

const EVIDENCE_COLUMNS = columnsOf<typeof EVIDENCE_TABLE, PageCell<ReportEvidence>>(EVIDENCE_TABLE, {
  date: { cell: (note: ReportEvidence) => day(note.evidenceDate) },
  item: itemCell,
  note: { cell: (note: ReportEvidence) => <Markdown source={note.body} /> },
  source: {
    cell: (note: ReportEvidence) => (
      <>
        {note.sourceTitle}
        {note.sourceTitle && note.sourceUrl ? ' ' : ''}
        {note.sourceUrl && <WebAddress url={note.sourceUrl} />}
      </>
    ),
  },
  who: { cell: (note: ReportEvidence) => note.who },
});

const ITEM_COLUMNS = columnsOf<typeof ITEM_TABLE, PageCell<ReportItem>>(ITEM_TABLE, {
  item: itemCell,
  status: { cell: (item: ReportItem) => <StatusBadge status={item.status} /> },
  priority: { cell: (item: ReportItem) => PRIORITY_LABEL[item.priority] },
  targetDate: { cell: (item: ReportItem) => (item.targetDate ? day(item.targetDate) : '–') },
  lastActivity: { cell: (item: ReportItem) => day(item.lastActivity) },
  sectors: { cell: (item: ReportItem) => item.sectors.join('; ') },
});

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
  const text = reportSections(data);
  const periods = headlinePeriodHeaders(data);
  const headlineRows = HEADLINE_ROWS.map((row) => ({ ...row, figure: headline[row.key] }));
  const { becameStale, becameOverdue, unchanged } = data.lists;
  const range = `${data.series.quarters[0]?.label ?? quarter} to ${data.series.quarters.at(-1)?.label ?? quarter}`;
  const plan = new Set(reportPlan(data));
  const highlights = reportHighlights(data);

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

      <section aria-labelledby="glance-heading" className="report-section space-y-3">
        <p className="text-lg">{highlights.summary}</p>
        <h2 id="glance-heading" className="text-lg font-semibold">
          The quarter at a glance
        </h2>
        <dl className="divide-y divide-border border-y border-border text-sm">
          {highlights.lines.map((line) => (
            <div key={line.label} className="grid gap-1 py-2 sm:grid-cols-[14rem_1fr]">
              <dt className="font-semibold">{line.label}</dt>
              <dd>
                {line.codes.map((code, index) => (
                  <span key={code}>
                    {index > 0 && ', '}
                    {codeLink(code)}
                  </span>
                ))}
                {line.codes.length > 0 && line.text ? ' ' : ''}
                {line.text}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <Section id="headline" {...text.headline}>
        <ReportTable
          caption={text.headline.caption}
          minWidth="28rem"
          rows={headlineRows}
          rowKey={(row) => row.key}
          empty={text.headline.empty}
          columns={[
            { header: 'Figure', rowHeader: true, cell: (row) => headlineLabel(row, headline.staleDays) },
            {
              header: periods.previous,
              numeric: true,
              cell: (row) => (row.kind === 'percent' ? formatPercent(row.figure.previous) : formatNumber(row.figure.previous ?? 0)),
            },
            {
              header: periods.current,
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
        <p className="text-sm text-muted">{NOTATION}</p>
      </Section>

      {plan.has('themes') && (
        <Section id="themes" {...text.themes}>
          <ReportTable
            caption={text.themes.caption}
            columns={THEME_COLUMNS}
            rows={data.themes}
            rowKey={(row) => row.name}
            total={data.themeTotal}
            empty={text.themes.empty}
          />
          <h3 className="text-base font-semibold">Progress over time</h3>
          <ReportChart
            series={data.series}
            label={`Small line charts of weighted progress at the end of each quarter, ${range}: all themes together, then each primary theme against all themes (dashed). The table below gives the figures.`}
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
      )}

      {plan.has('changes') && (
        <Section id="changes" {...text.changes}>
          <ReportTable
            caption={text.changes.caption}
            columns={CHANGE_COLUMNS}
            rows={data.changes.rows}
            count={data.changes.total}
            rowKey={(change, index) => `${change.code}-${change.effectiveDate}-${index}`}
            empty={text.changes.empty}
            minWidth="52rem"
          />
        </Section>
      )}

      {plan.has('evidence') && (
        <Section id="evidence" {...text.evidence}>
          <ReportTable
            caption={text.evidence.caption}
            columns={EVIDENCE_COLUMNS}
            rows={data.evidence.rows}
            count={data.evidence.total}
            rowKey={(note, index) => `${note.code}-${note.evidenceDate}-${index}`}
            empty={text.evidence.empty}
            minWidth="48rem"
          />
        </Section>
      )}

      {plan.has('becameStale') && (
        <Section id="stale" {...text.becameStale}>
          <ReportTable
            caption={text.becameStale.caption}
            columns={ITEM_COLUMNS}
            rows={becameStale.rows}
            count={becameStale.total}
            rowKey={(item) => item.code}
            empty={text.becameStale.empty}
            minWidth="48rem"
          />
        </Section>
      )}

      {plan.has('becameOverdue') && (
        <Section id="overdue" {...text.becameOverdue}>
          <ReportTable
            caption={text.becameOverdue.caption}
            columns={ITEM_COLUMNS}
            rows={becameOverdue.rows}
            count={becameOverdue.total}
            rowKey={(item) => item.code}
            empty={text.becameOverdue.empty}
            minWidth="48rem"
          />
        </Section>
      )}

      {plan.has('unchanged') && (
        <Section id="unchanged" {...text.unchanged}>
          <ReportTable
            caption={text.unchanged.caption}
            columns={ITEM_COLUMNS}
            rows={unchanged.rows}
            count={unchanged.total}
            rowKey={(item) => item.code}
            empty={text.unchanged.empty}
            minWidth="48rem"
          />
        </Section>
      )}

      {plan.has('sectors') && (
        <Section id="sectors" {...text.sectors}>
          <ReportTable
            caption={text.sectors.caption}
            columns={SECTOR_COLUMNS}
            rows={data.sectors}
            rowKey={(row) => row.name}
            empty={text.sectors.empty}
            minWidth="52rem"
          />
        </Section>
      )}

      <footer className="border-t border-border pt-4 text-sm text-muted">
        <h2 className="mb-1 text-base font-semibold text-text">{text.about.title}</h2>
        <p>{reportFootnote(report)}</p>
      </footer>
    </article>
  );
}
