// The quarterly summary as ONE plain, serialisable object: what every format (PDF, XLSX, CSV, the
// print page) is rendered from, with every item once more, chunk by chunk, for the formats that
// list them all (lib/reporting/export-quarterly-report.ts). Calendar dates are "YYYY-MM-DD" text,
// progress is a fraction in [0, 1], and every list has a fixed order, so the same history always
// gives the same object.
import type { Figure } from '@/lib/progress/figure';
import type { Priority, Status } from '@/lib/status/status';

/** A calendar date, "YYYY-MM-DD". */
export type Day = string;

export type ReportQuarter = {
  /** "2026-Q3" */
  key: string;
  /** "2026 Q3" */
  label: string;
  start: Day;
  end: Day;
};

export type ReportHeadline = {
  /** Items with a status on the day (not archived). */
  tracked: Figure;
  /** Weighted progress; null when no item counts. */
  progress: Figure<number | null>;
  implemented: Figure;
  /** Items with at least one status change that took effect in the quarter. */
  changed: Figure;
  stale: Figure;
  overdue: Figure;
  staleDays: number;
};

/** A row of "progress by theme" (primary theme) or of the per-owner-sector summary. */
export type ReportGroupRow = {
  name: string;
  color: string | null;
  /** Items with a status on the day. */
  items: number;
  implemented: number;
  /** Of `items`, those no longer relevant: counted in items but left out of progress. */
  noLongerRelevant: number;
  progress: Figure<number | null>;
};

export type ReportSectorRow = ReportGroupRow & {
  /** Items with a status change that took effect in the quarter. */
  changed: number;
  stale: number;
  overdue: number;
};

export type ReportSeries = {
  quarters: { key: string; label: string }[];
  /** One line per primary theme: weighted progress in percent per quarter, null where nothing counts. */
  lines: { name: string; color: string; values: (number | null)[] }[];
  /** Overall weighted progress in percent per quarter. */
  overall: (number | null)[];
};

export type ReportChange = {
  code: string;
  title: string;
  /** The status in force just before, from the history as it stands (a late back-dated entry moves it). */
  fromStatus: Status;
  toStatus: Status;
  effectiveDate: Day;
  /** The day it was entered: later than the effective date when back-dated. */
  recordedOn: Day;
  who: string;
  note: string | null;
};

export type ReportEvidence = {
  code: string;
  title: string;
  evidenceDate: Day;
  sourceTitle: string | null;
  sourceUrl: string | null;
  body: string;
  who: string;
};

export type ReportItem = {
  code: string;
  title: string;
  seminar: string;
  seminarDate: Day;
  primaryTheme: string;
  sectors: string[];
  priority: Priority;
  targetDate: Day | null;
  /** Status on the report's day, and since when. */
  status: Status;
  statusSince: Day;
  /** Status at the end of the previous quarter; null when the item was not tracked yet. */
  previousStatus: Status | null;
  /** Latest status change or evidence date up to the day. */
  lastActivity: Day;
  changesInQuarter: number;
  stale: boolean;
  overdue: boolean;
  /** Stale (or overdue) on the day but not at the end of the previous quarter. */
  becameStale: boolean;
  becameOverdue: boolean;
  /** No status change since the seminar, up to the day. */
  noChangeSinceSeminar: boolean;
};

/** A list's first rows (at most LIST_ROW_LIMIT, lib/reporting/report-text.ts, in the report's order) and its length. */
export type ReportList<Row> = { total: number; rows: Row[] };

/** The item lists the PDF and the print page show; the workbook and the CSV list every item. */
export type ReportItemLists = {
  /** Stale (or overdue) on the day but not at the end of the previous quarter. */
  becameStale: ReportList<ReportItem>;
  becameOverdue: ReportList<ReportItem>;
  /** No status change since the seminar, up to the day. */
  unchanged: ReportList<ReportItem>;
};

/** The quarter's news for the cover: items whose status moved to implemented or stalled since the previous quarter's end. */
export type ReportHighlights = {
  newlyImplemented: ReportList<ReportItem>;
  newlyStalled: ReportList<ReportItem>;
};

export type QuarterlyReportData = {
  organisation: string;
  title: string;
  quarter: ReportQuarter & {
    /** The day the figures are read on: the quarter's last day, or today for the quarter in progress. */
    asOf: Day;
    complete: boolean;
  };
  previousQuarter: ReportQuarter;
  /** The filters in words (names), empty lists meaning "all". */
  filters: { seminars: string[]; themes: string[]; sectors: string[] };
  headline: ReportHeadline;
  themes: ReportGroupRow[];
  /** Every primary theme together. */
  themeTotal: ReportGroupRow;
  series: ReportSeries;
  /** The quarter's status changes and evidence notes (first rows and count; the files list them all). */
  changes: ReportList<ReportChange>;
  evidence: ReportList<ReportEvidence>;
  sectors: ReportSectorRow[];
  lists: ReportItemLists;
  highlights: ReportHighlights;
};

/** Who made it and when: the only part that differs between two generations of the same report. */
export type ReportMeta = { generatedAt: string; generatedBy: string };

export type QuarterlyReport = { meta: ReportMeta; data: QuarterlyReportData };
