// The report's words and numbers as people read them, shared by the PDF, the print page and the
// workbook's summary, so every format says the same thing. Formatting goes through lib/format.ts.
import { parseDateOnly } from '@/lib/dates';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { STATUS_LABEL, STATUS_WEIGHT, STATUSES } from '@/lib/status/status';
import type { QuarterlyReport, QuarterlyReportData } from './report-types';

/** A "YYYY-MM-DD" day as the app shows dates. */
export function formatDay(day: string): string {
  const date = parseDateOnly(day);
  return date ? formatDate(date) : day;
}

export function formatGeneratedAt(iso: string): string {
  return formatDateTime(new Date(iso));
}

/** A change in a count, signed: "+2", "−1", "0". */
export function formatCountChange(change: number): string {
  if (change === 0) return '0';
  return change > 0 ? `+${formatNumber(change)}` : `\u2212${formatNumber(-change)}`;
}

/** A change in progress, in percentage points: "+12.5 pp", "−3 pp", "0 pp"; "–" when unknown. */
export function formatPointsChange(change: number | null): string {
  if (change === null) return '–';
  const points = Math.round(change * 1000) / 10;
  if (points === 0) return '0 pp';
  return points > 0 ? `+${formatNumber(points)} pp` : `\u2212${formatNumber(-points)} pp`;
}

/** "1 Jul 2026 to 30 Sept 2026" */
export function quarterPeriod(data: QuarterlyReportData): string {
  return `${formatDay(data.quarter.start)} to ${formatDay(data.quarter.end)}`;
}

/** The filters in words, one line per kind: "Seminars: all". */
export function filterLines(data: QuarterlyReportData): string[] {
  const line = (label: string, names: string[]) => `${label}: ${names.length ? names.join('; ') : 'all'}`;
  return [line('Seminars', data.filters.seminars), line('Primary themes', data.filters.themes), line('Owner sectors', data.filters.sectors)];
}

/** The short "as of" line of the running footer. */
export function asOfLine(report: QuarterlyReport): string {
  return `Figures as of ${formatDay(report.data.quarter.asOf)}; generated ${formatGeneratedAt(report.meta.generatedAt)}`;
}

/** The footnote every format carries: what "as of" means, and when the report was made. */
export function reportFootnote(report: QuarterlyReport): string {
  const { data, meta } = report;
  const asOf = formatDay(data.quarter.asOf);
  const weights = STATUSES.flatMap((status) => {
    const weight = STATUS_WEIGHT[status];
    return weight === null ? [] : [`${STATUS_LABEL[status]} ${formatPercent(weight)}`];
  }).join(', ');
  const day = data.quarter.complete ? `the last day of ${data.quarter.label}` : `today: ${data.quarter.label} is still in progress`;
  return (
    `All figures are as of ${asOf} (${day}). They are read from the status history by the date each change took effect, ` +
    `and include changes back-dated into the quarter that were recorded later, up to the generation time ` +
    `(${formatGeneratedAt(meta.generatedAt)}). Anything that took effect after ${asOf} is left out, so this report reads the same ` +
    `whenever it is generated unless a change is later back-dated into the period. Titles, owner sectors, priorities and target dates ` +
    `are as they are now: they have no history. Weighted progress weighs each status (${weights}); ` +
    `items no longer relevant are left out of it. An open item (neither implemented nor no longer relevant) is stale after ` +
    `${data.headline.staleDays} days without a status change or evidence note, and overdue when past its target date.`
  );
}

/**
 * The "became stale" and "became overdue" lists' intros, the same in the PDF and on the print page:
 * the rules of lib/status/metrics.ts in words. `asOf` is the report's day as the document prints it.
 */
export function becameStaleIntro(staleDays: number, asOf: string): string {
  return `Open (neither implemented nor no longer relevant), with no status change or evidence in the ${staleDays} days up to ${asOf}; not stale at the end of the previous quarter.`;
}

export function becameOverdueIntro(asOf: string): string {
  return `Open (neither implemented nor no longer relevant) and past the target date on ${asOf}; not overdue at the end of the previous quarter.`;
}

/** A headline row's label; the stale row says what stale means. */
export function headlineLabel(row: (typeof HEADLINE_ROWS)[number], staleDays: number): string {
  return row.key === 'stale' ? `Stale (no activity for ${staleDays} days)` : row.label;
}

/** Rows of the headline table: label, then how to format the figure. */
export const HEADLINE_ROWS = [
  { key: 'tracked', label: 'Recommendations tracked', kind: 'count' },
  { key: 'progress', label: 'Weighted progress', kind: 'percent' },
  { key: 'implemented', label: 'Implemented', kind: 'count' },
  { key: 'changed', label: 'Changed status in the quarter', kind: 'count' },
  { key: 'stale', label: 'Stale', kind: 'count' },
  { key: 'overdue', label: 'Overdue', kind: 'count' },
] as const satisfies readonly { key: keyof Omit<QuarterlyReportData['headline'], 'staleDays'>; label: string; kind: 'count' | 'percent' }[];

/**
 * The most rows a list of the report shows in the PDF and on the print page. A board paper with
 * thousands of rows is read by nobody and takes minutes to lay out; past this, the first rows are
 * shown with a line saying where the rest are (the workbook and CSV files always have every row).
 */
export const LIST_ROW_LIMIT = 100;

/** The rows of a list the PDF and the print page show. */
export function shownRows<Row>(rows: Row[]): Row[] {
  return rows.length > LIST_ROW_LIMIT ? rows.slice(0, LIST_ROW_LIMIT) : rows;
}

export function rowsNotShown(total: number): string {
  return `Showing the first ${LIST_ROW_LIMIT.toLocaleString('en')} of ${total.toLocaleString('en')} rows; the workbook (XLSX) and CSV exports list them all.`;
}
