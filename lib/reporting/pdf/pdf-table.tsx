import { Text, View } from '@react-pdf/renderer';
import { pdfLine } from './fonts';
import { styles } from './pdf-styles';

export type PdfColumn<Row> = {
  header: string;
  /** Share of the table's width, in percent; a table's columns add up to 100. */
  width: number;
  align?: 'right';
  cell: (row: Row) => string;
};

type CellStyle = typeof styles.cell & { width: string; textAlign: 'left' | 'right' };

/** One flat style object per column, made once per table and shared by its cells (fewer styles to resolve). */
function cellStyles<Row>(columns: PdfColumn<Row>[]): CellStyle[] {
  return columns.map((column) => ({ ...styles.cell, width: `${column.width}%`, textAlign: column.align ?? 'left' }));
}

function Cells<Row>({ columns, row, cellStyle }: { columns: PdfColumn<Row>[]; row: Row; cellStyle: CellStyle[] }) {
  return columns.map((column, index) => (
    <Text key={column.header} style={cellStyle[index]}>
      {pdfLine(column.cell(row))}
    </Text>
  ));
}

/**
 * The most rows a list prints in the PDF. A board paper with thousands of rows is read by nobody and
 * takes minutes to lay out; past this, the PDF prints the first rows and says where the rest are
 * (the workbook and CSV files always have every row).
 */
export const PDF_ROW_LIMIT = 100;

export function rowsNotPrinted(total: number): string {
  return `Showing the first ${PDF_ROW_LIMIT.toLocaleString('en')} of ${total.toLocaleString('en')} rows; the workbook (XLSX) and CSV exports list them all.`;
}

/**
 * A table that breaks across pages cleanly: the header row repeats on every page the table spans
 * (fixed), and a row is never split between two pages (wrap={false}). Lists longer than
 * PDF_ROW_LIMIT are cut there, with a line saying so.
 */
export function PdfTable<Row>({ columns, rows: allRows, total, empty }: { columns: PdfColumn<Row>[]; rows: Row[]; total?: Row; empty: string }) {
  if (allRows.length === 0) return <Text style={[styles.paragraph, styles.muted]}>{empty}</Text>;
  const rows = allRows.length > PDF_ROW_LIMIT ? allRows.slice(0, PDF_ROW_LIMIT) : allRows;
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
      {rows.length < allRows.length && <Text style={[styles.paragraph, styles.muted, { marginTop: 4 }]}>{rowsNotPrinted(allRows.length)}</Text>}
    </View>
  );
}
