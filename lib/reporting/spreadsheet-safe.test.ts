import { describe, expect, it } from 'vitest';
import { csvRows, csvWriter } from './render-csv';
import { CHANGE_COLUMNS } from './report-columns';
import type { ReportChange } from './report-types';
import { neutraliseFormula } from './spreadsheet-safe';

describe('CSV formula injection', () => {
  it('csv safety: text starting with = + - @ tab or carriage return is prefixed with a quote, nothing else is touched', () => {
    for (const text of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    for (const text of ['Plain', ' =not first', '1-2', "'already", '']) expect(neutraliseFormula(text)).toBe(text);
  });

  it('csv safety: applies to every text cell of the changes file, not to dates', () => {
    const change: ReportChange = {
      code: '@C',
      title: '=T',
      fromStatus: 'NOT_STARTED',
      toStatus: 'IN_PROGRESS',
      effectiveDate: '2015-07-01',
      recordedOn: '2015-07-02',
      who: '-W',
      note: '+N',
    };
    expect(csvRows(CHANGE_COLUMNS, [change])[1]).toEqual(['2015-07-01', "'@C", "'=T", 'Not started', 'In progress', "'-W", "'+N", '2015-07-02']);
    const writer = csvWriter(CHANGE_COLUMNS);
    writer.add([change]);
    const text = writer.finish().toString('utf8');
    expect(text.startsWith('\uFEFFEffective date,Code,Title,From,To,Who,Note,Recorded on\r\n')).toBe(true);
  });
});
