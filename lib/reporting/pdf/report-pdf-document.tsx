import { Fragment, type ReactNode } from 'react';
import { Document, Page, Text, View } from '@react-pdf/renderer';
import { formatNumber, formatPercent } from '@/lib/format';
import { PRIORITY_LABEL, STATUS_LABEL } from '@/lib/status/status';
import { asOfLine, becameOverdueIntro, becameStaleIntro, filterLines, LIST_ROW_LIMIT, formatCountChange, formatDay, formatGeneratedAt, formatPointsChange, HEADLINE_ROWS, headlineLabel, quarterPeriod, reportFootnote } from '../report-text';
import type { QuarterlyReport, ReportChange, ReportEvidence, ReportGroupRow, ReportItem, ReportSectorRow } from '../report-types';
import { pdfLine } from './fonts';
import { PdfProgressChart } from './pdf-chart';
import { markdownToPlainText } from './plain-text';
import { PdfTable, type PdfColumn } from './pdf-table';
import { styles } from './pdf-styles';

// Long notes are cut in the PDF so a row always fits on a page; the workbook has them in full.
const NOTE_LENGTH = 600;
const clip = (text: string | null) => {
  if (!text) return '';
  const flat = pdfLine(text);
  return flat.length > NOTE_LENGTH ? `${flat.slice(0, NOTE_LENGTH - 1)}…` : flat;
};

const groupColumns = <Row extends ReportGroupRow>(label: string, nameWidth: number): PdfColumn<Row>[] => [
  { header: label, width: nameWidth, cell: (row) => row.name },
  { header: 'Items', width: 9, align: 'right', cell: (row) => formatNumber(row.items) },
  { header: 'Implemented', width: 12, align: 'right', cell: (row) => formatNumber(row.implemented) },
  { header: 'A quarter ago', width: 12, align: 'right', cell: (row) => formatPercent(row.progress.previous) },
  { header: 'Progress', width: 11, align: 'right', cell: (row) => formatPercent(row.progress.current) },
  { header: 'Change', width: 11, align: 'right', cell: (row) => formatPointsChange(row.progress.change) },
];

const THEME_COLUMNS = groupColumns<ReportGroupRow>('Primary theme', 45);

const SECTOR_COLUMNS: PdfColumn<ReportSectorRow>[] = [
  ...groupColumns<ReportSectorRow>('Owner sector', 24),
  { header: 'Changed', width: 9, align: 'right', cell: (row) => formatNumber(row.changed) },
  { header: 'Stale', width: 6, align: 'right', cell: (row) => formatNumber(row.stale) },
  { header: 'Overdue', width: 6, align: 'right', cell: (row) => formatNumber(row.overdue) },
];

const CHANGE_COLUMNS: PdfColumn<ReportChange>[] = [
  { header: 'Effective', width: 11, cell: (change) => formatDay(change.effectiveDate) },
  { header: 'Code', width: 12, cell: (change) => change.code },
  { header: 'Title', width: 21, cell: (change) => change.title },
  { header: 'From', width: 12, cell: (change) => STATUS_LABEL[change.fromStatus] },
  { header: 'To', width: 12, cell: (change) => STATUS_LABEL[change.toStatus] },
  { header: 'Who', width: 10, cell: (change) => change.who },
  {
    header: 'Note',
    width: 22,
    cell: (change) => [clip(change.note), change.recordedOn > change.effectiveDate ? `(recorded ${formatDay(change.recordedOn)})` : ''].filter(Boolean).join(' '),
  },
];

const EVIDENCE_COLUMNS: PdfColumn<ReportEvidence>[] = [
  { header: 'Date', width: 11, cell: (note) => formatDay(note.evidenceDate) },
  { header: 'Code', width: 12, cell: (note) => note.code },
  { header: 'Title', width: 19, cell: (note) => note.title },
  { header: 'Source', width: 15, cell: (note) => [note.sourceTitle, note.sourceUrl].filter(Boolean).join(' ') },
  { header: 'Note', width: 32, cell: (note) => clip(markdownToPlainText(note.body)) },
  { header: 'Who', width: 11, cell: (note) => note.who },
];

const ITEM_COLUMNS: PdfColumn<ReportItem>[] = [
  { header: 'Code', width: 12, cell: (item) => item.code },
  { header: 'Title', width: 28, cell: (item) => item.title },
  { header: 'Status', width: 14, cell: (item) => STATUS_LABEL[item.status] },
  { header: 'Priority', width: 8, cell: (item) => PRIORITY_LABEL[item.priority] },
  { header: 'Target date', width: 11, cell: (item) => (item.targetDate ? formatDay(item.targetDate) : '–') },
  { header: 'Last activity', width: 11, cell: (item) => formatDay(item.lastActivity) },
  { header: 'Owner sectors', width: 16, cell: (item) => item.sectors.join('; ') },
];

type HeadlineRow = { label: string; previous: string; current: string; change: string };

