import type { Db } from '@/lib/db';
import { toDateOnly } from '@/lib/dates';
import { progressChartData } from '@/lib/progress/chart-data';
import { figure, progressFigure } from '@/lib/progress/figure';
import type { ItemScope } from '@/lib/progress/history-sql';
import { resolveQuarters, scopeOf } from '@/lib/progress/progress-report';
import { combinePoints, getProgressSeries, type ProgressPoint, type ProgressSeries } from '@/lib/progress/progress-series';
import {
  quarterFromIndex,
  quarterIndex,
  quarterKey,
  quarterLabel,
  quartersBetween,
  toQuarterPoint,
  type Quarter,
  type QuarterPoint,
} from '@/lib/progress/quarters';
import type { QuarterlyReportScope } from '@/lib/validations/quarterly-report';
import { DEFAULT_STALE_DAYS } from '@/lib/status/metrics';
import { readQuarterChanges } from './read-quarter-changes';
import { readQuarterEvidence } from './read-quarter-evidence';
import { readReportItems } from './read-report-items';
import { reportCut, type ReportCut } from './report-cut';
import { ListHead } from './list-head';
import type { QuarterlyReport, ReportChange, ReportEvidence, ReportGroupRow, ReportItem, ReportQuarter } from './report-types';
import { ReportItemSummary } from './summarise-report-items';

export const REPORT_TITLE = 'Quarterly summary';
const DEFAULT_ORGANISATION = 'MUSLIM Institute';

export type BuildQuarterlyReportInput = QuarterlyReportScope & {
  /** Who asked for it, as the cover shows it. */
  generatedBy: string;
  /** The generation time (tests pin it); default now. */
  now?: Date;
};

type Sink<Row> = (rows: Row[]) => void | Promise<void>;

export type BuildQuarterlyReportOptions = {
  /**
   * Every row of the report's long lists, in order, a chunk at a time, for the files that list
   * them all (the workbook, the CSV): all items first, then the quarter's status changes, then its
   * evidence. Each chunk is handed over, and may be written out, before the next is read.
   */
  rows?: { items?: Sink<ReportItem>; changes?: Sink<ReportChange>; evidence?: Sink<ReportEvidence> };
  /** After each chunk: how many of the items in scope have been read (long reports show progress). */
  onProgress?: (progress: { read: number; total: number }) => void;
};

export function organisationName(): string {
  return process.env.ORGANISATION_NAME?.trim() || DEFAULT_ORGANISATION;
}

/**
 * The quarterly summary's data, every section read "as of" the quarter's last day (today for the
 * quarter in progress): see report-cut.ts for why the history is cut by effective date. Progress
 * figures come from the dashboard's own series (lib/progress/progress-series.ts), per theme over
 * every quarter up to this one and per owner sector for this quarter and the one before; the
 * lists are read by this folder's three queries. The items are read a chunk at a time and
 * summarised as they come (counts, each sector's activity, the first rows of the item lists);
 * `options.rows` gets every chunk, for the files that list every row. Everything but `meta`
 * depends only on the history, so generating the same quarter twice gives equal `data`.
 */
