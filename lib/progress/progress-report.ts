import { z } from 'zod';
import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { dataVersionCache } from '@/lib/cache/data-version-cache';
import { toDateOnly, today } from '@/lib/dates';
import { PROGRESS_GROUPINGS, PROGRESS_INTERVALS, type ProgressFilters, type ProgressQuery } from '@/lib/validations/progress';
import type { ItemScope } from './history-sql';
import { getProgressSeries } from './progress-series';
import { dashboardQuarters, type QuarterPoint } from './quarters';

// What GET /api/v1/progress answers: the series the dashboard's charts draw.

const progressPointSchema = z.object({
  quarter: z.string().meta({ description: 'The quarter, e.g. 2015-Q1.' }),
  items: z.int().meta({ description: 'Items with a status on the quarter\u2019s day.' }),
  counted: z.int().meta({ description: 'Of those, items that count towards progress (all but NO_LONGER_RELEVANT).' }),
  progress: z.number().nullable().meta({ description: 'Weighted progress from 0 to 1; null when no item counts.' }),
  implemented: z.int(),
});

export const progressReportSchema = z.object({
  by: z.enum(PROGRESS_GROUPINGS),
  interval: z.enum(PROGRESS_INTERVALS),
  asOf: z.iso.date().meta({ description: 'The day the history is read as of: changes effective or recorded later are left out.' }),
  quarters: z.array(
    z.object({
      key: z.string().meta({ description: 'e.g. 2015-Q1' }),
      label: z.string().meta({ description: 'e.g. 2015 Q1' }),
      start: z.iso.date(),
      end: z.iso.date().meta({ description: 'Last day of the quarter.' }),
      at: z.iso.date().meta({ description: 'The day the status is read: the quarter\u2019s last day, or asOf in its quarter.' }),
    }),
  ),
  series: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      color: z.string().nullable().meta({ description: 'Chart colour as #rrggbb (themes and sectors; null for seminars).' }),
      points: z.array(progressPointSchema).meta({ description: 'One per quarter, in the order of `quarters`.' }),
    }),
  ),
});
export type ProgressReport = z.infer<typeof progressReportSchema>;

export function scopeOf(filters: Pick<ProgressFilters, 'seminar' | 'theme' | 'sector'>): ItemScope {
  return { seminar: filters.seminar, theme: filters.theme, sector: filters.sector };
}

/**
 * The quarters to show: from the first (chosen) seminar's quarter to the as-of date's, narrowed to
 * from/to. One small aggregate (the earliest seminar date) on the indexed Seminar.date.
 */
export async function resolveQuarters(db: Db, filters: ProgressFilters, asOf: Date): Promise<QuarterPoint[]> {
  const first = await db.seminar.aggregate({
    _min: { date: true },
    where: filters.seminar.length ? { id: { in: filters.seminar } } : {},
  });
  return dashboardQuarters({ firstSeminarDate: first._min.date, asOf, from: filters.from, to: filters.to });
}

export async function getProgressReport(db: Db, query: ProgressQuery): Promise<ProgressReport> {
  const asOf = query.asOf ?? today();
  const quarters = await resolveQuarters(db, query, asOf);
  const series = await getProgressSeries(db, { by: query.by, scope: scopeOf(query), quarters, asOf });
  return {
    by: query.by,
    interval: query.interval,
    asOf: toDateOnly(asOf),
    quarters: quarters.map((q) => ({ key: q.key, label: q.label, start: toDateOnly(q.start), end: toDateOnly(q.end), at: toDateOnly(q.at) })),
    series,
  };
}

const cachedProgressReport = dataVersionCache<ProgressReport>('progress-report-cache', 16);

/**
 * getProgressReport for the JSON API, computed once per data version (lib/cache/data-version-cache.ts),
 * keyed by the query and its day (today when it gives none).
 */
export async function getCachedProgressReport(db: Db, query: ProgressQuery, actor: Actor): Promise<ProgressReport> {
  requireRole(actor, 'VIEWER');
  // The day is fixed once, so a report computed across midnight is kept under the day it is for.
  const fixed = { ...query, asOf: query.asOf ?? today() };
  return cachedProgressReport(db, JSON.stringify(fixed), () => getProgressReport(db, fixed));
}
