import Link from 'next/link';
import { PRIORITY_LABEL, STATUS_LABEL, type Priority, type Status } from '@/lib/status/status';
import { hasActiveFilters, type RecommendationFilters } from '@/lib/validations/recommendation-filters';
import { listHref, withoutFilters } from './list-href';
import type { FilterOptions } from './options';

type Chip = { key: string; label: string; without: RecommendationFilters };

function chipsOf(filters: RecommendationFilters, options: FilterOptions): Chip[] {
  const name = (list: { id: string; title?: string; name?: string }[], id: string) => {
    const found = list.find((entry) => entry.id === id);
    return found?.title ?? found?.name ?? id;
  };
  const listChips = <K extends 'seminar' | 'theme' | 'sector' | 'status' | 'priority'>(key: K, what: string, label: (value: string) => string): Chip[] =>
    (filters[key] as string[]).map((value) => ({
      key: `${key}-${value}`,
      label: `${what}: ${label(value)}`,
      without: { ...filters, [key]: (filters[key] as string[]).filter((other) => other !== value) },
    }));
  const chips: Chip[] = [];
  if (filters.q) chips.push({ key: 'q', label: `Search: “${filters.q}”`, without: { ...filters, q: undefined } });
  chips.push(
    ...listChips('seminar', 'Seminar', (id) => name(options.seminars, id)),
    ...listChips('theme', filters.themeScope === 'primary' ? 'Primary theme' : 'Theme', (id) => name(options.themes, id)),
    ...listChips('sector', 'Sector', (id) => name(options.sectors, id)),
    ...listChips('status', 'Status', (value) => STATUS_LABEL[value as Status] ?? value),
    ...listChips('priority', 'Priority', (value) => PRIORITY_LABEL[value as Priority] ?? value),
  );
  if (filters.stale) chips.push({ key: 'stale', label: `Stale: no activity for ${filters.staleDays} days`, without: { ...filters, stale: false } });
  if (filters.overdue) chips.push({ key: 'overdue', label: 'Overdue', without: { ...filters, overdue: false } });
  if (filters.recurring) chips.push({ key: 'recurring', label: 'Recurring', without: { ...filters, recurring: false } });
  if (filters.includeArchived) chips.push({ key: 'archived', label: 'Including withdrawn', without: { ...filters, includeArchived: false } });
  return chips;
}

/** What the list is narrowed by, each with a link that removes it, and one that removes them all. */
export function ActiveFilters({ filters, options }: { filters: RecommendationFilters; options: FilterOptions }) {
  if (!hasActiveFilters(filters)) return null;
  const chips = chipsOf(filters, options);
  return (
    <section aria-labelledby="active-filters-heading" className="flex flex-wrap items-center gap-2 text-sm">
      <h2 id="active-filters-heading" className="font-medium">
        Filtered by:
      </h2>
      <ul className="flex flex-wrap gap-2">
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link
              href={listHref(chip.without)}
              className="inline-flex min-h-8 items-center gap-1.5 rounded-full border border-border bg-surface px-3 py-1 no-underline hover:bg-surface-muted"
            >
              {chip.label}
              <span aria-hidden="true">×</span>
              <span className="sr-only">(remove this filter)</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link href={listHref(withoutFilters(filters))} className="font-medium">
        Clear all filters
      </Link>
    </section>
  );
}
