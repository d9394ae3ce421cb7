'use client';

// One small panel per theme, all on the same scales (0-100%, the same quarters): each theme's line
// in its colour over the overall line in grey, so a reader follows one theme without matching
// legend symbols. Each panel's heading links to the theme's recommendations.
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import type { SeminarMarker } from '@/lib/progress/arrival-notes';
import type { ProgressChartData, ProgressLine } from '@/lib/progress/chart-data';
import { GRID_STROKE } from './chart-theme';
import { chartPercent } from './chart-readout';
import { noFigureText } from './no-figure';

function Panel({ line, data, markers }: { line: ProgressLine; data: ProgressChartData; markers: SeminarMarker[] }) {
  const last = data.quarters.length - 1;
  const value = line.values[last] ?? null;
  const rows = data.quarters.map((quarter, q) => ({ quarter: quarter.label, theme: line.values[q] ?? null, overall: data.overall[q] ?? null }));
  const items = line.items[last] ?? 0;
  return (
    <li className="flex min-w-0 flex-col rounded-md border border-border p-2">
      <a href={line.href} className="flex items-baseline justify-between gap-2 rounded no-underline hover:underline">
        <span className="min-w-0 text-sm font-medium">{line.name}</span>
        <span className="shrink-0 text-lg font-semibold tabular-nums">{chartPercent(value)}</span>
      </a>
      <p className="text-xs text-muted">{value === null ? noFigureText(line, last) : `${items} ${items === 1 ? 'recommendation' : 'recommendations'}`}</p>
      <div aria-hidden="true" className="mt-auto h-20 w-full pt-1">
        <LineChart
          responsive
          accessibilityLayer={false}
          data={rows}
          style={{ width: '100%', height: '100%' }}
          margin={{ top: 4, right: 4, bottom: 0, left: 4 }}
        >
          <CartesianGrid stroke={GRID_STROKE} strokeDasharray="2 3" vertical={false} />
          <XAxis dataKey="quarter" hide />
          <YAxis domain={[0, 100]} ticks={[0, 50, 100]} hide />
          {markers.map((marker) => (
            <ReferenceLine key={marker.quarter} x={marker.quarter} stroke="var(--border)" strokeDasharray="3 3" />
          ))}
          <Line dataKey="overall" type="linear" stroke="var(--text-muted)" strokeOpacity={0.55} strokeWidth={1.25} dot={false} isAnimationActive={false} />
          <Line dataKey="theme" type="linear" stroke={line.color} strokeWidth={2.5} dot={false} isAnimationActive={false} />
        </LineChart>
      </div>
    </li>
  );
}

export function ThemeSmallMultiples({ data, markers, legendLabel }: { data: ProgressChartData; markers: SeminarMarker[]; legendLabel: string }) {
  return (
    <ul aria-label={legendLabel} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5">
      {data.lines.map((line) => (
        <Panel key={line.id} line={line} data={data} markers={markers} />
      ))}
    </ul>
  );
}
