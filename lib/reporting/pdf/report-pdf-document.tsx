import { Fragment, type ReactNode } from 'react';
import { Document, Link, Page, Text, View } from '@react-pdf/renderer';
import { formatNumber, formatPercent } from '@/lib/format';
import { PRIORITY_LABEL, STATUS_LABEL } from '@/lib/status/status';
import {
  asOfLine,
  filterLines,
  LIST_ROW_LIMIT,
  formatCountChange,
  formatDay,
  formatGeneratedAt,
  formatPointsChange,
  HEADLINE_ROWS,
  headlineLabel,
  quarterPeriod,
  reportFootnote,
} from '../report-text';
import { linkTarget, splitUrls, wrapUrl } from '../wrap-url';
import type { QuarterlyReport, ReportChange, ReportEvidence, ReportGroupRow, ReportItem, ReportSectorRow } from '../report-types';
import { pdfLine } from './fonts';
import { PdfProgressChart } from './pdf-chart';
import { markdownToPlainText } from './plain-text';
import { PdfTable, type PdfColumn } from './pdf-table';
import {
  CHANGE_TABLE,
  columnsOf,
  EVIDENCE_TABLE,
  headlinePeriodHeaders,
  isQuietQuarter,
  ITEM_TABLE,
  NOTATION,
  reportHighlights,
  reportPlan,
  reportSections,
  SECTOR_TABLE,
  THEME_TABLE,
  type SectionKey,
} from '../report-outline';
import { LINK, RULE, styles } from './pdf-styles';

// Long notes are cut in the PDF so a row always fits on a page; the workbook has them in full.
const NOTE_LENGTH = 600;
const clip = (text: string | null) => {
  if (!text) return '';
  const flat = pdfLine(text);
  return flat.length > NOTE_LENGTH ? `${flat.slice(0, NOTE_LENGTH - 1)}…` : flat;
};

// The outline's columns (report-outline.ts), drawn as plain text with widths in percent of the page.
type PdfCell<Row> = Pick<PdfColumn<Row>, 'width' | 'cell' | 'render'>;

const FONT_SIZE = 8;
const noHyphens = (word: string) => [word];

/** A web address as a link, on as many lines as the column needs, broken after its slashes and never hyphenated. */
function UrlLink({ url, width }: { url: string; width: number }) {
  return (
    <Link src={linkTarget(url)} style={{ color: LINK, textDecoration: 'none' }}>
      <Text hyphenationCallback={noHyphens}>{wrapUrl(url, width, FONT_SIZE).join('\n')}</Text>
    </Link>
  );
}

/** Text with its web addresses taken out of the flow, each a link of its own. */
function TextWithLinks({ text, width }: { text: string; width: number }) {
  return splitUrls(text).map((piece, index) =>
    'url' in piece ? <UrlLink key={index} url={piece.url} width={width} /> : <Text key={index}>{pdfLine(piece.text)}</Text>,
  );
}

const groupCells = (nameWidth: number) => ({
  name: { width: nameWidth, cell: (row: ReportGroupRow) => row.name },
  items: { width: 7, cell: (row: ReportGroupRow) => formatNumber(row.items) },
  implemented: { width: 11, cell: (row: ReportGroupRow) => formatNumber(row.implemented) },
  noLongerRelevant: { width: 10, cell: (row: ReportGroupRow) => formatNumber(row.noLongerRelevant) },
  previous: { width: 11, cell: (row: ReportGroupRow) => formatPercent(row.progress.previous) },
  progress: { width: 10, cell: (row: ReportGroupRow) => formatPercent(row.progress.current) },
  change: { width: 10, cell: (row: ReportGroupRow) => formatPointsChange(row.progress.change) },
});

const itemName = (row: { code: string; title: string }) => `${row.code} ${row.title}`;

const THEME_COLUMNS = columnsOf<typeof THEME_TABLE, PdfCell<ReportGroupRow>>(THEME_TABLE, groupCells(41));

const SECTOR_COLUMNS = columnsOf<typeof SECTOR_TABLE, PdfCell<ReportSectorRow>>(SECTOR_TABLE, {
  ...groupCells(20),
  changed: { width: 9, cell: (row: ReportSectorRow) => formatNumber(row.changed) },
  stale: { width: 6, cell: (row: ReportSectorRow) => formatNumber(row.stale) },
  overdue: { width: 6, cell: (row: ReportSectorRow) => formatNumber(row.overdue) },
});

