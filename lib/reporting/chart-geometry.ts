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
  xTicks: { x: number; label: string }[];
  /** A line is cut into runs where a quarter has no value (nothing counted then). */
  lines: { name: string; color: string; runs: Point[][] }[];
  overall: Point[][];
};

const MARGIN = { left: 34, right: 10, top: 8, bottom: 22 };
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

export function chartGeometry(series: ReportSeries, width: number, height: number): ChartGeometry {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const count = series.quarters.length;
  const step = count > 1 ? (plot.right - plot.left) / (count - 1) : 0;
  const xOf = (index: number) => (count > 1 ? plot.left + index * step : (plot.left + plot.right) / 2);
  const yOf = (percent: number) => plot.bottom - (Math.max(0, Math.min(100, percent)) / 100) * (plot.bottom - plot.top);
  const every = Math.max(1, Math.ceil(count / MAX_X_LABELS));
  // Thinned to a readable number of labels; the last quarter (the report's) is always labelled, and
  // a thinned label too close to it is dropped so the two never overlap.
  const labelled = (index: number) => index === count - 1 || (index % every === 0 && count - 1 - index >= Math.ceil(every / 2));
  const xTicks = series.quarters.flatMap((quarter, index) => (labelled(index) ? [{ x: round(xOf(index)), label: quarter.label }] : []));
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
