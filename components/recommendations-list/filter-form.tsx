import type { ReactNode } from 'react';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { OlderSeminarsNote } from '@/components/ui/older-seminars-note';
import { formatDate } from '@/lib/format';
import { PRIORITIES, PRIORITY_LABEL, STATUS_LABEL, STATUSES } from '@/lib/status/status';
import { PAGE_SIZES, SORT_KEYS, SORT_LABEL, type RecommendationFilters } from '@/lib/validations/recommendation-filters';
import { listHref, withoutFilters } from './list-href';
import type { FilterOptions } from './options';

type Choice = { value: string; label: ReactNode };

const CONTROL = 'min-h-10 rounded-md border border-border bg-surface px-3 py-2 text-text';

/** A list of checkboxes that folds away; open when something in it is chosen. */
function ChoiceGroup({ name, legend, choices, chosen, footer }: { name: string; legend: string; choices: Choice[]; chosen: string[]; footer?: ReactNode }) {
  const count = chosen.length;
  return (
    <details open={count > 0} className="rounded-md border border-border bg-surface">
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        {legend}
        {count > 0 && <span className="text-muted"> ({count} chosen)</span>}
      </summary>
      <fieldset className="max-h-64 space-y-1 overflow-y-auto border-t border-border px-3 py-2">
        <legend className="sr-only">{legend}</legend>
        {choices.length === 0 && <p className="text-sm text-muted">None yet.</p>}
        {choices.map((choice) => {
          const id = `filter-${name}-${choice.value}`;
          return (
            // The box inside its label: the two never part, and the whole line ticks it.
            <label key={choice.value} htmlFor={id} className="flex cursor-pointer items-start gap-2 py-0.5 text-sm">
              <input
                id={id}
                type="checkbox"
                name={name}
                value={choice.value}
                defaultChecked={chosen.includes(choice.value)}
                className="mt-0.5 h-4 w-4 shrink-0"
              />
              <span className="min-w-0">{choice.label}</span>
            </label>
          );
        })}
        {footer}
      </fieldset>
    </details>
  );
}

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="mr-1.5 inline-block h-2.5 w-2.5 rounded-sm align-baseline" style={{ background: color }} />;
}

/**
 * A plain GET form: every filter ends up in the URL, so a view can be bookmarked or sent to a
 * colleague, and it works without JavaScript. Submitting starts again at page 1.
 */
