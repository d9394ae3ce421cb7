import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { dataVersionCache } from '@/lib/cache/data-version-cache';
import { loadFilterChoices } from '@/lib/taxonomy/filter-choices';
import type { ProgressQuery } from '@/lib/validations/progress';
import { getHeadlineFigures } from './headline-figures';
import { resolveQuarters, scopeOf } from './progress-report';
import { getProgressSeries } from './progress-series';
import { listRecentActivity } from './recent-activity';
import { getRecentSeminarDistribution } from './recent-seminars';
import { getSeminarArrivals } from './seminar-arrivals';
import { getStatusDistribution } from './status-distribution';
import { getRecurringAsks } from '@/lib/recurring/get-recurring-asks';

/** How many recurring asks the dashboard lists; the rest are one click away in the list. */
export const RECURRING_ASKS_SHOWN = 5;

export type DashboardDataInput = { query: ProgressQuery; asOf: Date; today: Date };

/** Everything the dashboard shows, read from the database (the page adds links and labels). */
export async function loadDashboardData(db: Db, { query, asOf }: DashboardDataInput) {
  const scope = scopeOf(query);
  const [{ seminars, themes, sectors }, quarters] = await Promise.all([loadFilterChoices(db, query.seminar), resolveQuarters(db, query, asOf)]);
  const [series, arrivals, headline, byTheme, bySector, recentSeminars, activity, recurring] = await Promise.all([
    getProgressSeries(db, { by: 'theme', scope, quarters, asOf }),
    getSeminarArrivals(db, { scope, quarters, asOf }),
    getHeadlineFigures(db, { scope, asOf }),
    getStatusDistribution(db, { by: 'theme', scope, asOf }),
    getStatusDistribution(db, { by: 'sector', scope, asOf }),
    getRecentSeminarDistribution(db, { scope, asOf }),
    listRecentActivity(db, { scope, asOf, limit: 10 }),
    // Today's open asks, whatever the as-of date: a recurring ask is a call to act now.
    getRecurringAsks(db, { scope, limit: RECURRING_ASKS_SHOWN }),
  ]);
  return { seminars, themes, sectors, quarters, series, arrivals, headline, byTheme, bySector, recentSeminars, activity, recurring };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboardData>>;

// A handful of entries: most views are of the default dashboard, a few of common filters.
const cachedDashboardData = dataVersionCache<DashboardData>('dashboard-data-cache', 16);

/**
 * The dashboard's data, computed once per data version (lib/cache/data-version-cache.ts): repeated
 * views cost one small statement until anything in the database changes, and a change made
 * anywhere shows at the next view. Keyed by the query, the as-of day and today (which moves "today"
 * and the quarters). A result read while a write landed is not kept (the version is read again after it).
 */
export async function getDashboardData(db: Db, input: DashboardDataInput, actor: Actor): Promise<DashboardData> {
  requireRole(actor, 'VIEWER');
  const key = JSON.stringify([input.query, input.asOf.toISOString(), input.today.toISOString()]);
  return cachedDashboardData(db, key, () => loadDashboardData(db, input));
}
