import type { ReactNode } from 'react';
import { TableScroll } from '@/components/dashboard/chart-section';
import { rowsNotShown, shownRows } from '@/lib/reporting/report-text';

export type ReportColumn<Row> = {
  header: string;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, tabular figures. */
  numeric?: boolean;
  /** The row's header cell (th scope=row): what the row is about. */
  rowHeader?: boolean;
};

const TH = 'p-2 text-left align-bottom font-medium';
const TD = 'p-2 align-top';

/**
 * A table of the report: captioned, with column and row headers, scrolling sideways on narrow
 * screens; a long list shows its first rows (LIST_ROW_LIMIT) and says where the rest are. In print its header row repeats on every page and a row is never split (the print
 * rules of app/(app)/reports/[quarter]/page.tsx).
 */
export function ReportTable<Row>({
  caption,
  columns,
  rows: allRows,
  rowKey,
  total,
  count = allRows.length,
  empty,
  minWidth = '40rem',
}: {
  caption: string;
  columns: ReportColumn<Row>[];
  rows: Row[];
  rowKey: (row: Row, index: number) => string;
  total?: Row;
  /** The whole list's length when `rows` is its first rows only (a ReportList); default rows.length. */
  count?: number;
  empty: string;
  minWidth?: string;
}) {
  if (allRows.length === 0) return <p className="text-sm text-muted">{empty}</p>;
  const rows = shownRows(allRows);
  const cells = (row: Row) =>
    columns.map((column) =>
      column.rowHeader ? (
        <th key={column.header} scope="row" className={`${TH} align-top ${column.numeric ? 'text-right tabular-nums' : ''}`}>
          {column.cell(row)}
        </th>
      ) : (
        <td key={column.header} className={`${TD} ${column.numeric ? 'text-right tabular-nums whitespace-nowrap' : ''}`}>
          {column.cell(row)}
        </td>
      ),
    );
  return (
    <TableScroll label={`${caption} (scrolls sideways on narrow screens)`}>
      <table className="report-table w-full text-sm" style={{ minWidth }}>
        <caption className="p-2 text-left text-muted">{caption}</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`${TH} ${column.numeric ? 'text-right' : ''}`}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row, index) => (
            <tr key={rowKey(row, index)}>{cells(row)}</tr>
          ))}
        </tbody>
        {total && (
          <tfoot className="border-t-2 border-border font-semibold">
            <tr>{cells(total)}</tr>
          </tfoot>
        )}
      </table>
      {rows.length < count && <p className="p-2 text-sm text-muted">{rowsNotShown(count)}</p>}
    </TableScroll>
  );
}
