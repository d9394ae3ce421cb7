import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, formatNumber } from '@/lib/format';
import type { RecommendationRow } from '@/lib/recommendations/list-recommendations';
import { PRIORITY_LABEL } from '@/lib/status/status';
import { SORT_LABEL, type RecommendationFilters, type SortKey } from '@/lib/validations/recommendation-filters';
import { listHref } from './list-href';

type Props = { rows: RecommendationRow[]; filters: RecommendationFilters; selectable: boolean; caption: string };

const itemHref = (code: string) => `/recommendations/${encodeURIComponent(code)}`;

/** The value a ticked row posts: its id and the version this page showed (lib/validations/bulk-update.ts). */
export const rowValue = (row: RecommendationRow) => `${row.id}:${row.version}`;

/** Sorts whose first click shows the largest first: the latest update, the highest priority. */
const FIRST_CLICK_DESCENDING: SortKey[] = ['activity', 'updated', 'priority'];

function nextDirection(sortKey: SortKey, filters: RecommendationFilters) {
  if (filters.sort === sortKey) return filters.dir === 'asc' ? 'desc' : 'asc';
  return FIRST_CLICK_DESCENDING.includes(sortKey) ? 'desc' : 'asc';
}

function ariaSort(filters: RecommendationFilters, keys: SortKey[]) {
  if (!keys.includes(filters.sort)) return undefined;
  return filters.dir === 'asc' ? 'ascending' : 'descending';
}

function SortLink({ sortKey, filters }: { sortKey: SortKey; filters: RecommendationFilters }) {
  const active = filters.sort === sortKey;
  const next = nextDirection(sortKey, filters);
  return (
    <Link href={listHref(filters, { sort: sortKey, dir: next })} className="inline-flex items-center gap-1">
      {SORT_LABEL[sortKey]}
      <span aria-hidden="true" className={active ? '' : 'text-muted'}>
        {active ? (filters.dir === 'asc' ? '▲' : '▼') : '↕'}
      </span>
      <span className="sr-only">
        {active ? `, sorted ${filters.dir === 'asc' ? 'ascending' : 'descending'}` : ''}, sort {next === 'asc' ? 'ascending' : 'descending'}
      </span>
    </Link>
  );
}

function SortHeader({ sortKey, filters, className = '' }: { sortKey: SortKey; filters: RecommendationFilters; className?: string }) {
  return (
    <th scope="col" aria-sort={ariaSort(filters, [sortKey])} className={`p-3 align-bottom font-medium ${className}`}>
      <SortLink sortKey={sortKey} filters={filters} />
    </th>
  );
}

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: color }} />;
}

function ThemeName({ row }: { row: RecommendationRow }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <Swatch color={row.primaryTheme.color} />
      {row.primaryTheme.name}
    </span>
  );
}

function OverdueTag({ row }: { row: RecommendationRow }) {
  if (!row.overdue || !row.targetDate) return null;
  return <span className="rounded-full border border-danger px-2 py-0.5 text-xs font-medium text-danger">Overdue since {formatDate(row.targetDate)}</span>;
}

/** The last update, and whether it is long enough ago to make the item stale (the stale filter's rule and days). */
function LastUpdate({ row }: { row: RecommendationRow }) {
  return (
    <>
      <span className="whitespace-nowrap">{formatDate(row.lastActivityAt)}</span>
      {row.stale && <span className="ml-1.5 text-xs font-medium text-danger lg:ml-0 lg:block">Stale</span>}
    </>
  );
}

function PriorityText({ row }: { row: RecommendationRow }) {
  return <span className={row.priority === 'HIGH' ? 'font-semibold' : ''}>{PRIORITY_LABEL[row.priority]}</span>;
}

/** One "label: value" of a row's secondary facts. */
function Fact({ label, children, className = '' }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={`flex min-w-0 gap-1.5 ${className}`}>
      <dt className="shrink-0 text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/**
 * What a row says under its title: where it came from, who owns it, how much evidence. On a narrow
 * screen (no columns) also its theme, priority and last update; the status and overdue tag sit
 * right under the title there. Other row facts (e.g. a future "asked before" marker) go here too.
 */
function RowFacts({ row }: { row: RecommendationRow }) {
  return (
    <dl className="mt-1 flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
      <Fact label="Seminar">{row.seminar.title}</Fact>
      <Fact label="Theme" className="xl:hidden">
        <ThemeName row={row} />
      </Fact>
      <Fact label="Owners">{row.sectors.length ? row.sectors.map((sector) => sector.name).join(', ') : 'None yet'}</Fact>
      <Fact label="Evidence">{formatNumber(row.evidenceCount)}</Fact>
      <Fact label="Priority" className="lg:hidden">
        <PriorityText row={row} />
      </Fact>
      <Fact label="Last update" className="lg:hidden">
        <LastUpdate row={row} />
      </Fact>
    </dl>
  );
}

/**
 * The results: one table for every screen, as wide as its box and never wider. A wide screen has
 * a column per thing people sort or scan by (status, priority, last update; the primary theme from
 * 1280 px); the code sits over the title, which wraps, and the rest under it. A narrow screen folds every column into
 * the title's cell, so a phone shows a tick box and a card-like item. (One markup, not a table and
 * a set of cards of which CSS hides one: half the page to render, send and hydrate.)
 */
export function ResultsTable({ rows, filters, selectable, caption }: Props) {
  const wide = 'hidden lg:table-cell';
  const widest = 'hidden xl:table-cell';
  return (
    <div role="region" aria-label="Recommendations table" className="rounded-lg border border-border bg-surface">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="p-3 text-left text-muted">{caption}</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            {selectable && (
              <th scope="col" className="w-11 p-3 align-bottom">
                <span className="sr-only">Select</span>
              </th>
            )}
            <th scope="col" aria-sort={ariaSort(filters, ['code', 'title'])} className="p-3 align-bottom font-medium">
              <span className="flex flex-wrap gap-x-3">
                <SortLink sortKey="code" filters={filters} />
                <SortLink sortKey="title" filters={filters} />
              </span>
            </th>
            <th scope="col" className={`w-32 p-3 align-bottom font-medium ${widest}`}>
              Primary theme
            </th>
            <SortHeader sortKey="status" filters={filters} className={`w-48 ${wide}`} />
            <SortHeader sortKey="priority" filters={filters} className={`w-24 ${wide}`} />
            <SortHeader sortKey="activity" filters={filters} className={`w-32 ${wide}`} />
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
              <th scope="row" className="min-w-0 break-words p-3 font-normal">
                <span className="block font-mono text-xs text-muted">{row.code}</span>
                <Link href={itemHref(row.code)} className="font-medium">
                  {row.title}
                </Link>
                {row.archived && <span className="block text-xs text-muted">Withdrawn</span>}
                <span className="mt-1.5 flex flex-wrap items-center gap-2 lg:hidden">
                  <StatusBadge status={row.status} />
                  <OverdueTag row={row} />
                </span>
                <RowFacts row={row} />
              </th>
              <td className={`break-words p-3 ${widest}`}>
                <ThemeName row={row} />
              </td>
              <td className={`space-y-1 p-3 ${wide}`}>
                <StatusBadge status={row.status} />
                <div>
                  <OverdueTag row={row} />
                </div>
              </td>
              <td className={`p-3 ${wide}`}>
                <PriorityText row={row} />
              </td>
              <td className={`p-3 ${wide}`}>
                <LastUpdate row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
