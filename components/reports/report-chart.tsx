import { formatPercent } from '@/lib/format';
import { chartGeometry, chartPanels, type ChartPanel, type Point } from '@/lib/reporting/chart-geometry';
import type { ReportSeries } from '@/lib/reporting/report-types';

const WIDTH = 240;
const HEIGHT = 110;

const points = (run: Point[]) => run.map(([x, y]) => `${x},${y}`).join(' ');

function Run({ run, color, width, dashed }: { run: Point[]; color: string; width: number; dashed?: boolean }) {
  if (run.length === 1) return <circle cx={run[0]![0]} cy={run[0]![1]} r={2.5} fill={color} />;
  return <polyline points={points(run)} fill="none" stroke={color} strokeWidth={width} strokeLinejoin="round" strokeDasharray={dashed ? '4 3' : undefined} />;
}

// The page's tokens rather than the PDF's fixed colours, so the panels read in light, dark and print:
// the theme in the accent blue, all themes in the text colour, dashed; two colours far apart in
// lightness in both palettes, so colour-vision deficiency does not merge them.
const THEME = 'var(--accent)';
const OVERALL = 'var(--text)';

function Panel({ panel }: { panel: ChartPanel }) {
  const chart = chartGeometry(panel.series, WIDTH, HEIGHT, 2);
  const { plot } = chart;
  const current = formatPercent(panel.current === null ? null : panel.current / 100);
  return (
    <li className="min-w-0">
      <p className="text-sm font-semibold">
        {panel.title} <span className="font-normal text-muted">{current}</span>
      </p>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} aria-hidden="true" className="h-auto w-full text-muted" style={{ fontSize: 9 }}>
        {chart.yTicks
          .filter((tick) => tick.label !== '25%' && tick.label !== '75%')
          .map((tick) => (
            <g key={tick.label}>
              <line x1={plot.left} y1={tick.y} x2={plot.right} y2={tick.y} stroke="var(--border)" strokeWidth={0.75} />
              <text x={plot.left - 4} y={tick.y + 3} textAnchor="end" fill="currentColor">
                {tick.label}
              </text>
            </g>
          ))}
        {chart.xTicks.map((tick) => (
          <text key={tick.label} x={tick.x} y={plot.bottom + 14} textAnchor={tick.anchor} fill="currentColor">
            {tick.label}
          </text>
        ))}
        {chart.overall.map((run, index) => (
          <Run key={`overall-${index}`} run={run} color={OVERALL} width={panel.overallOnly ? 2.5 : 1.25} dashed={!panel.overallOnly} />
        ))}
        {chart.lines.map((line) => (
          <g key={line.name}>
            {line.runs.map((run, index) => (
              <Run key={index} run={run} color={THEME} width={2.5} />
            ))}
          </g>
        ))}
      </svg>
    </li>
  );
}

/**
 * The progress-over-time chart as small multiples, the same panels and geometry as the PDF's
 * (lib/reporting/chart-geometry.ts): all themes first, then each primary theme against them. The
 * figures are in the table under it.
 */
export function ReportChart({ series, label }: { series: ReportSeries; label: string }) {
  return (
    <figure className="space-y-2" aria-label={label}>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Legend">
          <li className="inline-flex items-center gap-1.5">
            <svg width="20" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="20" y2="4" stroke={THEME} strokeWidth="3" />
            </svg>
            the theme
          </li>
          <li className="inline-flex items-center gap-1.5">
            <svg width="20" height="8" aria-hidden="true">
              <line x1="0" y1="4" x2="20" y2="4" stroke={OVERALL} strokeWidth="1.5" strokeDasharray="4 3" />
            </svg>
            all themes, for comparison
          </li>
        </ul>
      </figcaption>
      <ul className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
        {chartPanels(series).map((panel) => (
          <Panel key={panel.title} panel={panel} />
        ))}
      </ul>
    </figure>
  );
}
