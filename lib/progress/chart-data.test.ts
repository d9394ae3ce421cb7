import { describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { recommendationsHref } from './drill-down';
import { progressChartData, summariseDistribution, summariseProgressOverTime } from './chart-data';
import type { ProgressSeries } from './progress-series';
import { dashboardQuarters } from './quarters';
import { emptyCounts } from './status-distribution';

const quarters = dashboardQuarters({ firstSeminarDate: parseDateOnly('2015-02-12')!, asOf: parseDateOnly('2015-09-30')! });
const point = (quarter: string, counted: number, progress: number | null) => ({ quarter, items: counted, counted, progress, implemented: 0 });

const series: ProgressSeries[] = [
  { id: 'energy', name: 'Energy', color: '#BD8200', points: [point('2015-Q1', 2, 0), point('2015-Q2', 2, 0.25), point('2015-Q3', 2, 0.5)] },
  { id: 'trade', name: 'Trade', color: null, points: [point('2015-Q1', 2, 0), point('2015-Q2', 2, 0), point('2015-Q3', 2, 0)] },
];

describe('chart data', () => {
  it('percentages per line, and shares that stack up to overall progress', () => {
    const data = progressChartData(series, quarters, (id) => `/x/${id}`);
    expect(data.overall).toEqual([0, 12.5, 25]);
    expect(data.lines[0]).toMatchObject({ values: [0, 25, 50], shares: [0, 12.5, 25], href: '/x/energy' });
    expect(data.lines[1]).toMatchObject({ color: '#4478AB', values: [0, 0, 0] });
  });

  it('summarises progress over time in words', () => {
    const sentences = summariseProgressOverTime(
      progressChartData(series, quarters, () => ''),
      'theme',
    );
    expect(sentences).toEqual([
      'Overall progress rose from 0% in 2015 Q1 to 25% in 2015 Q3.',
      'Largest rise: Energy, from 0% in 2015 Q1 to 50%.',
      'Highest theme in 2015 Q3: Energy (50%); lowest: Trade (0%).',
    ]);
    const flat = series.map((s) => ({ ...s, points: s.points.map((p) => ({ ...p, progress: 0 })) }));
    expect(
      summariseProgressOverTime(
        progressChartData(flat, quarters, () => ''),
        'theme',
      ),
    ).toEqual(['Overall progress stayed at 0% from 2015 Q1 to 2015 Q3.', 'Every theme is at 0% in 2015 Q3.']);
    expect(
      summariseProgressOverTime(
        progressChartData([], quarters, () => ''),
        'theme',
      ),
    ).toEqual(['No recommendations were tracked in the chosen quarters.']);
  });

  it('summarises a status distribution in words', () => {
    const rows = [
      { id: 'a', name: 'Energy', color: null, counts: { ...emptyCounts(), IMPLEMENTED: 2, STALLED: 1 }, total: 3, progress: 2 / 3 },
      { id: 'b', name: 'Trade', color: null, counts: { ...emptyCounts(), NOT_STARTED: 2 }, total: 2, progress: 0 },
    ];
    expect(summariseDistribution(rows, 'theme')).toEqual([
      'Highest progress: Energy (67%); lowest: Trade (0%).',
      'Most implemented: Energy (2 of 3).',
      'Most stalled: Energy (1 of 3).',
    ]);
  });
});

describe('drill-down links', () => {
  it('keep the dashboard filters, replace the one drilled into, and scope themes to the primary theme', () => {
    const scope = { seminar: ['s1'], theme: [], sector: ['x', 'y'] };
    expect(recommendationsHref(scope, { theme: 't1', status: 'IMPLEMENTED' })).toBe(
      '/recommendations?seminar=s1&theme=t1&themeScope=primary&sector=x&sector=y&status=IMPLEMENTED',
    );
    expect(recommendationsHref(scope, { sector: 'z' })).toBe('/recommendations?seminar=s1&sector=z');
    expect(recommendationsHref({ seminar: [], theme: ['t2'], sector: [] }, { overdue: true })).toBe(
      '/recommendations?theme=t2&themeScope=primary&overdue=true',
    );
    expect(recommendationsHref({ seminar: [], theme: [], sector: [] })).toBe('/recommendations');
  });
});
