'use client';

import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeminarMarker } from '@/lib/progress/arrival-notes';
import type { ProgressChartData, ProgressLine } from '@/lib/progress/chart-data';
import { AXIS_STROKE, AXIS_TICK, GRID_STROKE } from './chart-theme';
import { chartPercent, chartPoints, ReadoutBox, ReadoutSlot, useReadout } from './chart-readout';
import { markerText, seminarMarkerLines } from './seminar-marker-lines';
import { noFigureText } from './no-figure';

type Props = {
  data: ProgressChartData;
  chart: 'line' | 'area';
  /** Where seminars' recommendations entered the series. */
  markers: SeminarMarker[];
  /** The chart's accessible name. */
  label: string;
  /** The stacked areas' legend's accessible name, e.g. "Themes: open a theme's recommendations". */
  legendLabel: string;
};

const OVERALL_COLOR = 'var(--text)';

type Row = { quarter: string; overall: number | null } & Record<string, number | string | null>;

function rowsOf(data: ProgressChartData): Row[] {
  return data.quarters.map((quarter, q) => ({
    quarter: quarter.label,
    overall: data.overall[q] ?? null,
    ...Object.fromEntries(data.lines.map((line) => [line.id, line.shares[q] ?? null])),
  }));
}

/** The read-out of one quarter: overall, the seminars that arrived, and (stacked) each theme with a figure, top band first. */
function QuarterReadout({ data, markers, label, stacked }: { data: ProgressChartData; markers: SeminarMarker[]; label: unknown; stacked: boolean }) {
  const q = data.quarters.findIndex((quarter) => quarter.label === label);
  if (q < 0) return null;
  const quarter = data.quarters[q]!;
  const marker = markers.find((m) => m.quarter === quarter.label);
  return (
    <ReadoutBox title={`${quarter.label}: overall ${chartPercent(data.overall[q])}`}>
      {marker && <p className="text-muted">{markerText(marker)}</p>}
      {stacked && (
        <ul className="mt-1 gap-x-4 sm:columns-2">
          {[...data.lines]
            .reverse()
            .filter((line) => (line.values[q] ?? null) !== null)
            .map((line) => (
              <li key={line.id} className="flex break-inside-avoid items-baseline gap-2">
                <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: line.color }} />
                <span>
                  {line.name}: {chartPoints(line.shares[q])} <span className="text-muted">(at {chartPercent(line.values[q])})</span>
                </span>
              </li>
            ))}
        </ul>
      )}
    </ReadoutBox>
  );
}

/** The legend of the stacked areas, top band first: each theme's own progress, as the line panels give it. */
function StackLegend({ lines, last, legendLabel }: { lines: ProgressLine[]; last: number; legendLabel: string }) {
  const topFirst = [...lines].reverse();
  const withFigure = topFirst.filter((line) => (line.values[last] ?? null) !== null);
  // Themes without a figure have no band now: named once per reason instead of one entry each.
  const reasons = [...new Set(topFirst.filter((line) => (line.values[last] ?? null) === null).map((line) => noFigureText(line, last)))];
  return (
    <div role="group" aria-label="Legend" className="space-y-1 text-sm">
      <p className="text-xs text-muted">Top band first, each with the theme&rsquo;s own progress</p>
      <ul aria-label={legendLabel} className="columns-2 gap-x-4 sm:columns-3">
        {withFigure.map((line) => (
          <li key={line.id} className="break-inside-avoid pb-1">
            <a href={line.href} className="inline-flex items-baseline gap-2 rounded px-1 py-0.5 hover:bg-surface-muted">
              <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: line.color }} />
              <span>
                {line.name} <span className="font-semibold tabular-nums">{chartPercent(line.values[last])}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
      {reasons.map((reason) => (
        <p key={reason}>
          <span className="text-muted">{reason[0]!.toUpperCase() + reason.slice(1)}: </span>
          {topFirst
            .filter((line) => (line.values[last] ?? null) === null && noFigureText(line, last) === reason)
            .map((line, index) => (
              <span key={line.id}>
                {index > 0 && ', '}
                <a href={line.href}>{line.name}</a>
              </span>
            ))}
        </p>
      ))}
    </div>
  );
}

/**
 * Chart 1: overall progress over the quarters as one bold line, with the seminars' arrivals marked
 * on the time axis (each theme's story is in its own small panel below, theme-small-multiples.tsx).
 * As stacked areas, each band is a theme's contribution to the overall figure, whose top edge is
 * the bold line, with a legend of the themes top band first.
 */
export function ProgressOverTimeChart({ data, chart, markers, label, legendLabel }: Props) {
  const [readout, setReadout] = useReadout();
  const rows = rowsOf(data);
  const last = data.quarters.length - 1;
  const stacked = chart === 'area';
  const positionOf = (quarter: string) => (last > 0 ? data.quarters.findIndex((q) => q.label === quarter) / last : 0);
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <div role="group" tabIndex={0} aria-label={label} className="h-64 w-full rounded-md print:h-56">
          <ComposedChart
            responsive
            accessibilityLayer={false}
            data={rows}
            style={{ width: '100%', height: '100%' }}
            margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
          >
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="quarter" tick={AXIS_TICK} stroke={AXIS_STROKE} minTickGap={24} />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={AXIS_TICK} stroke={AXIS_STROKE} width={48} />
            {stacked &&
              data.lines.map((line) => (
                <Area
                  key={line.id}
                  dataKey={line.id}
                  name={line.name}
                  type="linear"
                  stackId="progress"
                  stroke="var(--surface)"
                  strokeWidth={1}
                  fill={line.color}
                  fillOpacity={0.75}
                  isAnimationActive={false}
                  activeDot={false}
                />
              ))}
            {seminarMarkerLines(markers, positionOf, false)}
            <Line
              dataKey="overall"
              name="Overall"
              type="linear"
              stroke={OVERALL_COLOR}
              strokeWidth={3}
              dot={false}
              activeDot={{ r: 4, fill: OVERALL_COLOR, stroke: 'var(--surface)' }}
              isAnimationActive={false}
            />
            <Tooltip
              portal={readout}
              cursor={{ stroke: 'var(--text-muted)', strokeWidth: 1 }}
              content={({ label: quarter }) => <QuarterReadout data={data} markers={markers} label={quarter} stacked={stacked} />}
            />
          </ComposedChart>
        </div>
        <ReadoutSlot
          readoutRef={setReadout}
          hint={stacked ? 'Bold line: overall progress. Point at a quarter for each band.' : 'Bold line: overall progress. Point at a quarter for its figure.'}
        />
      </div>
      {stacked && <StackLegend lines={data.lines} last={last} legendLabel={legendLabel} />}
    </div>
  );
}
