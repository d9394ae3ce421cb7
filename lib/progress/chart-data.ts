// The dashboard's charts as plain data for the client components, and the sentences that say what
// each chart shows (every chart has a visible text summary: nobody has to read a line off a graph).
import { formatPercent } from '@/lib/format';
import { STATUS_LABEL, type Status } from '@/lib/status/status';
import type { ProgressSeries } from './progress-series';
import type { QuarterPoint } from './quarters';
import type { StatusDistributionRow } from './status-distribution';

export type ProgressLine = {
  id: string;
  name: string;
  color: string;
  /** Drill-down: the list filtered to this group's items. */
  href: string;
  /** Progress per quarter in percent (0-100), null where nothing counts. */
  values: (number | null)[];
  /**
   * Per quarter, the group's share of the overall progress in percentage points: its weighted items
   * over all counted items. Stacked, the shares add up to the overall progress, which is what a
   * stacked area can honestly show (stacked percentages of different groups would not).
   */
  shares: (number | null)[];
  /** Items with a status per quarter (for the table). */
  items: number[];
};

export type ProgressChartData = {
  quarters: { key: string; label: string }[];
  lines: ProgressLine[];
  /** Overall weighted progress per quarter in percent, null where nothing counts. */
  overall: (number | null)[];
  /** Items that count towards progress per quarter, all groups together (the overall figure's denominator). */
  counted: number[];
};

const toPercent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1000) / 10);

/** Overall progress per quarter from the groups (each item once: only for groupings where items have one group). */
function overallOf(series: ProgressSeries[], quarterCount: number): { counted: number[]; overall: (number | null)[] } {
  const counted = Array.from({ length: quarterCount }, (_, q) => series.reduce((sum, s) => sum + (s.points[q]?.counted ?? 0), 0));
  const overall = counted.map((total, q) => {
    if (total === 0) return null;
    const weighted = series.reduce((sum, s) => sum + (s.points[q]?.progress ?? 0) * (s.points[q]?.counted ?? 0), 0);
    return weighted / total;
  });
  return { counted, overall };
}

export function progressChartData(
  series: ProgressSeries[],
  quarters: QuarterPoint[],
  hrefOf: (groupId: string) => string,
  fallbackColor = '#4478AB',
): ProgressChartData {
  const { counted, overall } = overallOf(series, quarters.length);
  return {
    quarters: quarters.map((q) => ({ key: q.key, label: q.label })),
    overall: overall.map(toPercent),
    counted,
    lines: series.map((s) => ({
      id: s.id,
      name: s.name,
      color: s.color ?? fallbackColor,
      href: hrefOf(s.id),
      values: s.points.map((p) => toPercent(p.progress)),
      shares: s.points.map((p, q) => (counted[q] ? toPercent(((p.progress ?? 0) * p.counted) / counted[q]) : null)),
      items: s.points.map((p) => p.items),
    })),
  };
}

function direction(from: number, to: number): string {
  if (to > from) return 'rose';
  if (to < from) return 'fell';
  return 'stayed';
}

/** Sentences for the progress-over-time chart: overall change, the largest rise, highest and lowest now. */
export function summariseProgressOverTime(data: ProgressChartData, groupNoun: string): string[] {
  return [...summariseOverallProgress(data), ...summariseGroupsOverTime(data, groupNoun)];
}

/** The overall line's sentence: where it started and where it stands. */
export function summariseOverallProgress(data: ProgressChartData): string[] {
  const lastIndex = data.quarters.length - 1;
  if (lastIndex < 0 || data.lines.length === 0) return ['No recommendations were tracked in the chosen quarters.'];
  const firstCounted = data.overall.findIndex((value) => value !== null);
  const lastOverall = data.overall[lastIndex] ?? null;
  if (firstCounted < 0 || lastOverall === null) return [];
  const from = data.overall[firstCounted]!;
  const verb = direction(from, lastOverall);
  const first = data.quarters[firstCounted]!.label;
  const last = data.quarters[lastIndex]!.label;
  return [
    verb === 'stayed'
      ? `Overall progress stayed at ${pct(from)} from ${first} to ${last}.`
      : `Overall progress ${verb} from ${pct(from)} in ${first} to ${pct(lastOverall)} in ${last}.`,
  ];
}

/** The groups' sentences: the largest rise, and the highest and lowest group in the last quarter. */
export function summariseGroupsOverTime(data: ProgressChartData, groupNoun: string): string[] {
  const lastIndex = data.quarters.length - 1;
  if (lastIndex < 0 || data.lines.length === 0) return [];
  const sentences: string[] = [];
  const changes = data.lines.flatMap((line) => {
    const start = line.values.findIndex((value) => value !== null);
    const end = line.values[lastIndex] ?? null;
    return start >= 0 && end !== null ? [{ line, from: line.values[start]!, to: end, since: data.quarters[start]!.label }] : [];
  });
  const rise = [...changes].sort((a, b) => b.to - b.from - (a.to - a.from))[0];
  if (rise && rise.to > rise.from) {
    sentences.push(`Largest rise: ${rise.line.name}, from ${pct(rise.from)} in ${rise.since} to ${pct(rise.to)}.`);
  }
  const now = changes.sort((a, b) => b.to - a.to);
  const highest = now[0];
  const lowest = now.at(-1);
  const lastLabel = data.quarters[lastIndex]!.label;
  if (highest && lowest && highest.to !== lowest.to) {
    sentences.push(`Highest ${groupNoun} in ${lastLabel}: ${highest.line.name} (${pct(highest.to)}); lowest: ${lowest.line.name} (${pct(lowest.to)}).`);
  } else if (highest && now.length > 1) {
    sentences.push(`Every ${groupNoun} is at ${pct(highest.to)} in ${lastLabel}.`);
  } else if (highest) {
    sentences.push(`${highest.line.name}: ${pct(highest.to)} in ${lastLabel}.`);
  }
  return sentences;
}

/** Sentences for a status distribution: highest and lowest progress, most implemented, most stalled. */
export function summariseDistribution(rows: StatusDistributionRow[], groupNoun: string): string[] {
  if (rows.length === 0) return [`No recommendations to show by ${groupNoun}.`];
  const sentences: string[] = [];
  const counted = rows.filter((row) => row.progress !== null);
  const byProgress = [...counted].sort((a, b) => b.progress! - a.progress!);
  const highest = byProgress[0];
  const lowest = byProgress.at(-1);
  if (highest && lowest && highest.progress !== lowest.progress) {
    sentences.push(`Highest progress: ${highest.name} (${formatPercent(highest.progress)}); lowest: ${lowest.name} (${formatPercent(lowest.progress)}).`);
  } else if (highest && byProgress.length > 1) {
    sentences.push(`Every ${groupNoun} is at ${formatPercent(highest.progress)} progress.`);
  } else if (highest) {
    sentences.push(`${highest.name}: ${formatPercent(highest.progress)} progress.`);
  }
  for (const status of ['IMPLEMENTED', 'STALLED'] as const satisfies readonly Status[]) {
    const top = [...rows].sort((a, b) => b.counts[status] - a.counts[status])[0];
    if (top && top.counts[status] > 0) {
      sentences.push(`Most ${STATUS_LABEL[status].toLowerCase()}: ${top.name} (${top.counts[status]} of ${top.total}).`);
    }
  }
  if (!rows.some((row) => row.counts.IMPLEMENTED > 0)) sentences.push('None is implemented yet.');
  return sentences;
}

function pct(percent: number): string {
  return formatPercent(percent / 100);
}
