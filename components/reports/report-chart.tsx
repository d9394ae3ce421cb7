import { chartGeometry, type Point } from '@/lib/reporting/chart-geometry';
import type { ReportSeries } from '@/lib/reporting/report-types';

const WIDTH = 720;
const HEIGHT = 260;

const points = (run: Point[]) => run.map(([x, y]) => `${x},${y}`).join(' ');

function Run({ run, color, width, dashed }: { run: Point[]; color: string; width: number; dashed?: boolean }) {
  if (run.length === 1) return <circle cx={run[0]![0]} cy={run[0]![1]} r={2.5} fill={color} />;
  return <polyline points={points(run)} fill="none" stroke={color} strokeWidth={width} strokeLinejoin="round" strokeDasharray={dashed ? '6 3' : undefined} />;
}

/**
 * The progress-over-time chart as inline SVG, the same geometry as the PDF's (lib/reporting/
 * chart-geometry.ts). Lines take the themes' data colours; axes and the overall line take the
 * page's tokens, so the chart reads in light, dark and print. The figures are in the tables.
 */
export function ReportChart({ series, label }: { series: ReportSeries; label: string }) {
  const chart = chartGeometry(series, WIDTH, HEIGHT);
  const { plot } = chart;
  const legend = [
    ...series.lines.map((line) => ({ name: line.name, color: line.color, dashed: false })),
    { name: 'Overall', color: 'var(--text)', dashed: true },
  ];
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} className="h-auto w-full max-w-3xl text-muted" style={{ fontSize: 10 }}>
        {chart.yTicks.map((tick) => (
          <g key={tick.label}>
            <line x1={plot.left} y1={tick.y} x2={plot.right} y2={tick.y} stroke="var(--border)" strokeWidth={0.75} />
            <text x={plot.left - 5} y={tick.y + 3.5} textAnchor="end" fill="currentColor">
              {tick.label}
            </text>
          </g>
        ))}
        {chart.xTicks.map((tick) => (
          <text key={tick.label} x={tick.x} y={plot.bottom + 15} textAnchor="middle" fill="currentColor">
            {tick.label}
          </text>
        ))}
        {chart.lines.map((line) => (
          <g key={line.name}>
            {line.runs.map((run, index) => (
              <Run key={index} run={run} color={line.color} width={2} />
            ))}
          </g>
        ))}
        {chart.overall.map((run, index) => (
          <Run key={`overall-${index}`} run={run} color="var(--text)" width={2.5} dashed />
        ))}
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
          {legend.map((entry) => (
            <li key={entry.name} className="inline-flex items-center gap-1.5">
              <svg width="20" height="8" aria-hidden="true">
                <line x1="0" y1="4" x2="20" y2="4" stroke={entry.color} strokeWidth="3" strokeDasharray={entry.dashed ? '6 3' : undefined} />
              </svg>
              {entry.name}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