const CHANGE_COLUMNS = columnsOf<typeof CHANGE_TABLE, PdfCell<ReportChange>>(CHANGE_TABLE, {
  effective: { width: 11, cell: (change: ReportChange) => formatDay(change.effectiveDate) },
  item: { width: 33, cell: itemName },
  from: { width: 12, cell: (change: ReportChange) => STATUS_LABEL[change.fromStatus] },
  to: { width: 12, cell: (change: ReportChange) => STATUS_LABEL[change.toStatus] },
  who: { width: 10, cell: (change: ReportChange) => change.who },
  note: {
    width: 22,
    cell: (change: ReportChange) =>
      [clip(change.note), change.recordedOn > change.effectiveDate ? `(recorded ${formatDay(change.recordedOn)})` : ''].filter(Boolean).join(' '),
  },
});

const EVIDENCE_COLUMNS = columnsOf<typeof EVIDENCE_TABLE, PdfCell<ReportEvidence>>(EVIDENCE_TABLE, {
  date: { width: 10, cell: (note: ReportEvidence) => formatDay(note.evidenceDate) },
  item: { width: 25, cell: itemName },
  note: {
    width: 32,
    cell: (note: ReportEvidence) => clip(markdownToPlainText(note.body)),
    render: (note: ReportEvidence, width: number) => <TextWithLinks text={clip(markdownToPlainText(note.body))} width={width} />,
  },
  source: {
    width: 23,
    cell: (note: ReportEvidence) => [note.sourceTitle, note.sourceUrl].filter(Boolean).join(' '),
    render: (note: ReportEvidence, width: number) => (
      <>
        {note.sourceTitle && <Text>{pdfLine(note.sourceTitle)}</Text>}
        {note.sourceUrl && <UrlLink url={note.sourceUrl} width={width} />}
      </>
    ),
  },
  who: { width: 10, cell: (note: ReportEvidence) => note.who },
});

