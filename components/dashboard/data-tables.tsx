// The charts' figures as tables: what a screen reader, a keyboard, a printer or a spreadsheet reads.
import { formatNumber, formatPercent } from '@/lib/format';
import type { ProgressChartData } from '@/lib/progress/chart-data';
import { STATUS_LABEL, STATUSES, type Status } from '@/lib/status/status';
import { TableScroll } from './chart-section';

const TH = 'p-2 text-left font-medium';
const TD = 'p-2 text-right tabular-nums';

const percentOf = (percent: number | null) => (percent === null ? '–' : formatPercent(percent / 100));

export function ProgressTable({ data, groupNoun }: { data: ProgressChartData; groupNoun: string }) {
  return (
    <TableScroll label={`Progress by ${groupNoun} per quarter, table (scrolls sideways on narrow screens)`}>
      <table className="w-full text-sm">
        <caption className="p-2 text-left text-muted">
          Weighted progress by {groupNoun} at the end of each quarter (the last one on the &ldquo;as of&rdquo; date). &ndash; means no recommendation counts.
        </caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className={TH}>
              Quarter
            </th>
            {data.lines.map((line) => (
              <th key={line.id} scope="col" className={`${TH} text-right`}>
                {line.name}
              </th>
            ))}
            <th scope="col" className={`${TH} text-right`}>
              Overall
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {data.quarters.map((quarter, q) => (
            <tr key={quarter.key}>
              <th scope="row" className={`${TH} whitespace-nowrap`}>
                {quarter.label}
              </th>
              {data.lines.map((line) => (
                <td key={line.id} className={TD}>
                  {percentOf(line.values[q] ?? null)}
                </td>
              ))}
              <td className={`${TD} font-medium`}>{percentOf(data.overall[q] ?? null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

export type DistributionTableRow = {
  id: string;
  name: string;
  counts: Record<Status, number>;
  total: number;
  progress: number | null;
  hrefs: Record<Status, string>;
  href: string;
};

export function DistributionTable({ rows, groupNoun, caption }: { rows: DistributionTableRow[]; groupNoun: string; caption: string }) {
  return (
    <TableScroll label={`Status by ${groupNoun}, table (scrolls sideways on narrow screens)`}>
      <table className="w-full min-w-[44rem] text-sm">
        <caption className="p-2 text-left text-muted">{caption}</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className={TH}>
              {groupNoun[0]!.toUpperCase() + groupNoun.slice(1)}
            </th>
            {STATUSES.map((status) => (
              <th key={status} scope="col" className={`${TH} text-right`}>
                {STATUS_LABEL[status]}
              </th>
            ))}
            <th scope="col" className={`${TH} text-right`}>
              Total
            </th>
            <th scope="col" className={`${TH} text-right`}>
              Progress
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.id}>
              <th scope="row" className={TH}>
                <a href={row.href}>{row.name}</a>
              </th>
              {STATUSES.map((status) => (
                <td key={status} className={TD}>
                  {row.counts[status] > 0 ? (
                    <a href={row.hrefs[status]} aria-label={`${row.counts[status]} ${STATUS_LABEL[status].toLowerCase()} in ${row.name}`}>
                      {formatNumber(row.counts[status])}
                    </a>
                  ) : (
                    0
                  )}
                </td>
              ))}
              <td className={`${TD} font-medium`}>{formatNumber(row.total)}</td>
              <td className={`${TD} font-medium`}>{formatPercent(row.progress)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
