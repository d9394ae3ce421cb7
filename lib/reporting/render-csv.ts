import { stringify } from 'csv-stringify/sync';
import type { CsvKind } from '@/lib/validations/quarterly-report';
import { CHANGE_COLUMNS, ITEM_COLUMNS, type CellKind, type CellValue, type Column } from './report-columns';
import type { QuarterlyReportData } from './report-types';
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

function table<Row>(columns: Column<Row>[], rows: Row[]): string[][] {
  const header = columns.map((column) => (column.kind === 'percent' || column.kind === 'points' ? `${column.header} (%)` : column.header));
  return [header, ...rows.map((row) => columns.map((column) => csvCell(column.kind, column.value(row))))];
}

/** The CSV's rows (header first), before quoting: what the file holds, cell by cell. */
export function csvRows(data: QuarterlyReportData, kind: CsvKind): string[][] {
  return kind === 'items' ? table(ITEM_COLUMNS, data.items) : table(CHANGE_COLUMNS, data.changes);
}

/**
 * All items, or the quarter's status changes, as CSV: UTF-8 with a byte-order mark (so Excel reads
 * it as UTF-8), CRLF line ends and RFC 4180 quoting (a field is quoted when it holds a comma, a
 * quote or a line break; quotes doubled). It holds data only, no generation time: the same quarter
 * gives the same bytes.
 */
export function renderCsv(data: QuarterlyReportData, kind: CsvKind): Buffer {
  const text = stringify(csvRows(data, kind), { bom: true, record_delimiter: 'windows', quoted_match: /^\s|\s$/ });
  return Buffer.from(text, 'utf8');
}