function headlineRows(report: QuarterlyReport): HeadlineRow[] {
  return HEADLINE_ROWS.map((row) => {
    const figure = report.data.headline[row.key];
    const label = headlineLabel(row, report.data.headline.staleDays);
    return row.kind === 'percent'
      ? { label, previous: formatPercent(figure.previous), current: formatPercent(figure.current), change: formatPointsChange(figure.change) }
      : {
          label,
          previous: formatNumber(figure.previous ?? 0),
          current: formatNumber(figure.current ?? 0),
          change: formatCountChange(figure.change ?? 0),
        };
  });
}

/**
 * A section's heading, intro and content as direct children of the page (a fragment, not a View):
 * react-pdf honours minPresenceAhead only there, and it keeps a heading from sitting alone at the
 * foot of a page.
 */
function Section({ title, children, intro }: { title: string; intro?: string; children: ReactNode }) {
  return (
    <>
      <Text style={styles.h2} minPresenceAhead={70}>
        {title}
      </Text>
      {intro && <Text style={[styles.paragraph, styles.muted]}>{intro}</Text>}
      {children}
    </>
  );
}

function Footer({ report }: { report: QuarterlyReport }) {
  return (
    <View style={styles.footer} fixed>
      <Text>{asOfLine(report)}</Text>
      <Text render={({ pageNumber, totalPages }) => `Page ${pageNumber} of ${totalPages}`} />
    </View>
  );
}

function CoverPage({ report }: { report: QuarterlyReport }) {
  const { data, meta } = report;
  const { headline } = data;
  return (
    <Page size="A4" style={styles.coverPage}>
      <View style={styles.coverBody}>
        <Text style={[styles.muted, { fontSize: 12, marginBottom: 8 }]}>{data.organisation}</Text>
        <Text style={{ fontSize: 28, fontWeight: 700, marginBottom: 4 }}>{data.title}</Text>
        <Text style={{ fontSize: 18, marginBottom: 4 }}>{data.quarter.label}</Text>
        <Text style={[styles.muted, { marginBottom: 24 }]}>{quarterPeriod(data)}</Text>
        <Text style={styles.paragraph}>Implementation of the recommendations of the seminars, round tables and conferences.</Text>
        {filterLines(data).map((line) => (
          <Text key={line} style={styles.muted}>
            {pdfLine(line)}
          </Text>
        ))}
        <Text style={{ marginTop: 24, marginBottom: 24 }}>
          {formatNumber(headline.tracked.current)} recommendations tracked; weighted progress {formatPercent(headline.progress.current)} (
          {formatPointsChange(headline.progress.change)} on the previous quarter); {formatNumber(headline.implemented.current)} implemented;{' '}
          {formatNumber(data.changes.total)} status changes took effect in the quarter.
        </Text>
        <Text>
          Generated {formatGeneratedAt(meta.generatedAt)} by {pdfLine(meta.generatedBy)}.
        </Text>
        <Text style={[styles.small, { marginTop: 'auto' }]}>{reportFootnote(report)}</Text>
      </View>
      <Footer report={report} />
    </Page>
  );
}

/**
 * An A4 page under the running header and footer, wrapping onto as many pages as its content needs.
 * The sections are spread over several of these rather than one (packSections): react-pdf lays out
 * a wrapping page by splitting what is left of it at each page break, so one long page costs the
 * square of its length (minutes for a large organisation's report), and shorter ones a fraction of
 * that (at 10,000 items, six pages took 3.5 s where three took 6 s).
 */
function RunningPage({ report, children }: { report: QuarterlyReport; children: ReactNode }) {
  const { data } = report;
  return (
    <Page size="A4" style={styles.page}>
      <View style={styles.header} fixed>
        <Text>{data.organisation}</Text>
        <Text>{`${data.title}, ${data.quarter.label}`}</Text>
      </View>
      {children}
      <Footer report={report} />
    </Page>
  );
}

/** Table rows a running page takes before the next list starts a page of its own (see RunningPage). */
export const ROWS_PER_RUNNING_PAGE = 40;

type ListSection = { rows: number; node: ReactNode };

/**
 * The list sections grouped into running pages, in order: a list starts a new page when the page
 * already holds sections and would then pass ROWS_PER_RUNNING_PAGE rows (a list counts the rows
 * the PDF shows, at least one). A small report's lists share a page; a large report's each get one.
 */
export function packSections(sections: ListSection[]): ReactNode[][] {
  const pages: { rows: number; nodes: ReactNode[] }[] = [];
  for (const section of sections) {
    const rows = Math.max(1, Math.min(section.rows, LIST_ROW_LIMIT));
    const page = pages.at(-1);
    if (page && page.rows + rows <= ROWS_PER_RUNNING_PAGE) {
      page.rows += rows;
      page.nodes.push(section.node);
    } else {
      pages.push({ rows, nodes: [section.node] });
    }
  }
  return pages.map((page) => page.nodes);
}

