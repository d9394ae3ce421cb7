// Links from the dashboard to the recommendations list, filtered to exactly the items a figure,
// bar segment or legend entry counts. The list reads seminar, theme, sector, status, stale and
// overdue (lib/validations/recommendation-filters.ts); its `theme` matches the primary OR a secondary
// theme, while the dashboard counts items under their primary theme only, so every link that filters
// by theme also says themeScope=primary.
import type { Status } from '@/lib/status/status';
import type { ItemScope } from './history-sql';

export type DrillDown = {
  /** Replaces the dashboard's seminar filter. */
  seminar?: string;
  /** Replaces the dashboard's theme filter (primary theme). */
  theme?: string;
  /** Replaces the dashboard's sector filter. */
  sector?: string;
  status?: Status;
  stale?: boolean;
  overdue?: boolean;
  recurring?: boolean;
};

export function recommendationsHref(scope: ItemScope, drill: DrillDown = {}): string {
  const params = new URLSearchParams();
  for (const id of drill.seminar ? [drill.seminar] : scope.seminar) params.append('seminar', id);
  const themes = drill.theme ? [drill.theme] : scope.theme;
  for (const id of themes) params.append('theme', id);
  if (themes.length) params.set('themeScope', 'primary');
  for (const id of drill.sector ? [drill.sector] : scope.sector) params.append('sector', id);
  if (drill.status) params.set('status', drill.status);
  if (drill.stale) params.set('stale', 'true');
  if (drill.overdue) params.set('overdue', 'true');
  if (drill.recurring) params.set('recurring', 'true');
  const query = params.toString();
  return query ? `/recommendations?${query}` : '/recommendations';
}
