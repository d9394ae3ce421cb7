import { filtersToSearchParams, type RecommendationFilters } from '@/lib/validations/recommendation-filters';

type Changes = Parameters<typeof filtersToSearchParams>[1];

/** A link to the list with these filters (and changes): every view is a bookmarkable URL. */
export function listHref(filters: RecommendationFilters, changes?: Changes): string {
  const query = filtersToSearchParams(filters, changes).toString();
  return query ? `/recommendations?${query}` : '/recommendations';
}

/** The same view (sort, page size) with no filters. */
export function withoutFilters(filters: RecommendationFilters): RecommendationFilters {
  return {
    ...filters,
    seminar: [],
    theme: [],
    sector: [],
    status: [],
    priority: [],
    stale: false,
    overdue: false,
    recurring: false,
    includeArchived: false,
    q: undefined,
  };
}