const ITEM_COLUMNS = columnsOf<typeof ITEM_TABLE, PdfCell<ReportItem>>(ITEM_TABLE, {
  item: { width: 40, cell: itemName },
  status: { width: 14, cell: (item: ReportItem) => STATUS_LABEL[item.status] },
  priority: { width: 8, cell: (item: ReportItem) => PRIORITY_LABEL[item.priority] },
  targetDate: { width: 11, cell: (item: ReportItem) => (item.targetDate ? formatDay(item.targetDate) : '–') },
  lastActivity: { width: 11, cell: (item: ReportItem) => formatDay(item.lastActivity) },
  sectors: { width: 16, cell: (item: ReportItem) => item.sectors.join('; ') },
});

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
  const highlights = reportHighlights(data);
  return (
    <Page size="A4" style={styles.coverPage}>
      <View style={styles.coverBody}>
        <Text style={[styles.muted, { fontSize: 12, marginBottom: 8 }]}>{data.organisation}</Text>
        <Text style={{ fontSize: 28, fontWeight: 700, marginBottom: 4 }}>{data.title}</Text>
        <Text style={{ fontSize: 18, marginBottom: 4 }}>{data.quarter.label}</Text>
        <Text style={[styles.muted, { marginBottom: 18 }]}>{quarterPeriod(data)}</Text>
        <Text style={styles.paragraph}>Implementation of the recommendations of the seminars, round tables and conferences.</Text>
        {filterLines(data).map((line) => (
          <Text key={line} style={styles.muted}>
            {pdfLine(line)}
          </Text>
        ))}
        <Text style={{ fontSize: 12, marginTop: 22, marginBottom: 10 }}>{highlights.summary}</Text>
        <Text style={[styles.h2, { marginTop: 6 }]}>The quarter at a glance</Text>
        {highlights.lines.map((line) => (
          <View key={line.label} style={{ flexDirection: 'row', borderTopWidth: 0.5, borderTopColor: RULE, paddingVertical: 5 }} wrap={false}>
            <Text style={{ width: '32%', fontWeight: 700 }}>{line.label}</Text>
            <Text style={{ width: '68%' }}>{[line.codes.join(', '), line.text].filter(Boolean).join(' ')}</Text>
          </View>
        ))}
        <Text style={[styles.small, { marginTop: 14 }]}>
          Progress is weighted by status; changes in progress are in percentage points (pp). The last page says how every figure is read.
        </Text>
        <Text style={{ marginTop: 'auto' }}>
          Generated {formatGeneratedAt(meta.generatedAt)} by {pdfLine(meta.generatedBy)}.
        </Text>
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
  const text = reportSections(data);
  const periods = headlinePeriodHeaders(data);
  const headlineColumns: PdfColumn<HeadlineRow>[] = [
    { header: 'Figure', width: 46, cell: (row) => row.label },
    { header: periods.previous, width: 18, numeric: true, cell: (row) => row.previous },
    { header: periods.current, width: 18, numeric: true, cell: (row) => row.current },
    { header: 'Change', width: 18, numeric: true, cell: (row) => row.change },
  ];
  const { becameStale, becameOverdue, unchanged } = data.lists;
  const plan = new Set(reportPlan(data));
  const lists: (ListSection & { key: SectionKey })[] = [
    {
      key: 'changes',
      rows: data.changes.total,
      node: (
        <Section {...text.changes}>
          <PdfTable columns={CHANGE_COLUMNS} rows={data.changes.rows} count={data.changes.total} empty={text.changes.empty} />
        </Section>
      ),
    },
    {
      key: 'evidence',
      rows: data.evidence.total,
      node: (
        <Section {...text.evidence}>
          <PdfTable columns={EVIDENCE_COLUMNS} rows={data.evidence.rows} count={data.evidence.total} empty={text.evidence.empty} />
        </Section>
      ),
    },
    {
      key: 'becameStale',
      rows: becameStale.total,
      node: (
        <Section {...text.becameStale}>
          <PdfTable columns={ITEM_COLUMNS} rows={becameStale.rows} count={becameStale.total} empty={text.becameStale.empty} />
        </Section>
      ),
    },
    {
      key: 'becameOverdue',
      rows: becameOverdue.total,
      node: (
        <Section {...text.becameOverdue}>
          <PdfTable columns={ITEM_COLUMNS} rows={becameOverdue.rows} count={becameOverdue.total} empty={text.becameOverdue.empty} />
        </Section>
      ),
    },
    {
      key: 'unchanged',
      rows: unchanged.total,
      node: (
        <Section {...text.unchanged}>
          <PdfTable columns={ITEM_COLUMNS} rows={unchanged.rows} count={unchanged.total} empty={text.unchanged.empty} />
        </Section>
      ),
    },
    {
      key: 'sectors',
      rows: data.sectors.length,
      node: (
        <Section {...text.sectors}>
          <PdfTable columns={SECTOR_COLUMNS} rows={data.sectors} empty={text.sectors.empty} />
        </Section>
      ),
    },
  ];
  const about: ListSection = {
    rows: 1,
    node: (
      <Section {...text.about}>
        <Text style={styles.small}>{reportFootnote(report)}</Text>
      </Section>
    ),
  };
  const headlineSection = (
    <Section {...text.headline}>
      <PdfTable columns={headlineColumns} rows={headlineRows(report)} empty={text.headline.empty} />
      <Text style={[styles.small, styles.paragraph]}>{NOTATION}</Text>
    </Section>
  );
  const shown = [...lists.filter((list) => plan.has(list.key)), about];
  // A quiet quarter has little to say: all of it on one running page after the cover.
  if (isQuietQuarter(data)) {
    return (
      <RunningPage report={report}>
        {headlineSection}
        {shown.map((section, position) => (
          <Fragment key={position}>{section.node}</Fragment>
        ))}
      </RunningPage>
    );
  }
  return (
    <>
      <RunningPage report={report}>
        {headlineSection}
        <Section {...text.themes}>
          <PdfTable columns={THEME_COLUMNS} rows={data.themes} total={data.themeTotal} empty={text.themes.empty} />
          <Text style={styles.h3} minPresenceAhead={200}>
            Progress over time
          </Text>
          <Text style={[styles.paragraph, styles.muted]}>
            Weighted progress at the end of each quarter, {data.series.quarters[0]?.label} to {data.series.quarters.at(-1)?.label}: all themes together, then
            each primary theme on the same scale against all themes.
          </Text>
          <PdfProgressChart series={data.series} />
        </Section>
      </RunningPage>

      {packSections(shown).map((sections, index) => (
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
