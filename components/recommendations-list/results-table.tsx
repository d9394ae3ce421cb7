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
        <span className="sr-only">
          {active ? `, sorted ${filters.dir === 'asc' ? 'ascending' : 'descending'}` : ''}, sort {next === 'asc' ? 'ascending' : 'descending'}
        </span>
      </Link>
    </th>
  );
}

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: color }} />;
}

function OverdueTag({ row }: { row: RecommendationRow }) {
  if (!row.overdue || !row.targetDate) return null;
  return (
    <span className="whitespace-nowrap rounded-full border border-danger px-2 py-0.5 text-xs font-medium text-danger">
      Overdue since {formatDate(row.targetDate)}
    </span>
  );
}

/** Where the wide table's columns go on a narrow screen: under the title, one short line each. */
function NarrowDetails({ row }: { row: RecommendationRow }) {
  return (
    <dl className="mt-1.5 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 text-xs lg:hidden">
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
  );
}

/**
 * The results: one table for every screen. On a wide screen each detail has its column (the table
 * scrolls sideways inside its own region if the window is too narrow for them); on a narrow one they
 * fold into the title's cell, under the title, so a phone shows a tick box and the item. (One markup, not a table and a set of cards of which CSS hides one: half the page to
 * render, send and hydrate.)
 */
export function ResultsTable({ rows, filters, selectable, caption }: Props) {
  const wide = 'hidden lg:table-cell';
  return (
    <div
      role="region"
      aria-label="Recommendations table (scrolls sideways in a narrow window)"
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-border bg-surface"
    >
      <table className="w-full text-left text-sm lg:min-w-[56rem]">
        <caption className="p-3 text-left text-muted">{caption}</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            {selectable && (
              <th scope="col" className="w-10 p-3">
                <span className="sr-only">Select</span>
              </th>
            )}
            <SortHeader sortKey="code" filters={filters} className={wide} />
            <SortHeader sortKey="title" filters={filters} />
            <SortHeader sortKey="seminar" filters={filters} className={wide} />
            <th scope="col" className={`p-3 font-medium ${wide}`}>
              Primary theme
            </th>
            <th scope="col" className={`p-3 font-medium ${wide}`}>
              Owner sectors
            </th>
            <SortHeader sortKey="status" filters={filters} className={wide} />
            <SortHeader sortKey="updated" filters={filters} className={wide} />
            <th scope="col" className={`p-3 text-right font-medium ${wide}`}>
              Evidence
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              {selectable && (
                <td className="p-3">
                  <input type="checkbox" name="items" value={rowValue(row)} aria-label={`Select ${row.code}`} className="h-5 w-5 lg:h-4 lg:w-4" />
                </td>
              )}
              <td className={`whitespace-nowrap p-3 font-mono ${wide}`}>{row.code}</td>
              <th scope="row" className="p-3 font-normal lg:min-w-48 lg:max-w-xs">
                <span className="block font-mono text-xs text-muted lg:hidden">{row.code}</span>
                <Link href={itemHref(row.code)} className="font-medium lg:line-clamp-2 lg:font-normal">
                  {row.title}
                </Link>
                <span className="mt-1.5 flex flex-wrap items-center gap-2 lg:hidden">
                  <StatusBadge status={row.status} />
                  <OverdueTag row={row} />
                </span>
                {row.archived && <span className="block text-xs text-muted">Withdrawn</span>}
                <NarrowDetails row={row} />
              </th>
              <td className={`max-w-[14rem] p-3 ${wide}`}>
                <span className="line-clamp-2">{row.seminar.title}</span>
              </td>
              <td className={`p-3 ${wide}`}>
                <span className="inline-flex items-center gap-1.5">
                  <Swatch color={row.primaryTheme.color} />
                  {row.primaryTheme.name}
                </span>
              </td>
              <td className={`p-3 ${wide}`}>
                {row.sectors.length ? row.sectors.map((sector) => sector.name).join(', ') : <span className="text-muted">None</span>}
              </td>
              <td className={`space-y-1 p-3 ${wide}`}>
                <StatusBadge status={row.status} />
                <div>
                  <OverdueTag row={row} />
                </div>
              </td>
              <td className={`whitespace-nowrap p-3 ${wide}`}>{formatDateTime(row.updatedAt)}</td>
              <td className={`p-3 text-right ${wide}`}>{formatNumber(row.evidenceCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
