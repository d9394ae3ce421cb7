// Where seminars' items enter the progress series, and the drops in overall progress they cause:
// new items start not started (weight 0), so a seminar with many items pulls the overall figure
// down in the quarter they arrive although nothing already tracked went backwards.
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import type { ProgressChartData } from './chart-data';
import type { SeminarArrival } from './seminar-arrivals';

/** A marker on the chart's time axis: the seminars whose items arrived in one quarter. */
export type SeminarMarker = {
  /** The quarter's label on the axis, "2015 Q1". */
  quarter: string;
  seminars: { id: string; title: string; date: string; items: number }[];
};

/** Drops in overall progress smaller than this (in percentage points) are not explained. */
export const NOTABLE_DROP = 5;

/** A quarter is marked when its arrivals are at least this share of the items tracked at its end. */
export const MARKED_SHARE = 0.1;
/** At most this many quarters are marked (the largest shares), so the axis stays readable. */
export const MAX_MARKERS = 8;

/**
 * The quarters to mark, oldest first: those where seminars brought at least a tenth of the items
 * tracked at the quarter's end (where a fall in overall progress can come from new items), at most
 * MAX_MARKERS of them, the largest shares kept; dates formatted for display.
 */
export function seminarMarkers(data: ProgressChartData, arrivals: SeminarArrival[]): SeminarMarker[] {
  const candidates = data.quarters.flatMap((quarter, q) => {
    const here = arrivals.filter((arrival) => arrival.quarter === quarter.key);
    const arrived = here.reduce((sum, arrival) => sum + arrival.items, 0);
    const tracked = data.lines.reduce((sum, line) => sum + (line.items[q] ?? 0), 0);
    if (arrived === 0 || arrived < MARKED_SHARE * tracked) return [];
    const marker: SeminarMarker = {
      quarter: quarter.label,
      seminars: here.map((arrival) => ({ id: arrival.seminarId, title: arrival.title, date: formatDate(arrival.date), items: arrival.items })),
    };
    return [{ q, share: tracked > 0 ? arrived / tracked : 1, marker }];
  });
  return candidates
    .sort((a, b) => b.share - a.share || a.q - b.q)
    .slice(0, MAX_MARKERS)
    .sort((a, b) => a.q - b.q)
    .map((candidate) => candidate.marker);
}

function listOf(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

const pct = (percent: number) => formatPercent(percent / 100);

/**
 * Sentences explaining each notable fall in overall progress that new items account for: the items
 * already tracked held (or fell by less than half the drop), and the newcomers started low. Computed
 * from the series' counted items and the arrivals' weights, for any data: the items tracked before
 * the quarter are the quarter's counted items less the newcomers, and their progress is the overall
 * weighted sum less the newcomers' weights. The largest drops first, at most `limit`.
 */
export function explainArrivalDrops(data: ProgressChartData, arrivals: SeminarArrival[], limit = 3): string[] {
  const found: { drop: number; sentence: string }[] = [];
  for (let q = 1; q < data.quarters.length; q += 1) {
    const before = data.overall[q - 1] ?? null;
    const after = data.overall[q] ?? null;
    if (before === null || after === null || before - after < NOTABLE_DROP) continue;
    const quarter = data.quarters[q]!;
    const here = arrivals.filter((arrival) => arrival.quarter === quarter.key && arrival.counted > 0);
    const newCounted = here.reduce((sum, arrival) => sum + arrival.counted, 0);
    if (newCounted === 0) continue;
    const newWeight = here.reduce((sum, arrival) => sum + arrival.weightSum, 0);
    const counted = data.counted[q] ?? 0;
    const oldCounted = counted - newCounted;
    if (oldCounted <= 0) continue;
    const oldProgress = ((after / 100) * counted - newWeight) / oldCounted;
    const drop = before - after;
    // The items already tracked explain the drop themselves when they fell by half of it or more.
    if (before - oldProgress * 100 >= drop / 2) continue;
    const newProgress = newWeight / newCounted;
    const sources = here.map((arrival, index) => {
      const count =
        index === 0 ? `${formatNumber(arrival.counted)} new ${arrival.counted === 1 ? 'recommendation' : 'recommendations'}` : formatNumber(arrival.counted);
      return `${count} from ${arrival.title} (${formatDate(arrival.date)})`;
    });
    const start = newWeight === 0 ? 'started at zero' : `started at ${pct(newProgress * 100)} on average`;
    found.push({
      drop,
      sentence:
        `Overall progress fell from ${pct(before)} to ${pct(after)} in ${quarter.label} because ${listOf(sources)} ${start}; ` +
        `the recommendations already tracked stood at ${pct(oldProgress * 100)}.`,
    });
  }
  return found
    .sort((a, b) => b.drop - a.drop)
    .slice(0, limit)
    .map((entry) => entry.sentence);
}
