'use client';

import { Area, AreaChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ProgressChartData } from '@/lib/progress/chart-data';
import { AXIS_STROKE, AXIS_TICK, GRID_STROKE, TOOLTIP_STYLE } from './chart-theme';
import { dashOf, LineSwatch, Marker, markerOf } from './chart-marks';

type Props = {
  data: ProgressChartData;
  chart: 'line' | 'area';
  /** The chart's accessible name. */
  label: string;
  /** The legend's accessible name, e.g. "Themes: open a theme's recommendations". */
  legendLabel: string;
};

/** Fixed formatting (not the browser's locale), so the server's and the browser's render agree. */
const percent = (value: unknown) => (typeof value === 'number' ? `${Math.round(value * 10) / 10}%` : '–');

/**
 * Chart 1: progress per group over the quarters, one line per group (or stacked shares of overall
 * progress). The legend below is a list of links to each group's recommendations.
 */
export function ProgressOverTimeChart({ data, chart, label, legendLabel }: Props) {
  const rows = data.quarters.map((quarter, q) => ({
    quarter: quarter.label,
    ...Object.fromEntries(data.lines.map((line) => [line.id, chart === 'line' ? line.values[q] : line.shares[q]])),
  }));
  const last = data.quarters.length - 1;
  const axes = (
    <>
      <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" />
      <XAxis dataKey="quarter" tick={AXIS_TICK} stroke={AXIS_STROKE} minTickGap={24} />
      <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={AXIS_TICK} stroke={AXIS_STROKE} width={48} />
      <Tooltip {...TOOLTIP_STYLE} formatter={(value) => percent(value)} />
    </>
  );
  return (
    <div className="space-y-3">
      <div role="group" tabIndex={0} aria-label={label} className="h-80 w-full rounded-md print:h-72">
        {chart === 'line' ? (
          <LineChart
            responsive
            accessibilityLayer={false}
            data={rows}
            style={{ width: '100%', height: '100%' }}
            margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
          >
            {axes}
            {data.lines.map((line, index) => (
              <Line
                key={line.id}
                dataKey={line.id}
                name={line.name}
                type="linear"
                stroke={line.color}
                strokeWidth={2}
                strokeDasharray={dashOf(index)}
                isAnimationActive={false}
                dot={({ cx, cy, index: point }) =>
                  typeof cx === 'number' && typeof cy === 'number' ? (
                    <Marker key={`${line.id}-${point}`} shape={markerOf(index)} cx={cx} cy={cy} color={line.color} size={3} />
                  ) : null
                }
                activeDot={false}
              />
            ))}
          </LineChart>
        ) : (
          <AreaChart
            responsive
            accessibilityLayer={false}
            data={rows}
            style={{ width: '100%', height: '100%' }}
            margin={{ top: 8, right: 16, bottom: 4, left: 0 }}
          >
            {axes}
            {data.lines.map((line, index) => (
              <Area
                key={line.id}
                dataKey={line.id}
                name={line.name}
                type="linear"
                stackId="progress"
                stroke={line.color}
                strokeWidth={1.5}
                strokeDasharray={dashOf(index)}
                fill={line.color}
                fillOpacity={0.55}
                isAnimationActive={false}
              />
            ))}
          </AreaChart>
        )}
      </div>
      <ul aria-label={legendLabel} className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        {data.lines.map((line, index) => (
          <li key={line.id}>
            <a href={line.href} className="inline-flex items-center gap-2 rounded px-1 py-0.5 hover:bg-surface-muted">
              <LineSwatch color={line.color} index={index} />
              <span>
                {line.name}
                <span className="text-muted"> · {percent(chart === 'line' ? (line.values[last] ?? null) : (line.shares[last] ?? null))}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
