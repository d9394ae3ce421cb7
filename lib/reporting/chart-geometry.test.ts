import { describe, expect, it } from 'vitest';
import { chartGeometry, chartPanels, PANEL_COLORS } from './chart-geometry';
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

// Colour-vision deficiency, simulated with the Machado, Oliveira and Fernandes (2009) matrices at
// full severity, on linear RGB; contrast and lightness as WCAG and CIELAB define them.
const CVD = {
  none: [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};
const linear = (hex: string) =>
  [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
const luminance = (hex: string, matrix: number[][]) => {
  const rgb = linear(hex);
  const [r, g, b] = matrix.map((row) => Math.min(1, Math.max(0, row[0]! * rgb[0]! + row[1]! * rgb[1]! + row[2]! * rgb[2]!)));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const lightness = (y: number) => (y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (24389 / 27) * y);

describe('chart colours', () => {
  it('chart: both panel colours stand out from white paper by at least 3:1', () => {
    for (const color of Object.values(PANEL_COLORS)) expect(1.05 / (luminance(color, CVD.none) + 0.05)).toBeGreaterThanOrEqual(3);
  });

  it('chart: the theme line and the all-themes line stay apart in lightness for every kind of colour-vision deficiency', () => {
    for (const matrix of Object.values(CVD)) {
      const gap = Math.abs(lightness(luminance(PANEL_COLORS.theme, matrix)) - lightness(luminance(PANEL_COLORS.overall, matrix)));
      expect(gap).toBeGreaterThanOrEqual(20);
    }
  });

  it('chart: small multiples put all themes first, then each theme against them in the same colour', () => {
    const series: ReportSeries = {
      quarters: quarters(2),
      lines: [
        { name: 'Energy', color: '#ff0000', values: [10, 20] },
        { name: 'Trade', color: '#00ff00', values: [null, 40] },
      ],
      overall: [10, 30],
    };
    const panels = chartPanels(series);
    expect(panels.map((panel) => [panel.title, panel.current, panel.overallOnly])).toEqual([
      ['All themes', 30, true],
      ['Energy', 20, false],
      ['Trade', 40, false],
    ]);
    expect(panels.slice(1).map((panel) => panel.series.lines[0]!.color)).toEqual([PANEL_COLORS.theme, PANEL_COLORS.theme]);
  });

  it('chart: the last quarter label ends at its tick, so it is never cut off at the right edge', () => {
    const series: ReportSeries = { quarters: quarters(57), lines: [], overall: Array(57).fill(0) };
    const chart = chartGeometry(series, 165, 88, 2);
    expect(chart.xTicks.map((tick) => [tick.label, tick.anchor])).toEqual([
      ['Q0', 'start'],
      ['Q56', 'end'],
    ]);
    expect(chart.xTicks.at(-1)!.x).toBe(chart.plot.right);
  });
});
