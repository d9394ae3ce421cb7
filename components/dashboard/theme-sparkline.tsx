// A theme panel's small chart as plain SVG, drawn on the server: 0-100% over every quarter shown,
// so all panels share their scales. Cheap enough for many panels (no chart library per panel), and
// in the page's HTML, so the panels print and show before any script has run.

type Props = {
  /** The theme's progress per quarter in percent. */
  values: (number | null)[];
  /** Overall progress per quarter in percent, drawn in grey behind the theme's line. */
  overall: (number | null)[];
  color: string;
  /** Indexes of the quarters where seminars' recommendations arrived. */
  markers: number[];
};

/** An SVG path through the points that have a value; a gap where there is none, a dash for a lone point. */
export function sparklinePath(values: (number | null)[]): string {
  const parts: string[] = [];
  let run: [number, number][] = [];
  const flush = () => {
    if (run.length === 1) parts.push(`M${run[0]![0] - 0.3},${run[0]![1]}H${run[0]![0] + 0.3}`);
    else if (run.length > 1) parts.push(run.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x},${y}`).join(''));
    run = [];
  };
  values.forEach((value, x) => {
    if (value === null) flush();
    else run.push([x, 100 - value]);
  });
  flush();
  return parts.join('');
}

export function ThemeSparkline({ values, overall, color, markers }: Props) {
  const width = Math.max(values.length - 1, 1);
  const line = { fill: 'none', vectorEffect: 'non-scaling-stroke' as const, strokeLinejoin: 'round' as const };
  return (
    <svg viewBox={`-0.5 -2 ${width + 1} 104`} preserveAspectRatio="none" width="100%" height="76" className="block overflow-visible">
      {[0, 50, 100].map((y) => (
        <line key={y} x1={-0.5} x2={width + 0.5} y1={y} y2={y} stroke="var(--border)" strokeDasharray="2 3" strokeWidth={1} vectorEffect="non-scaling-stroke" />
      ))}
      {markers.map((x) => (
        <line key={x} x1={x} x2={x} y1={0} y2={100} stroke="var(--border)" strokeDasharray="3 3" strokeWidth={1} vectorEffect="non-scaling-stroke" />
      ))}
      <path d={sparklinePath(overall)} stroke="var(--text-muted)" strokeOpacity={0.55} strokeWidth={1.25} {...line} />
      <path d={sparklinePath(values)} stroke={color} strokeWidth={2.5} {...line} />
    </svg>
  );
}
