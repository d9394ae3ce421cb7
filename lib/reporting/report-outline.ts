// What the PDF and the print page show, written once: each section's title, intro, caption and
// "nothing here" line, and each table's columns (key, header, numeric). The two documents differ
// only in how a cell is drawn (a link and a status badge on the page, plain text in the PDF) and
// in column widths, which each supplies per key; TypeScript makes each supply every key.
// The workbook and CSV files carry fuller columns of their own (report-columns.ts).
import { formatNumber, formatPercent } from '@/lib/format';
import { becameOverdueIntro, becameStaleIntro, formatDay, formatPointsChange } from './report-text';
import type { QuarterlyReportData, ReportGroupRow, ReportList } from './report-types';

export type OutlineColumn<Key extends string> = { key: Key; header: string; numeric?: boolean };

const groupColumns = <Name extends string>(header: Name) =>
  [
    { key: 'name', header },
    { key: 'items', header: 'Items', numeric: true },
    { key: 'implemented', header: 'Implemented', numeric: true },
    { key: 'noLongerRelevant', header: 'No longer relevant', numeric: true },
    { key: 'previous', header: 'Progress a quarter ago', numeric: true },
    { key: 'progress', header: 'Progress', numeric: true },
    { key: 'change', header: 'Change', numeric: true },
  ] as const;

export const THEME_TABLE = groupColumns('Primary theme');

export const SECTOR_TABLE = [
  ...groupColumns('Owner sector'),
  { key: 'changed', header: 'Changed status', numeric: true },
  { key: 'stale', header: 'Stale', numeric: true },
  { key: 'overdue', header: 'Overdue', numeric: true },
] as const;

export const CHANGE_TABLE = [
  { key: 'effective', header: 'Effective' },
  { key: 'item', header: 'Item' },
  { key: 'from', header: 'From' },
  { key: 'to', header: 'To' },
  { key: 'who', header: 'Who' },
  { key: 'note', header: 'Note' },
] as const;

export const EVIDENCE_TABLE = [
  { key: 'date', header: 'Date' },
  { key: 'item', header: 'Item' },
  { key: 'note', header: 'Note' },
  { key: 'source', header: 'Source' },
  { key: 'who', header: 'Who' },
] as const;

export const ITEM_TABLE = [
  { key: 'item', header: 'Item' },
  { key: 'status', header: 'Status' },
  { key: 'priority', header: 'Priority' },
  { key: 'targetDate', header: 'Target date' },
  { key: 'lastActivity', header: 'Last activity' },
  { key: 'sectors', header: 'Owner sectors' },
] as const;

/** The keys of a table's columns: what a document must say how to draw. */
export type KeyOf<Table extends readonly OutlineColumn<string>[]> = Table[number]['key'];

/** A table's columns with each key's drawing (and whatever else a document needs per column) added. */
export function columnsOf<Table extends readonly OutlineColumn<string>[], Extra>(
  table: Table,
  perKey: Record<KeyOf<Table>, Extra>,
): (OutlineColumn<KeyOf<Table>> & Extra)[] {
  return table.map((column) => ({ ...column, ...perKey[column.key as KeyOf<Table>] }));
}

/** Why a theme with one of three items implemented can show 100%: said wherever a table has the column. */
const LEFT_OUT = 'Items no longer relevant are counted under Items and in their own column, and left out of Implemented’s share and of progress.';

/** The notation, explained once, before the first table. */
export const NOTATION =
  'Changes in progress are in percentage points (pp): from 40% to 45% is +5 pp. A dash (–) means there is nothing to measure: no item counts towards progress there, or no target date is set.';

export type SectionText = { title: string; intro?: string; caption: string; empty: string };

export type ReportSections = Record<'headline' | 'themes' | 'changes' | 'evidence' | 'becameStale' | 'becameOverdue' | 'unchanged' | 'sectors', SectionText> & {
  about: { title: string };
};

/** Every section's words for one report. */
export function reportSections(data: QuarterlyReportData): ReportSections {
  const quarter = data.quarter.label;
  const asOf = formatDay(data.quarter.asOf);
  const { becameStale, becameOverdue, unchanged } = data.lists;
  const none = 'No recommendations were tracked in this quarter.';
  return {
    headline: {
      title: 'Headline figures',
      intro: `On ${asOf} against the end of the previous quarter (${formatDay(data.previousQuarter.end)}).`,
      caption: `Headline figures, ${quarter}`,
      empty: 'No figures.',
    },
    themes: {
      title: 'Progress by theme',
      intro: `Weighted progress of the recommendations under each primary theme, now and a quarter ago. ${LEFT_OUT}`,
      caption: `Progress by primary theme, ${quarter}`,
      empty: none,
    },
    changes: {
      title: `Status changes in ${quarter} (${formatNumber(data.changes.total)})`,
      intro: 'Every status change that took effect in the quarter, including ones recorded later.',
      caption: `Status changes that took effect in ${quarter}`,
      empty: 'No status change took effect in this quarter.',
    },
    evidence: {
      title: `Evidence dated in ${quarter} (${formatNumber(data.evidence.total)})`,
      caption: `Evidence notes dated in ${quarter}`,
      empty: 'No evidence note is dated in this quarter.',
    },
    becameStale: {
      title: `Became stale in ${quarter} (${formatNumber(becameStale.total)})`,
      intro: becameStaleIntro(data.headline.staleDays, asOf),
      caption: `Items that became stale in ${quarter}`,
      empty: 'No item became stale in this quarter.',
    },
    becameOverdue: {
      title: `Became overdue in ${quarter} (${formatNumber(becameOverdue.total)})`,
      intro: becameOverdueIntro(asOf),
      caption: `Items that became overdue in ${quarter}`,
      empty: 'No item became overdue in this quarter.',
    },
    unchanged: {
      title: `No status change since the seminar (${formatNumber(unchanged.total)})`,
      caption: 'Items with no status change since their seminar',
      empty: 'Every item has changed status since its seminar.',
    },
    sectors: {
      title: 'By owner sector',
      intro: `A recommendation with several owner sectors counts under each of them. ${LEFT_OUT}`,
      caption: `Progress and activity by owner sector, ${quarter}`,
      empty: none,
    },
    about: { title: 'About these figures' },
  };
}

