'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { STATUS_LABEL, STATUSES, type Status } from '@/lib/status/status';
import { AXIS_STROKE, AXIS_TICK, GRID_STROKE } from './chart-theme';
import { ReadoutBox, ReadoutSlot, useReadout } from './chart-readout';
import { statusPatternFill, StatusSwatch } from './chart-marks';

export type StatusBarRow = {
  id: string;
  name: string;
  counts: Record<Status, number>;
  total: number;
  /** Drill-down per status: the list filtered to this group's items in that status. */
  hrefs: Record<Status, string>;
};

type Props = {
  rows: StatusBarRow[];
  /** Drill-down per status over every group shown. */
  legend: { status: Status; href: string }[];
  /** The chart's accessible name. */
  label: string;
  legendLabel: string;
};

type ChartRow = { id: string; name: string; hrefs: Record<Status, string> } & Record<Status, number>;

/**
 * One bar segment as a link to exactly its items: focusable, named for screen readers, with its
 * count written on it when there is room, and the status's fill pattern besides its colour.
 */
function SegmentLink({ status, shape }: { status: Status; shape: BarShapeProps }) {
  const row = shape.payload as ChartRow | undefined;
  const count = row?.[status] ?? 0;
  if (!row || count === 0 || shape.width <= 0) return <g />;
  const { x, y, width, height } = shape;
  return (
    <a href={row.hrefs[status]} aria-label={`${row.name}: ${count} ${STATUS_LABEL[status].toLowerCase()}. Open these recommendations.`} className="group">
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        fill={statusPatternFill(status)}
        stroke="var(--surface)"
        strokeWidth={1}
        className="group-hover:opacity-80 group-focus-visible:stroke-[var(--focus)] group-focus-visible:[stroke-width:3px]"
      />
      {width >= 22 && (
        <text
          x={x + width / 2}
          y={y + height / 2}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={12}
          fontWeight={600}
          fill="var(--text)"
          stroke="var(--surface)"
          strokeWidth={3}
          paintOrder="stroke"
          aria-hidden="true"
        >
          {count}
        </text>
      )}
    </a>
  );
}

/** Charts 2 and 3: how many items of each group are in each status, as stacked horizontal bars. */
/** The hovered row's counts, in the read-out below the chart: every status with its count, never over the bar. */
function RowReadout({ row }: { row: ChartRow | undefined }) {
  if (!row) return null;
  const total = STATUSES.reduce((sum, status) => sum + row[status], 0);
  return (
    <ReadoutBox title={`${row.name}: ${total} ${total === 1 ? 'recommendation' : 'recommendations'}`}>
      <ul className="flex flex-wrap gap-x-4">
        {STATUSES.filter((status) => row[status] > 0).map((status) => (
          <li key={status} className="inline-flex items-center gap-1.5">
            <StatusSwatch status={status} />
            {STATUS_LABEL[status]}: {row[status]}
          </li>
        ))}
      </ul>
    </ReadoutBox>
  );
}

export function StatusBarsChart({ rows, legend, label, legendLabel }: Props) {
  const [readout, setReadout] = useReadout();
  const data: ChartRow[] = rows.map((row) => ({ id: row.id, name: row.name, hrefs: row.hrefs, ...row.counts }));
  const height = Math.max(120, rows.length * 36 + 48);
  return (
    <div className="space-y-3">
      <div role="group" tabIndex={0} aria-label={label} className="relative overflow-x-auto rounded-md">
        <div className="min-w-[32rem]" style={{ height }}>
          <BarChart
            responsive
            accessibilityLayer={false}
            layout="vertical"
            data={data}
            style={{ width: '100%', height: '100%' }}
            margin={{ top: 4, right: 16, bottom: 4, left: 8 }}
            barCategoryGap={6}
          >
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} tick={AXIS_TICK} stroke={AXIS_STROKE} />
            <YAxis type="category" dataKey="name" width={176} tick={AXIS_TICK} stroke={AXIS_STROKE} interval={0} />
            <Tooltip
              portal={readout}
              cursor={{ fill: 'var(--surface-muted)' }}
              content={({ payload }) => <RowReadout row={(payload[0] as { payload?: ChartRow } | undefined)?.payload} />}
            />
            {STATUSES.map((status) => (
              <Bar
                key={status}
                dataKey={status}
                name={STATUS_LABEL[status]}
                stackId="status"
                fill={statusPatternFill(status)}
                isAnimationActive={false}
                shape={(shape: BarShapeProps) => <SegmentLink status={status} shape={shape} />}
              />
            ))}
          </BarChart>
        </div>
      </div>
      <ReadoutSlot readoutRef={setReadout} hint="Point at a bar for its counts; each segment opens its recommendations." />
      <ul aria-label={legendLabel} className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:flex sm:flex-wrap">
        {legend.map(({ status, href }) => (
          <li key={status}>
            <a href={href} className="inline-flex items-center gap-2 rounded px-1 py-0.5 hover:bg-surface-muted">
              <StatusSwatch status={status} />
              {STATUS_LABEL[status]}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