export function FilterForm({ filters, options }: { filters: RecommendationFilters; options: FilterOptions }) {
  return (
    <form
      method="get"
      action="/recommendations"
      role="search"
      aria-labelledby="filters-heading"
      className="space-y-4 rounded-lg border border-border bg-surface-muted p-4"
    >
      <h2 id="filters-heading" className="text-lg font-semibold">
        Find recommendations
      </h2>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="filter-q" className="block text-sm font-medium">
            Search
          </label>
          <p id="filter-q-hint" className="text-xs text-muted">
            Words in the code, title, text or evidence notes. Upper and lower case match alike.
          </p>
          <input
            id="filter-q"
            type="search"
            name="q"
            defaultValue={filters.q ?? ''}
            maxLength={200}
            aria-describedby="filter-q-hint"
            className={`mt-1 block w-full ${CONTROL}`}
          />
        </div>
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
      </div>

      {/* items-start: an opened filter grows alone, its closed neighbours keep their height. */}
      <div className="grid items-start gap-3 sm:grid-cols-2 xl:grid-cols-3">
        <ChoiceGroup
          name="seminar"
          legend="Seminar"
          chosen={filters.seminar}
          footer={<OlderSeminarsNote total={options.seminarTotal} />}
          choices={options.seminars.map((seminar) => ({
            value: seminar.id,
            label: (
              <>
                {seminar.title} <span className="text-muted">({formatDate(seminar.date)})</span>
              </>
            ),
          }))}
        />
        {filters.themeScope === 'primary' && <input type="hidden" name="themeScope" value="primary" />}
        <ChoiceGroup
          name="theme"
          legend={filters.themeScope === 'primary' ? 'Theme (primary only)' : 'Theme (primary or secondary)'}
          chosen={filters.theme}
          choices={options.themes.map((theme) => ({
            value: theme.id,
            label: (
              <>
                <Swatch color={theme.color} />
                {theme.name}
              </>
            ),
          }))}
        />
        <ChoiceGroup
          name="sector"
          legend="Owner sector"
          chosen={filters.sector}
          choices={options.sectors.map((sector) => ({ value: sector.id, label: sector.name }))}
        />
        <ChoiceGroup
          name="status"
          legend="Status"
          chosen={filters.status}
          choices={STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] }))}
        />
        <ChoiceGroup
          name="priority"
          legend="Priority"
          chosen={filters.priority}
          choices={PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABEL[priority] }))}
        />

        <fieldset className="space-y-2 rounded-md border border-border bg-surface px-3 py-2 text-sm">
          <legend className="px-1 font-medium">Follow-up</legend>
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <label htmlFor="filter-stale" className="flex cursor-pointer items-start gap-2">
              <input id="filter-stale" type="checkbox" name="stale" value="true" defaultChecked={filters.stale} className="mt-0.5 h-4 w-4 shrink-0" />
              <span>Stale: no status change or evidence for</span>
            </label>
            <span className="flex items-center gap-2">
              <label htmlFor="filter-staleDays" className="sr-only">
                Days without activity
              </label>
              <input id="filter-staleDays" type="number" name="staleDays" min={1} max={3650} defaultValue={filters.staleDays} className={`w-24 ${CONTROL}`} />
              <span aria-hidden="true">days</span>
            </span>
          </div>
          <label htmlFor="filter-overdue" className="flex cursor-pointer items-start gap-2">
            <input id="filter-overdue" type="checkbox" name="overdue" value="true" defaultChecked={filters.overdue} className="mt-0.5 h-4 w-4 shrink-0" />
            <span>Overdue: past the target date, not yet implemented</span>
          </label>
          <label htmlFor="filter-recurring" className="flex cursor-pointer items-start gap-2">
            <input id="filter-recurring" type="checkbox" name="recurring" value="true" defaultChecked={filters.recurring} className="mt-0.5 h-4 w-4 shrink-0" />
            <span>Recurring: the same ask made at more than one seminar</span>
          </label>
          <label htmlFor="filter-archived" className="flex cursor-pointer items-start gap-2">
            <input
              id="filter-archived"
              type="checkbox"
              name="includeArchived"
              value="true"
              defaultChecked={filters.includeArchived}
              className="mt-0.5 h-4 w-4 shrink-0"
            />
            <span>Include withdrawn</span>
          </label>
        </fieldset>
      </div>

      <fieldset className="flex min-w-0 flex-wrap items-end gap-3 text-sm">
        <legend className="sr-only">Order and page size</legend>
        <div className="min-w-0 max-w-full">
          <label htmlFor="filter-sort" className="block font-medium">
            Sort by
          </label>
          <select id="filter-sort" name="sort" defaultValue={filters.sort} className={`mt-1 max-w-full ${CONTROL}`}>
            {SORT_KEYS.map((key) => (
              <option key={key} value={key}>
                {SORT_LABEL[key]}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 max-w-full">
          <label htmlFor="filter-dir" className="block font-medium">
            Order
          </label>
          <select id="filter-dir" name="dir" defaultValue={filters.dir} className={`mt-1 max-w-full ${CONTROL}`}>
            <option value="asc">Ascending (A–Z, oldest or lowest first)</option>
            <option value="desc">Descending (Z–A, newest or highest first)</option>
          </select>
        </div>
        <div className="min-w-0 max-w-full">
          <label htmlFor="filter-pageSize" className="block font-medium">
            Per page
          </label>
          <select id="filter-pageSize" name="pageSize" defaultValue={String(filters.pageSize)} className={`mt-1 max-w-full ${CONTROL}`}>
            {[...new Set([...PAGE_SIZES, filters.pageSize])]
              .sort((a, b) => a - b)
              .map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
          </select>
        </div>
      </fieldset>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass('primary')}>
          Apply filters
        </button>
        <Link href={listHref(withoutFilters(filters))}>Clear all filters</Link>
      </div>
    </form>
  );
}
