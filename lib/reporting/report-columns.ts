// The report's tables as typed columns, shared by the workbook and the CSV files so both carry the
// same columns in the same order. The kind says how a cell is written: a date as a date cell
// (XLSX) or YYYY-MM-DD (CSV), a percentage as a number with a % format (XLSX) or whole percent
// points (CSV), and so on.
import { PRIORITY_LABEL, STATUS_LABEL, STATUS_WEIGHT } from '@/lib/status/status';
import type { ReportChange, ReportEvidence, ReportGroupRow, ReportItem, ReportSectorRow } from './report-types';

export type CellKind =
  /** Free text: the only kind that can start with a formula character. */
  | 'text'
  /** "YYYY-MM-DD" */
  | 'date'
  | 'count'
  /** A fraction in [0, 1]. */
  | 'percent'
  /** A difference of two fractions (percentage points). */
  | 'points'
  | 'yesno';

export type CellValue = string | number | boolean | null;

export type Column<Row> = { header: string; kind: CellKind; width: number; value: (row: Row) => CellValue };

export const ITEM_COLUMNS: Column<ReportItem>[] = [
  { header: 'Code', kind: 'text', width: 12, value: (item) => item.code },
  { header: 'Title', kind: 'text', width: 48, value: (item) => item.title },
  { header: 'Seminar', kind: 'text', width: 36, value: (item) => item.seminar },
  { header: 'Seminar date', kind: 'date', width: 12, value: (item) => item.seminarDate },
  { header: 'Primary theme', kind: 'text', width: 24, value: (item) => item.primaryTheme },
  { header: 'Owner sectors', kind: 'text', width: 30, value: (item) => item.sectors.join('; ') },
  { header: 'Priority', kind: 'text', width: 10, value: (item) => PRIORITY_LABEL[item.priority] },
  { header: 'Target date', kind: 'date', width: 12, value: (item) => item.targetDate },
  { header: 'Status', kind: 'text', width: 22, value: (item) => STATUS_LABEL[item.status] },
  { header: 'Status since', kind: 'date', width: 12, value: (item) => item.statusSince },
  { header: 'Progress weight', kind: 'percent', width: 10, value: (item) => STATUS_WEIGHT[item.status] },
  { header: 'Status at end of previous quarter', kind: 'text', width: 22, value: (item) => (item.previousStatus ? STATUS_LABEL[item.previousStatus] : null) },
  { header: 'Status changes in quarter', kind: 'count', width: 10, value: (item) => item.changesInQuarter },
  { header: 'Last activity', kind: 'date', width: 12, value: (item) => item.lastActivity },
  { header: 'Stale', kind: 'yesno', width: 8, value: (item) => item.stale },
  { header: 'Became stale in quarter', kind: 'yesno', width: 10, value: (item) => item.becameStale },
  { header: 'Overdue', kind: 'yesno', width: 8, value: (item) => item.overdue },
  { header: 'Became overdue in quarter', kind: 'yesno', width: 10, value: (item) => item.becameOverdue },
  { header: 'No change since seminar', kind: 'yesno', width: 10, value: (item) => item.noChangeSinceSeminar },
];

export const CHANGE_COLUMNS: Column<ReportChange>[] = [
  { header: 'Effective date', kind: 'date', width: 12, value: (change) => change.effectiveDate },
  { header: 'Code', kind: 'text', width: 12, value: (change) => change.code },
  { header: 'Title', kind: 'text', width: 48, value: (change) => change.title },
  { header: 'From', kind: 'text', width: 22, value: (change) => STATUS_LABEL[change.fromStatus] },
  { header: 'To', kind: 'text', width: 22, value: (change) => STATUS_LABEL[change.toStatus] },
  { header: 'Who', kind: 'text', width: 20, value: (change) => change.who },
  { header: 'Note', kind: 'text', width: 60, value: (change) => change.note },
  { header: 'Recorded on', kind: 'date', width: 12, value: (change) => change.recordedOn },
];

export const EVIDENCE_COLUMNS: Column<ReportEvidence>[] = [
  { header: 'Evidence date', kind: 'date', width: 12, value: (note) => note.evidenceDate },
  { header: 'Code', kind: 'text', width: 12, value: (note) => note.code },
  { header: 'Title', kind: 'text', width: 40, value: (note) => note.title },
  { header: 'Source', kind: 'text', width: 30, value: (note) => note.sourceTitle },
  { header: 'Source URL', kind: 'text', width: 30, value: (note) => note.sourceUrl },
  { header: 'Note', kind: 'text', width: 70, value: (note) => note.body },
  { header: 'Who', kind: 'text', width: 20, value: (note) => note.who },
];

function groupColumns<Row extends ReportGroupRow>(groupHeader: string): Column<Row>[] {
  return [
    { header: groupHeader, kind: 'text', width: 32, value: (row) => row.name },
    { header: 'Items', kind: 'count', width: 10, value: (row) => row.items },
    { header: 'Implemented', kind: 'count', width: 12, value: (row) => row.implemented },
    { header: 'Progress a quarter ago', kind: 'percent', width: 12, value: (row) => row.progress.previous },
    { header: 'Progress', kind: 'percent', width: 12, value: (row) => row.progress.current },
    { header: 'Change (percentage points)', kind: 'points', width: 14, value: (row) => row.progress.change },
  ];
}

export const THEME_COLUMNS: Column<ReportGroupRow>[] = groupColumns('Primary theme');

export const SECTOR_COLUMNS: Column<ReportSectorRow>[] = [
  ...groupColumns<ReportSectorRow>('Owner sector'),
  { header: 'Changed status in quarter', kind: 'count', width: 12, value: (row) => row.changed },
  { header: 'Stale', kind: 'count', width: 8, value: (row) => row.stale },
  { header: 'Overdue', kind: 'count', width: 8, value: (row) => row.overdue },
];
