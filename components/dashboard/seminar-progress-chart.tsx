'use client';

import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, type BarShapeProps } from 'recharts';
import { AXIS_STROKE, AXIS_TICK, GRID_STROKE } from './chart-theme';
import { ReadoutBox, ReadoutSlot, useReadout } from './chart-readout';

export type SeminarProgressRow = {
  id: string;
  name: string;
  /** Weighted progress in percent (0-100); null when no item counts. */
  progress: number | null;
  total: number;
  /** Drill-down: the list filtered to this seminar's items. */
  href: string;
};

type ChartRow = SeminarProgressRow & { value: number };

const percent = (value: number | null) => (value === null ? 'no item counts' : `${Math.round(value)}%`);

/** One bar as a link to the seminar's recommendations, its percentage written beside it. */
function ProgressBarLink({ shape }: { shape: BarShapeProps }) {
  const row = shape.payload as ChartRow | undefined;
  if (!row) return <g />;
  const { x, y, width, height } = shape;
  return (
    <a href={row.href} aria-label={`${row.name}: ${percent(row.progress)} progress, ${row.total} recommendations. Open them.`} className="group">
      <rect x={x} y={y} width={Math.max(width, 0)} height={height} fill="var(--accent)" className="group-hover:opacity-80" />
      {/* At least 2px wide, so a 0% seminar still has something to click and a visible focus ring. */}
      <rect
        x={x}
        y={y}
        width={Math.max(width, 2)}
        height={height}
        fill="none"
        stroke="transparent"
        className="group-focus-visible:stroke-[var(--focus)] group-focus-visible:[stroke-width:3px]"
      />
      <text x={x + Math.max(width, 0) + 6} y={y + height / 2} dominantBaseline="central" fontSize={12} fontWeight={600} fill="var(--text)" aria-hidden="true">
        {percent(row.progress)}
      </text>
    </a>
  );
}

/** Chart 4: weighted progress per seminar on the as-of day. */
export function SeminarProgressChart({ rows, label }: { rows: SeminarProgressRow[]; label: string }) {
  const [readout, setReadout] = useReadout();
  const data: ChartRow[] = rows.map((row) => ({ ...row, value: row.progress ?? 0 }));
  const height = Math.max(100, rows.length * 40 + 48);
  return (
    <div className="space-y-1">
      <div role="group" tabIndex={0} aria-label={label} className="relative overflow-x-auto rounded-md">
        <div className="min-w-[28rem]" style={{ height }}>
          <BarChart
            responsive
            accessibilityLayer={false}
            layout="vertical"
            data={data}
            style={{ width: '100%', height: '100%' }}
            margin={{ top: 4, right: 96, bottom: 4, left: 8 }}
            barCategoryGap={8}
          >
            <CartesianGrid stroke={GRID_STROKE} strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tickFormatter={(v: number) => `${v}%`} tick={AXIS_TICK} stroke={AXIS_STROKE} />
            <YAxis type="category" dataKey="name" width={200} tick={AXIS_TICK} stroke={AXIS_STROKE} interval={0} />
            <Tooltip
              portal={readout}
              cursor={{ fill: 'var(--surface-muted)' }}
              content={({ payload }) => {
                const row = (payload[0] as { payload?: ChartRow } | undefined)?.payload;
                return row ? (
                  <ReadoutBox title={row.name}>
                    <p>
                      {percent(row.progress)} progress, {row.total} {row.total === 1 ? 'recommendation' : 'recommendations'}
                    </p>
                  </ReadoutBox>
                ) : null;
              }}
            />
            <Bar dataKey="value" name="Progress" isAnimationActive={false} shape={(shape: BarShapeProps) => <ProgressBarLink shape={shape} />} />
          </BarChart>
        </div>
      </div>
      <ReadoutSlot readoutRef={setReadout} hint="Point at a bar for its figures; each bar opens the seminar’s recommendations." />
    </div>
  );
}
