import type { ReactNode } from 'react';
import { Text, View } from '@react-pdf/renderer';
import { rowsNotShown, shownRows } from '../report-text';
import { pdfLine } from './fonts';
import { styles } from './pdf-styles';

export type PdfColumn<Row> = {
  header: string;
  /** Share of the table's width, in percent; a table's columns add up to 100. */
  width: number;
  /** Right-aligned figures. */
  numeric?: boolean;
  cell: (row: Row) => string;
  /** Drawn instead of `cell`'s text when a cell needs more than one line of plain text (links); `width` is the cell's inner width in points. */
  render?: (row: Row, width: number) => ReactNode;
};

/** The width the tables span: an A4 page less its margins (pdf-styles.ts). */
export const TABLE_WIDTH = 515;
const CELL_PADDING = 8;

type CellStyle = typeof styles.cell & { width: string; textAlign: 'left' | 'right' };

/** One flat style object per column, made once per table and shared by its cells (fewer styles to resolve). */
function cellStyles<Row>(columns: PdfColumn<Row>[]): CellStyle[] {
  return columns.map((column) => ({ ...styles.cell, width: `${column.width}%`, textAlign: column.numeric ? 'right' : 'left' }));
}

function Cells<Row>({ columns, row, cellStyle }: { columns: PdfColumn<Row>[]; row: Row; cellStyle: CellStyle[] }) {
  return columns.map((column, index) =>
    column.render ? (
      <View key={column.header} style={cellStyle[index]}>
        {column.render(row, (TABLE_WIDTH * column.width) / 100 - CELL_PADDING)}
      </View>
    ) : (
      <Text key={column.header} style={cellStyle[index]}>
        {pdfLine(column.cell(row))}
      </Text>
    ),
  );
}

/**
 * A table that breaks across pages cleanly: the header row repeats on every page the table spans
 * (fixed), and a row is never split between two pages (wrap={false}). Lists longer than
 * LIST_ROW_LIMIT (report-text.ts) are cut there, with a line saying so.
 */
export function PdfTable<Row>({
  columns,
  rows: allRows,
  total,
  count = allRows.length,
  empty,
}: {
  columns: PdfColumn<Row>[];
  rows: Row[];
  total?: Row;
  /** The whole list's length when `rows` is its first rows only (a ReportList). */
  count?: number;
  empty: string;
}) {
  if (allRows.length === 0) return <Text style={[styles.paragraph, styles.muted]}>{empty}</Text>;
  const rows = shownRows(allRows);
  const cellStyle = cellStyles(columns);
  return (
    <View style={styles.table}>
      <View style={styles.headRow} fixed>
        {columns.map((column, index) => (
          <Text key={column.header} style={cellStyle[index]}>
            {column.header}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => (
        <View key={index} style={styles.row} wrap={false}>
          <Cells columns={columns} row={row} cellStyle={cellStyle} />
        </View>
      ))}
      {total && (
        <View style={styles.totalRow} wrap={false}>
          <Cells columns={columns} row={total} cellStyle={cellStyle} />
        </View>
      )}
      {rows.length < count && <Text style={[styles.paragraph, styles.muted, { marginTop: 4 }]}>{rowsNotShown(count)}</Text>}
    </View>
  );
}
