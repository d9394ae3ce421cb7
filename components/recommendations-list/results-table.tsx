import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import type { RecommendationRow } from '@/lib/recommendations/list-recommendations';
import { SORT_LABEL, type RecommendationFilters, type SortKey } from '@/lib/validations/recommendation-filters';
import { listHref } from './list-href';

type Props = { rows: RecommendationRow[]; filters: RecommendationFilters; selectable: boolean; caption: string };

const itemHref = (code: string) => `/recommendations/${encodeURIComponent(code)}`;

/** The value a ticked row posts: its id and the version this page showed (lib/validations/bulk-update.ts). */
export const rowValue = (row: RecommendationRow) => `${row.id}:${row.version}`;

function SortHeader({ sortKey, filters, className = '' }: { sortKey: SortKey; filters: RecommendationFilters; className?: string }) {
  const active = filters.sort === sortKey;
  // A first click on "last update" shows the most recent first; elsewhere A–Z / oldest first.
  const next = active ? (filters.dir === 'asc' ? 'desc' : 'asc') : sortKey === 'updated' ? 'desc' : 'asc';
  return (
    <th scope="col" aria-sort={active ? (filters.dir === 'asc' ? 'ascending' : 'descending') : undefined} className={`p-3 font-medium ${className}`}>
      <Link href={listHref(filters, { sort: sortKey, dir: next })} className="inline-flex items-center gap-1">
        {SORT_LABEL[sortKey]}
        <span aria-hidden="true" className={active ? '' : 'text-muted'}>
          {active ? (filters.dir === 'asc' ? '▲' : '▼') : '↕'}
        </span>
        <span className="sr-only">{active ? `, sorted ${filters.dir === 'asc' ? 'ascending' : 'descending'}` : ''}, sort {next === 'asc' ? 'ascending' : 'descending'}</span>
      </Link>
    </th>
  );
}

export function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: color }} />;
}

export function OverdueTag({ row }: { row: RecommendationRow }) {
  if (!row.overdue || !row.targetDate) return null;
  return <span className="whitespace-nowrap rounded-full border border-danger px-2 py-0.5 text-xs font-medium text-danger">Overdue since {formatDate(row.targetDate)}</span>;
}

/** The results on wide screens. Scrolls sideways inside its own region if the window is narrow. */
export function ResultsTable({ rows, filters, selectable, caption }: Props) {
  return (
    <div role="region" aria-label="Recommendations table (scrolls sideways on narrow screens)" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="p-3 text-left text-muted">{caption}</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            {selectable && (
              <th scope="col" className="w-10 p-3">
                <span className="sr-only">Select</span>
              </th>
            )}
            <SortHeader sortKey="code" filters={filters} />
            <SortHeader sortKey="title" filters={filters} />
            <SortHeader sortKey="seminar" filters={filters} />
            <th scope="col" className="p-3 font-medium">
              Primary theme
            </th>
            <th scope="col" className="p-3 font-medium">
              Owner sectors
            </th>
            <SortHeader sortKey="status" filters={filters} />
            <SortHeader sortKey="updated" filters={filters} />
            <th scope="col" className="p-3 text-right font-medium">
              Evidence
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              {selectable && (
                <td className="p-3">
                  <input type="checkbox" name="items" value={rowValue(row)} aria-label={`Select ${row.code}`} className="h-4 w-4" />
                </td>
              )}
              <th scope="row" className="whitespace-nowrap p-3 font-mono font-normal">
                {row.code}
              </th>
              <td className="max-w-xs p-3">
                <Link href={itemHref(row.code)} className="line-clamp-2">
                  {row.title}
                </Link>
                {row.archived && <span className="text-xs text-muted">Archived</span>}
              </td>
              <td className="max-w-[14rem] p-3">
                <span className="line-clamp-2">{row.seminar.title}</span>
              </td>
              <td className="p-3">
                <span className="inline-flex items-center gap-1.5">
                  <Swatch color={row.primaryTheme.color} />
                  {row.primaryTheme.name}
                </span>
              </td>
              <td className="p-3">{row.sectors.length ? row.sectors.map((sector) => sector.name).join(', ') : <span className="text-muted">None</span>}</td>
              <td className="space-y-1 p-3">
                <StatusBadge status={row.status} />
                <div>
                  <OverdueTag row={row} />
                </div>
              </td>
              <td className="whitespace-nowrap p-3">{formatDateTime(row.updatedAt)}</td>
              <td className="p-3 text-right">{formatNumber(row.evidenceCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same results at phone width: one card per item, nothing to scroll sideways. */
export function ResultCards({ rows, selectable }: { rows: RecommendationRow[]; selectable: boolean }) {
  return (
    <ul className="space-y-3" aria-label="Recommendations">
      {rows.map((row) => {
        const checkboxId = `card-select-${row.id}`;
        return (
          <li key={row.id} className="rounded-lg border border-border bg-surface p-3 text-sm">
            <div className="flex items-start gap-3">
              {selectable && (
                <>
                  <input id={checkboxId} type="checkbox" name="items" value={rowValue(row)} className="mt-1 h-5 w-5 shrink-0" />
                  <label htmlFor={checkboxId} className="sr-only">
                    Select {row.code}
                  </label>
                </>
              )}
              <div className="min-w-0 flex-1 space-y-1.5">
                <p className="font-mono text-xs text-muted">{row.code}</p>
                <Link href={itemHref(row.code)} className="block font-medium">
                  {row.title}
                </Link>
                <div className="flex flex-wrap items-center gap-2">
                  <StatusBadge status={row.status} />
                  <OverdueTag row={row} />
                  {row.archived && <span className="text-xs text-muted">Archived</span>}
                </div>
                <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
                  <dt className="text-muted">Seminar</dt>
                  <dd className="min-w-0 break-words">{row.seminar.title}</dd>
                  <dt className="text-muted">Theme</dt>
                  <dd className="flex items-center gap-1.5">
                    <Swatch color={row.primaryTheme.color} />
                    {row.primaryTheme.name}
                  </dd>
                  <dt className="text-muted">Sectors</dt>
                  <dd>{row.sectors.length ? row.sectors.map((sector) => sector.name).join(', ') : 'None'}</dd>
                  <dt className="text-muted">Updated</dt>
                  <dd>{formatDateTime(row.updatedAt)}</dd>
                  <dt className="text-muted">Evidence</dt>
                  <dd>{formatNumber(row.evidenceCount)}</dd>
                </dl>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
