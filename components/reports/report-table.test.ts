import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { LIST_ROW_LIMIT } from '@/lib/reporting/report-text';
import { ReportTable, type ReportColumn } from './report-table';

type Row = { code: string };
const columns: ReportColumn<Row>[] = [{ header: 'Code', cell: (row) => row.code, rowHeader: true }];
const rows = (count: number): Row[] => Array.from({ length: count }, (_, n) => ({ code: `R${n + 1}` }));

function render(count: number): string {
  return renderToStaticMarkup(createElement(ReportTable<Row>, { caption: 'Changes', columns, rows: rows(count), rowKey: (row) => row.code, empty: 'None.' }));
}

describe('report table on the print page', () => {
  it('a list up to the limit is shown whole, with no note', () => {
    const html = render(LIST_ROW_LIMIT);
    expect(html.match(/<tr>/g)).toHaveLength(LIST_ROW_LIMIT + 1);
    expect(html).not.toContain('Showing the first');
  });

  it('a longer list shows its first rows and says the exports have them all', () => {
    const html = render(LIST_ROW_LIMIT + 250);
    expect(html.match(/<tr>/g)).toHaveLength(LIST_ROW_LIMIT + 1);
    expect(html).toContain(`>R${LIST_ROW_LIMIT}<`);
    expect(html).not.toContain(`>R${LIST_ROW_LIMIT + 1}<`);
    expect(html).toContain(`Showing the first ${LIST_ROW_LIMIT} of ${LIST_ROW_LIMIT + 250} rows; the workbook (XLSX) and CSV exports list them all.`);
  });
});
