/** How many seminars the dashboard's "Progress by seminar" chart shows: the most recent in the filters. */
export const RECENT_SEMINARS = 12;

/**
 * The most recent `count` of seminar rows given oldest first (the distribution's display order, by
 * date), still oldest first, with how many were left out: the seminars page lists them all.
 */
export function mostRecentSeminars<T>(rows: readonly T[], count = RECENT_SEMINARS): { shown: T[]; total: number; leftOut: number } {
  const shown = count > 0 ? rows.slice(-count) : [];
  return { shown, total: rows.length, leftOut: rows.length - shown.length };
}