/** The headline table's value columns' headers (the first column is the figure's name). */
export function headlinePeriodHeaders(data: QuarterlyReportData): { previous: string; current: string } {
  const quarter = data.quarter.label;
  return { previous: `End of ${data.previousQuarter.label}`, current: data.quarter.complete ? `End of ${quarter}` : `${quarter} so far` };
}

/**
 * A quarter in which no status change took effect and no recommendation arrived: the report says so
 * and leaves out the tables that would be empty or unchanged. A seminar's new items are news even
 * before anything happens to them.
 */
export function isQuietQuarter(data: QuarterlyReportData): boolean {
  return data.changes.total === 0 && (data.headline.tracked.change ?? 0) === 0;
}

/** The sections the PDF and the print page show, in order: all of them, or in a quiet quarter only those with something to say. */
export type SectionKey = 'headline' | 'themes' | 'changes' | 'evidence' | 'becameStale' | 'becameOverdue' | 'unchanged' | 'sectors';

export function reportPlan(data: QuarterlyReportData): SectionKey[] {
  const all: SectionKey[] = ['headline', 'themes', 'changes', 'evidence', 'becameStale', 'becameOverdue', 'unchanged', 'sectors'];
  if (!isQuietQuarter(data)) return all;
  const { becameStale, becameOverdue } = data.lists;
  return all.filter(
    (key) =>
      key === 'headline' ||
      (key === 'evidence' && data.evidence.total > 0) ||
      (key === 'becameStale' && becameStale.total > 0) ||
      (key === 'becameOverdue' && becameOverdue.total > 0),
  );
}

/** One line of the cover's highlights: a label and its items' codes, or a sentence. */
export type Highlight = { label: string; text: string; codes: string[] };

const CODES_SHOWN = 8;

function listHighlight(label: string, list: ReportList<{ code: string }>, none: string): Highlight {
  if (list.total === 0) return { label, text: none, codes: [] };
  const codes = list.rows.slice(0, CODES_SHOWN).map((row) => row.code);
  const more = list.total - codes.length;
  return { label: `${label} (${formatNumber(list.total)})`, text: more > 0 ? `and ${formatNumber(more)} more` : '', codes };
}

function moverText(row: ReportGroupRow | undefined, none: string): string {
  if (!row) return none;
  return `${row.name}, ${formatPointsChange(row.progress.change)} (${formatPercent(row.progress.previous)} to ${formatPercent(row.progress.current)})`;
}

/**
 * The quarter at a glance, for the cover of the PDF and the top of the print page: what was
 * implemented or stalled since the previous quarter, the themes that moved most each way, and the
 * items now overdue. A quiet quarter (no status change) says so first.
 */
export function reportHighlights(data: QuarterlyReportData): { summary: string; lines: Highlight[] } {
  const quarter = data.quarter.label;
  const { headline } = data;
  const summary = isQuietQuarter(data)
    ? `No status changes in ${quarter}. ${formatNumber(headline.tracked.current ?? 0)} recommendations tracked; weighted progress ${formatPercent(headline.progress.current)}, as at the end of the previous quarter.`
    : `${formatNumber(headline.tracked.current ?? 0)} recommendations tracked; weighted progress ${formatPercent(headline.progress.current)} (${formatPointsChange(headline.progress.change)} on the previous quarter); ${formatNumber(headline.implemented.current ?? 0)} implemented; ${formatNumber(data.changes.total)} status changes took effect in the quarter.`;
  const moved = data.themes.filter((row) => row.progress.change !== null && row.progress.change !== 0);
  const up = moved.filter((row) => row.progress.change! > 0).sort((a, b) => b.progress.change! - a.progress.change! || a.name.localeCompare(b.name))[0];
  const down = moved.filter((row) => row.progress.change! < 0).sort((a, b) => a.progress.change! - b.progress.change! || a.name.localeCompare(b.name))[0];
  const lines: Highlight[] = [
    listHighlight('Newly implemented', data.highlights.newlyImplemented, `None in ${quarter}.`),
    listHighlight('Newly stalled', data.highlights.newlyStalled, `None in ${quarter}.`),
    { label: 'Largest move up', text: moverText(up, 'No theme moved up.'), codes: [] },
    { label: 'Largest move down', text: moverText(down, 'No theme moved down.'), codes: [] },
    listHighlight('Now overdue', data.lists.becameOverdue, `No item became overdue in ${quarter}.`),
  ];
  return { summary, lines };
}
