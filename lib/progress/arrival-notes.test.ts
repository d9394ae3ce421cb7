import { describe, expect, it } from 'vitest';
import { parseDateOnly } from '@/lib/dates';
import { explainArrivalDrops, seminarMarkers } from './arrival-notes';
import type { ProgressChartData } from './chart-data';
import type { SeminarArrival } from './seminar-arrivals';

const quarters = [
  { key: '2014-Q4', label: '2014 Q4' },
  { key: '2015-Q1', label: '2015 Q1' },
  { key: '2015-Q2', label: '2015 Q2' },
];

function chart(overall: (number | null)[], counted: number[]): ProgressChartData {
  // One group holding every item, so the items tracked per quarter are the counted ones.
  const line = { id: 'all', name: 'All', color: '#000', href: '', values: overall, shares: overall, items: counted };
  return { quarters, overall, counted, lines: [line] };
}

const arrival = (over: Partial<SeminarArrival>): SeminarArrival => ({
  seminarId: 's2',
  title: 'Prospects of Pak-Russia Bilateral Relations',
  date: parseDateOnly('2015-02-12')!,
  quarter: '2015-Q1',
  items: 12,
  counted: 12,
  weightSum: 0,
  ...over,
});

describe('seminar arrivals on the progress chart', () => {
  it('explains a drop caused by new items that start at zero, with the figures from the data', () => {
    // 7 items at 40% (weights 2.8), then 12 new ones at 0: 2.8 / 19 = 14.7%.
    const data = chart([40, 14.7, 20], [7, 19, 19]);
    expect(explainArrivalDrops(data, [arrival({})])).toEqual([
      'Overall progress fell from 40% to 15% in 2015 Q1 because 12 new recommendations from Prospects of Pak-Russia Bilateral Relations (12 Feb 2015) started at zero; the recommendations already tracked stood at 40%.',
    ]);
  });

  it('names every seminar that brought items, and says when the newcomers did not start at zero', () => {
    // 10 items at 50% (5), then 4 + 6 new at 10% on average (weight 1): 6 / 20 = 30%.
    const data = chart([50, 30, 30], [10, 20, 20]);
    const arrivals = [
      arrival({ counted: 4, items: 4, weightSum: 0.5, title: 'A' }),
      arrival({ seminarId: 's3', counted: 6, items: 6, weightSum: 0.5, title: 'B' }),
    ];
    expect(explainArrivalDrops(data, arrivals)[0]).toBe(
      'Overall progress fell from 50% to 30% in 2015 Q1 because 4 new recommendations from A (12 Feb 2015) and 6 from B (12 Feb 2015) started at 10% on average; the recommendations already tracked stood at 50%.',
    );
  });

  it('does not blame new items for a drop the items already tracked caused, nor explain small dips or quarters without arrivals', () => {
    // 10 items fall from 60% to 20% (weights 2) while 2 new ones arrive at 0: 2 / 12 = 16.7%.
    expect(explainArrivalDrops(chart([60, 16.7, 16.7], [10, 12, 12]), [arrival({ counted: 2, items: 2 })])).toEqual([]);
    // A 3-point dip is not notable.
    expect(explainArrivalDrops(chart([40, 37, 37], [30, 33, 33]), [arrival({ counted: 3, items: 3 })])).toEqual([]);
    // A drop with no arrival that quarter.
    expect(explainArrivalDrops(chart([40, 20, 20], [10, 10, 10]), [arrival({ quarter: '2015-Q2' })])).toEqual([]);
    // No progress figure before the quarter: nothing fell.
    expect(explainArrivalDrops(chart([null, 0, 0], [0, 12, 12]), [arrival({})])).toEqual([]);
  });

  it('marks only quarters whose arrivals are a notable share of the items tracked, at most eight, oldest first', () => {
    // 1 new item among 30 tracked is not marked; 12 among 19 is.
    const data = chart([0, 0, 0], [29, 30, 42]);
    const small = arrival({ quarter: '2015-Q1', items: 1, counted: 1 });
    const large = arrival({ quarter: '2015-Q2', items: 12, counted: 12 });
    expect(seminarMarkers(data, [small, large]).map((marker) => marker.quarter)).toEqual(['2015 Q2']);

    const many = Array.from({ length: 12 }, (_, q) => ({ key: `20${10 + q}-Q1`, label: `20${10 + q} Q1` }));
    const manyData: ProgressChartData = { quarters: many, overall: many.map(() => 0), counted: many.map((_, q) => q + 1), lines: [] };
    manyData.lines = [{ id: 'all', name: 'All', color: '#000', href: '', values: manyData.overall, shares: manyData.overall, items: many.map(() => 100) }];
    const arrivals = many.map((quarter, q) => arrival({ quarter: quarter.key, seminarId: `s${q}`, items: 10 + q, counted: 10 + q }));
    const marked = seminarMarkers(manyData, arrivals);
    expect(marked.map((marker) => marker.quarter)).toEqual(many.slice(4).map((quarter) => quarter.label));
  });

  it('puts one marker per quarter with arrivals, naming each seminar and its items', () => {
    const markers = seminarMarkers(chart([0, 0, 0], [7, 19, 19]), [
      arrival({ quarter: '2014-Q4', seminarId: 's1', title: 'Round table', date: parseDateOnly('2014-10-06')!, items: 7 }),
      arrival({}),
    ]);
    expect(markers).toEqual([
      { quarter: '2014 Q4', seminars: [{ id: 's1', title: 'Round table', date: '6 Oct 2014', items: 7 }] },
      { quarter: '2015 Q1', seminars: [{ id: 's2', title: 'Prospects of Pak-Russia Bilateral Relations', date: '12 Feb 2015', items: 12 }] },
    ]);
  });
});
