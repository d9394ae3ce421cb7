// What each benchmarked page asks the database for, through the same lib/ operations the pages call
// (keep these in step with the pages). The query-count test counts their statements and the SQL floor
// replays the dashboard's.
import type { Db } from '@/lib/db';
import { today } from '@/lib/dates';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { getFieldOptions, getRecommendation } from '@/lib/recommendations/get-recommendation';
import { listRecommendations } from '@/lib/recommendations/list-recommendations';
import { getFilterChoices, loadFilterChoices } from '@/lib/taxonomy/filter-choices';
import { loadDashboardData } from '@/lib/progress/dashboard-data';
import { getSeminarArrivals } from '@/lib/progress/seminar-arrivals';
import { getHeadlineFigures } from '@/lib/progress/headline-figures';
import { getProgressReport, resolveQuarters, scopeOf } from '@/lib/progress/progress-report';
import { getProgressSeries } from '@/lib/progress/progress-series';
import { listRecentActivity } from '@/lib/progress/recent-activity';
import { getRecentSeminarDistribution } from '@/lib/progress/recent-seminars';
import { getStatusDistribution } from '@/lib/progress/status-distribution';
import { DEFAULT_PROGRESS_QUERY, type ProgressQuery } from '@/lib/validations/progress';
import { parseFiltersLeniently, type RawParams } from '@/lib/validations/recommendation-filters';

export type PageData = (db: Db) => Promise<unknown>;

/** The list page: its filter pickers and one page of results (app/(app)/recommendations/page.tsx). */
export function listPageData(params: RawParams): PageData {
  return async (db) => {
    const { filters } = parseFiltersLeniently(params);
    const choices = await getFilterChoices(db, filters.seminar);
    const page = await listRecommendations(db, filters, SYSTEM_ACTOR);
    return { choices, page };
  };
}

/** One recommendation's page as an editor sees it (app/(app)/recommendations/[code]/page.tsx). */
export function itemPageData(code: string): PageData {
  return async (db) => ({ item: await getRecommendation(db, code, SYSTEM_ACTOR), options: await getFieldOptions(db) });
}

/** The dashboard's parts (lib/progress/dashboard-data.ts loadDashboardData), one by one, so the query-count test can name the one that grows. */
export function dashboardParts(query: ProgressQuery = DEFAULT_PROGRESS_QUERY): Record<string, PageData> {
  const asOf = query.asOf ?? today();
  const scope = scopeOf(query);
  return {
    filterOptions: (db) => loadFilterChoices(db, query.seminar),
    progressByTheme: async (db) => getProgressSeries(db, { by: 'theme', scope, quarters: await resolveQuarters(db, query, asOf), asOf }),
    seminarArrivals: async (db) => getSeminarArrivals(db, { scope, quarters: await resolveQuarters(db, query, asOf), asOf }),
    headlineFigures: (db) => getHeadlineFigures(db, { scope, asOf }),
    distributionByTheme: (db) => getStatusDistribution(db, { by: 'theme', scope, asOf }),
    distributionBySector: (db) => getStatusDistribution(db, { by: 'sector', scope, asOf }),
    recentSeminars: (db) => getRecentSeminarDistribution(db, { scope, asOf }),
    recentActivity: (db) => listRecentActivity(db, { scope, asOf, limit: 10 }),
  };
}

/** Everything the dashboard reads when its data is not cached (lib/progress/dashboard-data.ts). */
export function dashboardData(query: ProgressQuery = DEFAULT_PROGRESS_QUERY): PageData {
  const now = today();
  return (db) => loadDashboardData(db, { query, asOf: query.asOf ?? now, today: now });
}

/** GET /api/v1/progress with its defaults. */
export function progressApiData(query: ProgressQuery = DEFAULT_PROGRESS_QUERY): PageData {
  return (db) => getProgressReport(db, query);
}