export async function buildQuarterlyReport(db: Db, input: BuildQuarterlyReportInput, options: BuildQuarterlyReportOptions = {}): Promise<QuarterlyReport> {
  const now = input.now ?? new Date();
  const cut = reportCut(input.quarter, now);
  const scope = scopeOf(input);
  const staleDays = DEFAULT_STALE_DAYS;
  const chartQuarters = await reportQuarters(db, scope, cut);
  const lastTwo = chartQuarters.slice(-2);
  const sinks = options.rows ?? {};
  const summary = new ReportItemSummary();
  const changes = new ListHead<ReportChange>();
  const evidence = new ListHead<ReportEvidence>();
  // The long lists one after another, never side by side: a file that streams them writes one
  // table at a time.
  const readLists = async () => {
    await readReportItems(db, { scope, cut, staleDays }, async (chunk, progress) => {
      summary.add(chunk);
      await sinks.items?.(chunk.map((facts) => facts.item));
      options.onProgress?.(progress);
    });
    await readQuarterChanges(db, { scope, cut }, async (chunk) => {
      changes.addAll(chunk);
      await sinks.changes?.(chunk);
    });
    await readQuarterEvidence(db, { scope, cut }, async (chunk) => {
      evidence.addAll(chunk);
      await sinks.evidence?.(chunk);
    });
  };
  const [themeSeries, sectorSeries, , filters] = await Promise.all([
    getProgressSeries(db, { by: 'theme', scope, quarters: chartQuarters, asOf: cut.historyAsOf }),
    getProgressSeries(db, { by: 'sector', scope, quarters: lastTwo, asOf: cut.historyAsOf }),
    readLists(),
    describeFilters(db, scope),
  ]);

  const totalBefore = combinedAt(themeSeries, -2);
  const total = combinedAt(themeSeries, -1);
  const themeTotal: ReportGroupRow = {
    name: 'All themes',
    color: null,
    items: total.items,
    implemented: total.implemented,
    noLongerRelevant: total.items - total.counted,
    progress: progressFigure(totalBefore.progress, total.progress),
  };
  const chart = progressChartData(themeSeries, chartQuarters, () => '');

  return {
    meta: { generatedAt: now.toISOString(), generatedBy: input.generatedBy },
    data: {
      organisation: organisationName(),
      title: REPORT_TITLE,
      quarter: { ...describeQuarter(cut.quarter, cut.start, cut.end), asOf: toDateOnly(cut.day), complete: cut.complete },
      previousQuarter: describeQuarter(cut.previous, cut.previousStart, cut.previousEnd),
      filters,
      headline: {
        tracked: figure(totalBefore.items, total.items),
        progress: themeTotal.progress,
        implemented: figure(totalBefore.implemented, total.implemented),
        // Counted from the rows of the "All items" table (summarise-report-items.ts).
        changed: figure(summary.before.changed, summary.now.changed),
        stale: figure(summary.before.stale, summary.now.stale),
        overdue: figure(summary.before.overdue, summary.now.overdue),
        staleDays,
      },
      themes: themeSeries.map(groupRow),
      themeTotal,
      series: {
        quarters: chart.quarters,
        lines: chart.lines.map((line) => ({ name: line.name, color: line.color, values: line.values })),
        overall: chart.overall,
      },
      changes: changes.list,
      evidence: evidence.list,
      sectors: sectorSeries.map((series) => ({ ...groupRow(series), ...summary.sector(series.id) })),
      lists: summary.lists(),
      highlights: summary.highlights(),
    },
  };
}

/**
 * The chart's quarters: from the first (chosen) seminar's quarter up to this one, and never fewer
 * than this quarter and the one before, whose figures the tables compare.
 */
async function reportQuarters(db: Db, scope: ItemScope, cut: ReportCut): Promise<QuarterPoint[]> {
  const fromSeminars = await resolveQuarters(db, scope, cut.day);
  const first = Math.min(fromSeminars[0]?.index ?? Number.POSITIVE_INFINITY, quarterIndex(cut.previous));
  return quartersBetween(quarterFromIndex(first), cut.quarter).map((quarter) => toQuarterPoint(quarter, cut.day));
}

function describeQuarter(quarter: Quarter, start: Date, end: Date): ReportQuarter {
  return { key: quarterKey(quarter), label: quarterLabel(quarter), start: toDateOnly(start), end: toDateOnly(end) };
}

/** All groups' points at `offset` as one: each item counts once (a primary theme per item). */
function combinedAt(series: ProgressSeries[], offset: number): ProgressPoint {
  return combinePoints(series.map((s) => s.points.at(offset)!));
}

/** A group's figures in this quarter (the series' last point) against the quarter before. */
function groupRow(series: ProgressSeries): ReportGroupRow {
  const previous = series.points.at(-2);
  const current = series.points.at(-1);
  return {
    name: series.name,
    color: series.color,
    items: current?.items ?? 0,
    implemented: current?.implemented ?? 0,
    noLongerRelevant: (current?.items ?? 0) - (current?.counted ?? 0),
    progress: progressFigure(previous?.progress ?? null, current?.progress ?? null),
  };
}

/** The filters by name for the cover; an id that names nothing is shown as it was given. */
async function describeFilters(db: Db, scope: ItemScope): Promise<QuarterlyReport['data']['filters']> {
  const byName = { orderBy: [{ name: 'asc' as const }], select: { id: true, name: true } };
  const [seminars, themes, sectors] = await Promise.all([
    scope.seminar.length
      ? db.seminar.findMany({ where: { id: { in: scope.seminar } }, orderBy: [{ date: 'asc' }, { title: 'asc' }], select: { id: true, title: true } })
      : [],
    scope.theme.length ? db.theme.findMany({ where: { id: { in: scope.theme } }, ...byName }) : [],
    scope.sector.length ? db.sector.findMany({ where: { id: { in: scope.sector } }, ...byName }) : [],
  ]);
  const named = (ids: string[], found: { id: string; name: string }[]) => [
    ...found.map((row) => row.name),
    ...ids.filter((id) => !found.some((row) => row.id === id)).sort(),
  ];
  return {
    seminars: named(
      scope.seminar,
      seminars.map((s) => ({ id: s.id, name: s.title })),
    ),
    themes: named(scope.theme, themes),
    sectors: named(scope.sector, sectors),
  };
}
