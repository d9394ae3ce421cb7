import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/lib/db';
import { verifySession } from '@/lib/auth/session';
import { actorFromUser } from '@/lib/auth/actor';
import { hasRole } from '@/lib/auth/roles';
import { today, toDateOnly } from '@/lib/dates';
import { formatNumber } from '@/lib/format';
import { listRecommendations } from '@/lib/recommendations/list-recommendations';
import { getFilterChoices } from '@/lib/taxonomy/filter-choices';
import {
  filtersToSearchParams,
  hasActiveFilters,
  parseFiltersLeniently,
  SORT_LABEL,
  type IgnoredParam,
  type RawParams,
  type RecommendationFilters,
} from '@/lib/validations/recommendation-filters';
import { ActiveFilters } from '@/components/recommendations-list/active-filters';
import { BulkForm } from '@/components/recommendations-list/bulk-form';
import { FilterForm } from '@/components/recommendations-list/filter-form';
import { listHref, withoutFilters } from '@/components/recommendations-list/list-href';
import type { FilterOptions } from '@/components/recommendations-list/options';
import { Pagination } from '@/components/recommendations-list/pagination';
import { ResultsTable } from '@/components/recommendations-list/results-table';

export const metadata: Metadata = { title: 'Recommendations' };

type Props = { searchParams: Promise<RawParams> };

/** Ids in the URL that are not (or no longer) in the pickers, e.g. a merged theme in an old bookmark. */
function dropUnknownIds(filters: RecommendationFilters, options: FilterOptions): { filters: RecommendationFilters; ignored: IgnoredParam[] } {
  const ignored: IgnoredParam[] = [];
  const keep = (param: 'seminar' | 'theme' | 'sector', known: { id: string }[]) =>
    filters[param].filter((id) => {
      const found = known.some((entry) => entry.id === id);
      if (!found) ignored.push({ param, value: id, reason: `No such ${param} in the list.` });
      return found;
    });
  return {
    filters: { ...filters, seminar: keep('seminar', options.seminars), theme: keep('theme', options.themes), sector: keep('sector', options.sectors) },
    ignored,
  };
}

function IgnoredNotice({ ignored }: { ignored: IgnoredParam[] }) {
  if (ignored.length === 0) return null;
  return (
    <div role="note" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
      <p className="font-medium">Some of the link’s filters could not be used and were left out:</p>
      <ul className="mt-1 list-disc pl-5">
        {ignored.map((entry, index) => (
          <li key={`${entry.param}-${index}`}>
            <code>{entry.param}</code> “{entry.value.length > 60 ? `${entry.value.slice(0, 60)}…` : entry.value}”: {entry.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function RecommendationsPage({ searchParams }: Props) {
  const user = await verifySession();
  // The page goes by page number (links a person can follow and share); a cursor is for the API.
  const { cursor: _cursor, ...raw } = await searchParams;
  const parsed = parseFiltersLeniently(raw);
  const { seminars, themes, sectors } = await getFilterChoices(db, parsed.filters.seminar);
  const options: FilterOptions = { seminars: seminars.choices, seminarTotal: seminars.total, themes, sectors };
  const checked = dropUnknownIds(parsed.filters, options);
  const filters = checked.filters;
  const ignored = [...parsed.ignored, ...checked.ignored];

  // Read before the list: a bulk change on "all matching" refuses items edited after this moment.
  const asOf = new Date();
  const result = await listRecommendations(db, filters, actorFromUser(user), asOf);
  const canEdit = hasRole(user.role, 'EDITOR');

  const current = filters.page ?? 1;
  const pageCount = Math.max(1, Math.ceil(result.total / filters.pageSize));
  const first = (current - 1) * filters.pageSize + 1;
  const last = first + result.items.length - 1;
  const sortedBy = `${SORT_LABEL[filters.sort]} (${filters.dir === 'asc' ? 'ascending' : 'descending'})`;
  const caption = `Recommendations ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(result.total)}, sorted by ${sortedBy}. Page ${current} of ${pageCount}.`;
  const noun = result.total === 1 ? 'recommendation' : 'recommendations';

  const results = <ResultsTable rows={result.items} filters={filters} selectable={canEdit} caption={caption} />;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Recommendations</h1>
        <p className="text-muted">Every recommendation from every seminar: filter, search and sort, then open one to update it.</p>
      </header>

      <IgnoredNotice ignored={ignored} />
      <FilterForm filters={filters} options={options} />
      <ActiveFilters filters={filters} options={options} />

      <section aria-labelledby="results-heading" className="space-y-4">
        <h2 id="results-heading" className="text-lg font-semibold">
          {result.total === 0 ? 'No matches' : `${formatNumber(result.total)} ${noun}`}
          {result.items.length > 0 && pageCount > 1 && (
            <span className="font-normal text-muted">
              {' '}
              · showing {formatNumber(first)}–{formatNumber(last)}
            </span>
          )}
        </h2>

        {result.total === 0 ? (
          <div className="rounded-lg border border-border bg-surface p-6 text-center">
            {hasActiveFilters(filters) ? (
              <>
                <p className="font-medium">No recommendations match these filters.</p>
                <p className="mt-1 text-sm text-muted">
                  Remove a filter above, or <Link href={listHref(withoutFilters(filters))}>clear them all</Link>.
                </p>
              </>
            ) : (
              <p className="font-medium">There are no recommendations yet.</p>
            )}
          </div>
        ) : result.items.length === 0 ? (
          <p className="rounded-lg border border-border bg-surface p-6 text-center">
            There is no page {current}: these filters give {pageCount} {pageCount === 1 ? 'page' : 'pages'}.{' '}
            <Link href={listHref(filters, { page: pageCount })}>Go to the last page</Link>.
          </p>
        ) : canEdit ? (
          <BulkForm
            total={result.total}
            query={filtersToSearchParams(filters).toString()}
            asOf={asOf.toISOString()}
            today={toDateOnly(today())}
            themes={themes.map(({ id, name }) => ({ id, name }))}
            sectors={sectors.map(({ id, name }) => ({ id, name }))}
          >
            {results}
          </BulkForm>
        ) : (
          results
        )}

        <Pagination filters={filters} current={current} pageCount={pageCount} />
      </section>
    </div>
  );
}
