import { stringify } from 'csv-stringify/sync';
import type { CellKind, CellValue, Column } from './report-columns';
import { neutraliseFormula } from './spreadsheet-safe';

/**
 * One cell as CSV text. Dates stay YYYY-MM-DD (every spreadsheet app reads it, in any locale);
 * percentages are whole percent points, so no decimal separator can be misread.
 */
function csvCell(kind: CellKind, value: CellValue): string {
  if (value === null) return '';
  switch (kind) {
    case 'text':
      return neutraliseFormula(String(value));
    case 'yesno':
      return value ? 'yes' : 'no';
    case 'percent':
    case 'points':
      return String(Math.round(Number(value) * 1000) / 10);
    case 'date':
    case 'count':
      return String(value);
  }
}

function header<Row>(columns: Column<Row>[]): string[] {
  return columns.map((column) => (column.kind === 'percent' || column.kind === 'points' ? `${column.header} (%)` : column.header));
}

function cells<Row>(columns: Column<Row>[], rows: Row[]): string[][] {
  return rows.map((row) => columns.map((column) => csvCell(column.kind, column.value(row))));
}

/** The CSV's rows (header first), before quoting: what the file holds, cell by cell. */
export function csvRows<Row>(columns: Column<Row>[], rows: Row[]): string[][] {
  return [header(columns), ...cells(columns, rows)];
}

const OPTIONS = { record_delimiter: 'windows', quoted_match: /^\s|\s$/ } as const;

/**
 * A table as CSV, written a chunk of rows at a time (`add`), so every item of a large report goes
 * out without all of them in memory at once: UTF-8 with a byte-order mark (so Excel reads it as
 * UTF-8), CRLF line ends and RFC 4180 quoting (a field is quoted when it holds a comma, a quote or
 * a line break; quotes doubled). It holds data only, no generation time: the same quarter gives
 * the same bytes.
 */
export function csvWriter<Row>(columns: Column<Row>[]): { add: (rows: Row[]) => void; finish: () => Buffer } {
  const parts = [Buffer.from(stringify([header(columns)], { ...OPTIONS, bom: true }), 'utf8')];
  return {
    add(rows) {
      if (rows.length) parts.push(Buffer.from(stringify(cells(columns, rows), OPTIONS), 'utf8'));
    },
    finish: () => Buffer.concat(parts),
  };
}
