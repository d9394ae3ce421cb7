// One small panel per theme, all on the same scales (0-100%, the same quarters): each theme's line
// in its colour over the overall line in grey, so a reader follows one theme without matching
// legend symbols. All in the page's HTML, the small charts too (theme-sparkline.tsx).
import type { SeminarMarker } from '@/lib/progress/arrival-notes';
import type { ProgressChartData, ProgressLine } from '@/lib/progress/chart-data';
import { ThemeSparkline } from './theme-sparkline';
import { noFigureText } from './no-figure';

const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value)}%`);

function Panel({ line, data, markers }: { line: ProgressLine; data: ProgressChartData; markers: number[] }) {
  const last = data.quarters.length - 1;
  const value = line.values[last] ?? null;
  const items = line.items[last] ?? 0;
  return (
    <li className="flex min-w-0 flex-col rounded-md border border-border p-2">
      <a href={line.href} className="flex items-baseline justify-between gap-2 rounded no-underline hover:underline">
        <span className="min-w-0 text-sm font-medium">{line.name}</span>
        <span className="shrink-0 text-lg font-semibold tabular-nums">{percent(value)}</span>
      </a>
      <p className="text-xs text-muted">{value === null ? noFigureText(line, last) : `${items} ${items === 1 ? 'recommendation' : 'recommendations'}`}</p>
      <div aria-hidden="true" className="mt-auto w-full pt-1">
        <ThemeSparkline values={line.values} overall={data.overall} color={line.color} markers={markers} />
      </div>
    </li>
  );
}

export function ThemeSmallMultiples({ data, markers, legendLabel }: { data: ProgressChartData; markers: SeminarMarker[]; legendLabel: string }) {
  const quarters = markers.map((marker) => data.quarters.findIndex((quarter) => quarter.label === marker.quarter)).filter((index) => index >= 0);
  return (
    <ul aria-label={legendLabel} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5">
      {data.lines.map((line) => (
        <Panel key={line.id} line={line} data={data} markers={quarters} />
      ))}
    </ul>
  );
}
