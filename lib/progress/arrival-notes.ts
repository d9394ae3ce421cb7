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

/** One marker per quarter with arrivals, oldest first; dates formatted for display. */
export function seminarMarkers(data: ProgressChartData, arrivals: SeminarArrival[]): SeminarMarker[] {
  const markers: SeminarMarker[] = [];
  for (const quarter of data.quarters) {
    const here = arrivals.filter((arrival) => arrival.quarter === quarter.key);
    if (here.length === 0) continue;
    markers.push({
      quarter: quarter.label,
      seminars: here.map((arrival) => ({ id: arrival.seminarId, title: arrival.title, date: formatDate(arrival.date), items: arrival.items })),
    });
  }
  return markers;
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
