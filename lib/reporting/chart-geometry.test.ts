import { describe, expect, it } from 'vitest';
import { chartGeometry } from './chart-geometry';
import type { ReportSeries } from './report-types';

const quarters = (count: number) => Array.from({ length: count }, (_, i) => ({ key: `q${i}`, label: `Q${i}` }));

describe('chart geometry', () => {
  it('chart: places 0% on the bottom edge and 100% on the top edge, quarters evenly across', () => {
    const series: ReportSeries = { quarters: quarters(3), lines: [{ name: 'Energy', color: '#336699', values: [0, 50, 100] }], overall: [0, 50, 100] };
    const chart = chartGeometry(series, 300, 130);
    const { left, right, top, bottom } = chart.plot;
    expect(chart.lines[0]!.runs).toEqual([
      [
        [left, bottom],
        [(left + right) / 2, (top + bottom) / 2],
        [right, top],
      ],
    ]);
    expect(chart.yTicks.map((tick) => tick.label)).toEqual(['0%', '25%', '50%', '75%', '100%']);
    expect(chart.xTicks.map((tick) => tick.label)).toEqual(['Q0', 'Q1', 'Q2']);
  });

  it('chart: a quarter with nothing counted breaks the line rather than drawing it at 0%', () => {
    const series: ReportSeries = {
      quarters: quarters(4),
      lines: [{ name: 'Trade', color: '#000000', values: [10, null, 20, 30] }],
      overall: [10, null, 20, 30],
    };
    const chart = chartGeometry(series, 300, 130);
    expect(chart.lines[0]!.runs.map((run) => run.length)).toEqual([1, 2]);
  });

  it('chart: thins the quarter labels on a long series and always labels the last quarter', () => {
    const series: ReportSeries = { quarters: quarters(45), lines: [], overall: Array(45).fill(0) };
    const labels = chartGeometry(series, 500, 200).xTicks.map((tick) => tick.label);
    expect(labels.length).toBeLessThanOrEqual(9);
    expect(labels.at(-1)).toBe('Q44');
    expect(labels[0]).toBe('Q0');
  });
});