function SectionsPages({ report }: { report: QuarterlyReport }) {
  const { data } = report;
  const { headline } = data;
  const asOf = formatDay(data.quarter.asOf);
  const headlineColumns: PdfColumn<HeadlineRow>[] = [
    { header: 'Figure', width: 46, cell: (row) => row.label },
    { header: `End of ${data.previousQuarter.label}`, width: 18, align: 'right', cell: (row) => row.previous },
    { header: data.quarter.complete ? `End of ${data.quarter.label}` : `${data.quarter.label} so far`, width: 18, align: 'right', cell: (row) => row.current },
    { header: 'Change', width: 18, align: 'right', cell: (row) => row.change },
  ];
  const { becameStale, becameOverdue, unchanged } = data.lists;
  const quarter = data.quarter.label;
  return (
    <>
      <RunningPage report={report}>
        <Section title="Headline figures" intro={`On ${asOf} against the end of the previous quarter (${formatDay(data.previousQuarter.end)}).`}>
          <PdfTable columns={headlineColumns} rows={headlineRows(report)} empty="No figures." />
        </Section>

        <Section title="Progress by theme" intro="Weighted progress of the recommendations under each primary theme, now and a quarter ago.">
          <PdfTable columns={THEME_COLUMNS} rows={data.themes} total={data.themeTotal} empty="No recommendations were tracked in this quarter." />
          <Text style={styles.h3} minPresenceAhead={200}>
            Progress over time
          </Text>
          <Text style={[styles.paragraph, styles.muted]}>
            Weighted progress by primary theme at the end of each quarter, {data.series.quarters[0]?.label} to {data.series.quarters.at(-1)?.label}; the
            dashed line is the overall progress.
          </Text>
          <PdfProgressChart series={data.series} />
        </Section>
      </RunningPage>

      {packSections([
        {
          rows: data.changes.total,
          node: (
            <Section title={`Status changes in ${quarter} (${formatNumber(data.changes.total)})`} intro="Every status change that took effect in the quarter, including ones recorded later.">
              <PdfTable columns={CHANGE_COLUMNS} rows={data.changes.rows} count={data.changes.total} empty="No status change took effect in this quarter." />
            </Section>
          ),
        },
        {
          rows: data.evidence.total,
          node: (
            <Section title={`Evidence dated in ${quarter} (${formatNumber(data.evidence.total)})`}>
              <PdfTable columns={EVIDENCE_COLUMNS} rows={data.evidence.rows} count={data.evidence.total} empty="No evidence note is dated in this quarter." />
            </Section>
          ),
        },
        {
          rows: becameStale.total,
          node: (
            <Section
              title={`Became stale in ${quarter} (${formatNumber(becameStale.total)})`}
              intro={becameStaleIntro(headline.staleDays, asOf)}
            >
              <PdfTable columns={ITEM_COLUMNS} rows={becameStale.rows} count={becameStale.total} empty="No item became stale in this quarter." />
            </Section>
          ),
        },
        {
          rows: becameOverdue.total,
          node: (
            <Section
              title={`Became overdue in ${quarter} (${formatNumber(becameOverdue.total)})`}
              intro={becameOverdueIntro(asOf)}
            >
              <PdfTable columns={ITEM_COLUMNS} rows={becameOverdue.rows} count={becameOverdue.total} empty="No item became overdue in this quarter." />
            </Section>
          ),
        },
        {
          rows: unchanged.total,
          node: (
            <Section title={`No status change since the seminar (${formatNumber(unchanged.total)})`}>
              <PdfTable columns={ITEM_COLUMNS} rows={unchanged.rows} count={unchanged.total} empty="Every item has changed status since its seminar." />
            </Section>
          ),
        },
        {
          rows: data.sectors.length,
          node: (
            <Section title="By owner sector" intro="A recommendation with several owner sectors counts under each of them.">
              <PdfTable columns={SECTOR_COLUMNS} rows={data.sectors} empty="No recommendations were tracked in this quarter." />
            </Section>
          ),
        },
        {
          rows: 1,
          node: (
            <Section title="About these figures">
              <Text style={styles.small}>{reportFootnote(report)}</Text>
            </Section>
          ),
        },
      ]).map((sections, index) => (
        <RunningPage key={index} report={report}>
          {sections.map((section, position) => (
            <Fragment key={position}>{section}</Fragment>
          ))}
        </RunningPage>
      ))}
    </>
  );
}

/** The quarterly summary as an A4 document: a cover, then the sections under a running header and footer. */
export function ReportPdfDocument({ report }: { report: QuarterlyReport }) {
  const { data, meta } = report;
  // The file's own dates say when the report was generated.
  const generated = new Date(meta.generatedAt);
  return (
    <Document
      title={`${data.title}, ${data.quarter.label} – ${data.organisation}`}
      author={data.organisation}
      subject="Implementation of seminar recommendations"
      creator={data.organisation}
      producer={data.organisation}
      language="en"
      creationDate={generated}
      modificationDate={generated}
    >
      <CoverPage report={report} />
      <SectionsPages report={report} />
    </Document>
  );
}
