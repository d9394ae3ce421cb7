// What the PDF and the print page show, written once: each section's title, intro, caption and
// "nothing here" line, and each table's columns (key, header, numeric). The two documents differ
// only in how a cell is drawn (a link and a status badge on the page, plain text in the PDF) and
// in column widths, which each supplies per key; TypeScript makes each supply every key.
// The workbook and CSV files carry fuller columns of their own (report-columns.ts).
import { formatNumber } from '@/lib/format';
import { becameOverdueIntro, becameStaleIntro, formatDay } from './report-text';
import type { QuarterlyReportData } from './report-types';

export type OutlineColumn<Key extends string> = { key: Key; header: string; numeric?: boolean };

const groupColumns = <Name extends string>(header: Name) =>
  [
    { key: 'name', header },
    { key: 'items', header: 'Items', numeric: true },
    { key: 'implemented', header: 'Implemented', numeric: true },
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
      intro: 'Weighted progress of the recommendations under each primary theme, now and a quarter ago.',
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
      intro: 'A recommendation with several owner sectors counts under each of them.',
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
