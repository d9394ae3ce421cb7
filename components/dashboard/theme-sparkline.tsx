'use client';

import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from 'recharts';
import { GRID_STROKE } from './chart-theme';

type Props = {
  /** The quarters' labels, the same for every panel. */
  quarters: string[];
  /** The theme's progress per quarter in percent. */
  values: (number | null)[];
  /** Overall progress per quarter in percent, drawn in grey behind the theme's line. */
  overall: (number | null)[];
  color: string;
  /** Quarters where seminars' recommendations arrived. */
  markers: string[];
};

/** A theme's panel chart: 0-100% over every quarter shown, so all panels share their scales. */
export function ThemeSparkline({ quarters, values, overall, color, markers }: Props) {
  const rows = quarters.map((quarter, q) => ({ quarter, theme: values[q] ?? null, overall: overall[q] ?? null }));
  return (
    <div className="h-[76px] w-full">
      <LineChart responsive accessibilityLayer={false} data={rows} style={{ width: '100%', height: '100%' }} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
        <CartesianGrid stroke={GRID_STROKE} strokeDasharray="2 3" vertical={false} />
        <XAxis dataKey="quarter" hide />
        <YAxis domain={[0, 100]} ticks={[0, 50, 100]} hide />
        {markers.map((quarter) => (
          <ReferenceLine key={quarter} x={quarter} stroke="var(--border)" strokeDasharray="3 3" />
        ))}
        <Line dataKey="overall" type="linear" stroke="var(--text-muted)" strokeOpacity={0.55} strokeWidth={1.25} dot={false} isAnimationActive={false} />
        <Line dataKey="theme" type="linear" stroke={color} strokeWidth={2.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
