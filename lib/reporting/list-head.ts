import { LIST_ROW_LIMIT } from './report-text';
import type { ReportList } from './report-types';

/** A list that keeps its first LIST_ROW_LIMIT rows and counts the rest. */
export class ListHead<Row> {
  readonly list: ReportList<Row> = { total: 0, rows: [] };

  add(row: Row): void {
    this.list.total += 1;
    if (this.list.rows.length < LIST_ROW_LIMIT) this.list.rows.push(row);
  }

  addAll(rows: Row[]): void {
    for (const row of rows) this.add(row);
  }
}
