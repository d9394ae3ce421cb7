// The progress-over-time chart as coordinates: worked out once here and drawn twice, with
// react-pdf's vector primitives (pdf/pdf-chart.tsx) and as inline SVG on the print page, so the
// PDF and the page show the same chart.
import type { ReportSeries } from './report-types';

export type Point = [x: number, y: number];

export type ChartGeometry = {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: { y: number; label: string }[];
  /** `anchor`: how the label sits on its tick; the last is right-aligned so it is never cut off at the edge. */
  xTicks: { x: number; label: string; anchor: 'start' | 'middle' | 'end' }[];
  /** A line is cut into runs where a quarter has no value (nothing counted then). */
  lines: { name: string; color: string; runs: Point[][] }[];
  overall: Point[][];
};

const MARGIN = { left: 34, right: 6, top: 8, bottom: 22 };
const MAX_X_LABELS = 8;

function runsOf(values: (number | null)[], xOf: (index: number) => number, yOf: (percent: number) => number): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (run.length) runs.push(run);
      run = [];
      return;
    }
    run.push([round(xOf(index)), round(yOf(value))]);
  });
  if (run.length) runs.push(run);
  return runs;
}

const round = (value: number) => Math.round(value * 100) / 100;

export function chartGeometry(series: ReportSeries, width: number, height: number, maxLabels = MAX_X_LABELS): ChartGeometry {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const count = series.quarters.length;
  const step = count > 1 ? (plot.right - plot.left) / (count - 1) : 0;
  const xOf = (index: number) => (count > 1 ? plot.left + index * step : (plot.left + plot.right) / 2);
  const yOf = (percent: number) => plot.bottom - (Math.max(0, Math.min(100, percent)) / 100) * (plot.bottom - plot.top);
  const every = Math.max(1, Math.ceil(count / maxLabels));
  // Thinned to a readable number of labels; the last quarter (the report's) is always labelled, and
  // a thinned label too close to it is dropped so the two never overlap.
  // The last label ends at its tick, so a thinned label keeps a whole step clear of it.
  const labelled = (index: number) => index === count - 1 || (index % every === 0 && count - 1 - index >= every);
  const anchor = (index: number) => (count > 1 && index === count - 1 ? 'end' : count > 1 && index === 0 ? 'start' : 'middle');
  const xTicks = series.quarters.flatMap((quarter, index) =>
    labelled(index) ? [{ x: round(xOf(index)), label: quarter.label, anchor: anchor(index) } as const] : [],
  );
  return {
    width,
    height,
    plot,
    yTicks: [0, 25, 50, 75, 100].map((percent) => ({ y: round(yOf(percent)), label: `${percent}%` })),
    xTicks,
    lines: series.lines.map((line) => ({ name: line.name, color: line.color, runs: runsOf(line.values, xOf, yOf) })),
    overall: runsOf(series.overall, xOf, yOf),
  };
}

/** The two colours of a panel: the theme's line and the overall line it is read against. */
export const PANEL_COLORS = {
  /** Okabe–Ito blue: 5.2:1 on white, and told apart from the near-black overall line by lightness under every colour-vision deficiency. */
  theme: '#0072B2',
  overall: '#111827',
} as const;

export type ChartPanel = { title: string; current: number | null; series: ReportSeries; overallOnly: boolean };

/**
 * The chart as small multiples: one panel for all themes together, then one per primary theme on
 * the same scales, each theme's line drawn against the overall one. A reader tells each theme's
 * story from its own panel instead of matching eight colours to a legend.
 */
export function chartPanels(series: ReportSeries): ChartPanel[] {
  const last = <T>(values: T[]) => values.at(-1) ?? null;
  return [
    { title: 'All themes', current: last(series.overall), series: { quarters: series.quarters, lines: [], overall: series.overall }, overallOnly: true },
    ...series.lines.map((line) => ({
      title: line.name,
      current: last(line.values),
      series: { quarters: series.quarters, lines: [{ ...line, color: PANEL_COLORS.theme }], overall: series.overall },
      overallOnly: false,
    })),
  ];
}
