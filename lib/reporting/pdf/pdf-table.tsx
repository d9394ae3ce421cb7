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

function Cells<Row>({ columns, row }: { columns: PdfColumn<Row>[]; row: Row }) {
  return columns.map((column) => (
    <Text key={column.header} style={[styles.cell, { width: `${column.width}%`, textAlign: column.align ?? 'left' }]}>
      {pdfLine(column.cell(row))}
    </Text>
  ));
}

/**
 * A table that breaks across pages cleanly: the header row repeats on every page the table spans
 * (fixed), and a row is never split between two pages (wrap={false}).
 */
export function PdfTable<Row>({ columns, rows, total, empty }: { columns: PdfColumn<Row>[]; rows: Row[]; total?: Row; empty: string }) {
  if (rows.length === 0) return <Text style={[styles.paragraph, styles.muted]}>{empty}</Text>;
  return (
    <View style={styles.table}>
      <View style={styles.headRow} fixed>
        {columns.map((column) => (
          <Text key={column.header} style={[styles.cell, { width: `${column.width}%`, textAlign: column.align ?? 'left' }]}>
            {column.header}
          </Text>
        ))}
      </View>
      {rows.map((row, index) => (
        <View key={index} style={styles.row} wrap={false}>
          <Cells columns={columns} row={row} />
        </View>
      ))}
      {total && (
        <View style={styles.totalRow} wrap={false}>
          <Cells columns={columns} row={total} />
        </View>
      )}
    </View>
  );
}
