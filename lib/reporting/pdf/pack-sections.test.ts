import { describe, expect, it } from 'vitest';
import { packSections, ROWS_PER_RUNNING_PAGE } from './report-pdf-document';

const sections = (...rows: number[]) => rows.map((count, index) => ({ rows: count, node: `s${index}` }));

describe('PDF: lists on running pages', () => {
  it('pdf pages: a small report’s lists share one page, empty lists counting a row each', () => {
    expect(packSections(sections(4, 0, 1, 0, 3, 2, 1))).toEqual([['s0', 's1', 's2', 's3', 's4', 's5', 's6']]);
  });

  it('pdf pages: a list that would pass the page’s rows starts a page; a long list has its own', () => {
    expect(packSections(sections(ROWS_PER_RUNNING_PAGE - 5, 5, 1))).toEqual([['s0', 's1'], ['s2']]);
    // Lists of thousands count as the 100 rows the PDF shows.
    expect(packSections(sections(5_000, 250, 2, 3))).toEqual([['s0'], ['s1'], ['s2', 's3']]);
  });
});
