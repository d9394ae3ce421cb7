import type { Metadata } from 'next';
import Link from 'next/link';
import { ChartSection } from '@/components/dashboard/chart-section';
import { StatusPatterns } from '@/components/dashboard/chart-marks';
import { DashboardFilters } from '@/components/dashboard/dashboard-filters';
import { DistributionTable, ProgressTable, type DistributionTableRow } from '@/components/dashboard/data-tables';
import { HeadlineFiguresList } from '@/components/dashboard/headline-figures';
import { PrintExpand } from '@/components/dashboard/print-expand';
import { LazyProgressOverTimeChart, LazySeminarProgressChart, LazyStatusBarsChart } from '@/components/dashboard/lazy-charts';
import { ThemeSmallMultiples } from '@/components/dashboard/theme-small-multiples';
import { SeminarMarkerKey } from '@/components/dashboard/seminar-marker-key';
import { RecentActivityList } from '@/components/dashboard/recent-activity-list';
import { RecurringAsksList } from '@/components/dashboard/recurring-asks-list';
import { requireActor } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { today } from '@/lib/dates';
import { formatDate, formatNumber } from '@/lib/format';
import { explainArrivalDrops, seminarMarkers } from '@/lib/progress/arrival-notes';
import { progressChartData, summariseDistribution, summariseGroupsOverTime, summariseOverallProgress } from '@/lib/progress/chart-data';
import { recommendationsHref, type DrillDown } from '@/lib/progress/drill-down';
import { getDashboardData } from '@/lib/progress/dashboard-data';
import { scopeOf } from '@/lib/progress/progress-report';
import { RECENT_SEMINARS } from '@/lib/progress/recent-seminars';
import { dashboardQuarters } from '@/lib/progress/quarters';
import type { StatusDistributionRow } from '@/lib/progress/status-distribution';
import { STATUSES, type Status } from '@/lib/status/status';
import { parseProgressQueryLeniently, progressQueryToSearchParams, type ChartKind } from '@/lib/validations/progress';
import type { RawParams } from '@/lib/validations/recommendation-filters';

export const metadata: Metadata = { title: 'Dashboard' };

type Props = { searchParams: Promise<RawParams> };

function withHrefs(rows: StatusDistributionRow[], drill: (id: string) => DrillDown, scope: ReturnType<typeof scopeOf>): DistributionTableRow[] {
  return rows.map((row) => ({
    ...row,
    href: recommendationsHref(scope, drill(row.id)),
    hrefs: Object.fromEntries(STATUSES.map((status) => [status, recommendationsHref(scope, { ...drill(row.id), status })])) as Record<Status, string>,
  }));
}

function ChartSwitch({ current, hrefOf }: { current: ChartKind; hrefOf: (kind: ChartKind) => string }) {
  const options: { kind: ChartKind; label: string }[] = [
    { kind: 'line', label: 'Lines' },
    { kind: 'area', label: 'Stacked areas' },
  ];
  return (
    <nav aria-label="Chart style" className="flex items-center gap-1 text-sm print:hidden">
      {options.map((option) => (
        <Link
          key={option.kind}
          href={hrefOf(option.kind)}
          aria-current={option.kind === current ? 'true' : undefined}
          className={`rounded-md border px-3 py-1 ${option.kind === current ? 'border-accent bg-accent text-accent-text' : 'border-border bg-surface'}`}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}

export default async function DashboardPage({ searchParams }: Props) {
  const actor = await requireActor('VIEWER');
  const { query, errors, typed } = parseProgressQueryLeniently(await searchParams);
  const now = today();
  const asOf = query.asOf ?? now;
  const lookingBack = asOf.getTime() < now.getTime();
  const scope = scopeOf(query);

  const { seminars, themes, sectors, quarters, series, arrivals, headline, byTheme, bySector, recentSeminars, activity, recurring } = await getDashboardData(
    db,
    { query, asOf, today: now },
    actor,
  );

  const quarterOptions = dashboardQuarters({ firstSeminarDate: seminars.firstDate, asOf: now });
  const progress = progressChartData(series, quarters, (themeId) => recommendationsHref(scope, { theme: themeId }));
  const markers = seminarMarkers(progress, arrivals);
  const themeRows = withHrefs(byTheme, (id) => ({ theme: id }), scope);
  const sectorRows = withHrefs(bySector, (id) => ({ sector: id }), scope);
  // The chart and table show the most recent seminars; the seminars page lists them all.
  const seminarsLeftOut = recentSeminars.total - recentSeminars.rows.length;
  const seminarRows = withHrefs(recentSeminars.rows, (id) => ({ seminar: id }), scope);
  const statusLegend = STATUSES.map((status) => ({ status, href: recommendationsHref(scope, { status }) }));
  const range = quarters.length ? `${quarters[0]!.label} to ${quarters.at(-1)!.label}` : 'no quarters';
  const chartHref = (kind: ChartKind) => `/dashboard?${progressQueryToSearchParams(query, { chart: kind }).toString()}`;

  return (
    <div className="space-y-5">
      <StatusPatterns />
      <PrintExpand />
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Dashboard</h1>
        <p className="text-muted">
          Implementation progress of the seminars&rsquo; recommendations, as of {formatDate(asOf)}
          {lookingBack && ': as it stood that day, from what had been recorded by then'}.
        </p>
        {lookingBack && (
          <p role="note" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
            You are looking back to {formatDate(asOf)}. Links to the recommendations list show them as they are today.{' '}
            <Link href={`/dashboard?${progressQueryToSearchParams({ ...query, asOf: undefined }).toString()}`}>Show today</Link>
          </p>
        )}
      </header>

      <DashboardFilters
        query={query}
        errors={errors}
        typed={typed}
        seminars={seminars.choices}
        seminarTotal={seminars.total}
        themes={themes}
        sectors={sectors}
        quarterOptions={quarterOptions}
        today={now}
      />

      <section aria-labelledby="headline-heading" className="space-y-2">
        <div className="flex flex-wrap items-baseline gap-x-2">
          <h2 id="headline-heading" className="text-sm font-semibold">
            Headline figures
          </h2>
          <p className="text-xs text-muted">changes since the end of {headline.previousQuarterLabel}</p>
        </div>
        <HeadlineFiguresList
          figures={headline}
          links={
            lookingBack
              ? null
              : {
                  tracked: recommendationsHref(scope),
                  implemented: recommendationsHref(scope, { status: 'IMPLEMENTED' }),
                  stale: recommendationsHref(scope, { stale: true }),
                  overdue: recommendationsHref(scope, { overdue: true }),
                }
          }
        />
      </section>

      <ChartSection
        id="progress-over-time"
        title="Progress by theme over time"
        summary={[...summariseOverallProgress(progress), ...explainArrivalDrops(progress, arrivals)]}
        actions={<ChartSwitch current={query.chart} hrefOf={chartHref} />}
        chartFirstOnPhone
        chart={
          <LazyProgressOverTimeChart
            data={progress}
            chart={query.chart}
            markers={markers}
            label={`${query.chart === 'line' ? 'Line chart: overall weighted progress per quarter' : 'Stacked area chart: each primary theme’s contribution to overall weighted progress per quarter'}, ${range}, with the seminars whose recommendations were added marked. The summary above and the table below give the figures.`}
            legendLabel="Themes: open a theme’s recommendations"
          />
        }
        below={
          <>
            <SeminarMarkerKey markers={markers} />
            <div className="space-y-2 border-t border-border pt-3">
              <h3 className="text-base font-semibold">By theme</h3>
              <div className="space-y-1 text-sm">
                {summariseGroupsOverTime(progress, 'theme').map((sentence) => (
                  <p key={sentence}>{sentence}</p>
                ))}
              </div>
              {query.chart === 'line' && progress.quarters.length > 0 && (
                <>
                  <p className="text-sm text-muted">
                    Every panel runs from 0% to 100% and from {progress.quarters[0]!.label} to {progress.quarters.at(-1)!.label}; the grey line behind each
                    theme is overall progress.
                  </p>
                  <ThemeSmallMultiples data={progress} markers={markers} legendLabel="Themes: open a theme’s recommendations" />
                </>
              )}
            </div>
          </>
        }
        note={
          query.chart === 'area'
            ? 'Each band is what a theme adds to overall progress: its weighted recommendations over all counted ones, in points, so the bands add up to the bold line. The legend gives each theme’s own progress. No-longer-relevant recommendations are left out.'
            : 'Progress is weighted by status and counts the recommendations whose primary theme it is; no-longer-relevant recommendations are left out.'
        }
        table={<ProgressTable data={progress} groupNoun="theme" />}
      />

      <div className="grid gap-6 xl:grid-cols-2">
        <ChartSection
          id="status-by-theme"
          title="Status by theme"
          summary={summariseDistribution(byTheme, 'theme')}
          chart={
            <LazyStatusBarsChart
              rows={themeRows}
              legend={statusLegend}
              label={`Stacked bar chart: recommendations in each status per primary theme, as of ${formatDate(asOf)}. Each segment opens its recommendations.`}
              legendLabel="Statuses: open the recommendations in a status"
            />
          }
          table={<DistributionTable rows={themeRows} groupNoun="theme" caption={`Recommendations per primary theme and status, as of ${formatDate(asOf)}.`} />}
        />
        <ChartSection
          id="status-by-sector"
          title="Status by owner sector"
          summary={summariseDistribution(bySector, 'sector')}
          chart={
            <LazyStatusBarsChart
              rows={sectorRows}
              legend={statusLegend}
              label={`Stacked bar chart: recommendations in each status per owner sector, as of ${formatDate(asOf)}. Each segment opens its recommendations.`}
              legendLabel="Statuses: open the recommendations in a status"
            />
          }
          note="A recommendation with several owner sectors counts under each of them."
          table={<DistributionTable rows={sectorRows} groupNoun="sector" caption={`Recommendations per owner sector and status, as of ${formatDate(asOf)}.`} />}
        />
      </div>

      <div className="grid gap-6 xl:grid-cols-2">
        <ChartSection
          id="progress-by-seminar"
          title={seminarsLeftOut > 0 ? `Progress by seminar: the ${RECENT_SEMINARS} most recent` : 'Progress by seminar'}
          summary={summariseDistribution(recentSeminars.rows, 'seminar').slice(0, 2)}
          actions={
            seminarsLeftOut > 0 ? (
              <Link href="/seminars" className="text-sm">
                All {formatNumber(recentSeminars.total)} seminars
              </Link>
            ) : undefined
          }
          chart={
            <LazySeminarProgressChart
              rows={seminarRows.map((row) => ({
                id: row.id,
                name: row.name,
                progress: row.progress === null ? null : row.progress * 100,
                total: row.total,
                href: row.href,
              }))}
              label={`Bar chart: weighted progress per seminar, as of ${formatDate(asOf)}. Each bar opens the seminar's recommendations.`}
            />
          }
          table={
            <DistributionTable
              rows={seminarRows}
              groupNoun="seminar"
              caption={`Recommendations per seminar and status, and weighted progress, as of ${formatDate(asOf)}.`}
            />
          }
        />
        <section aria-labelledby="activity-heading" className="min-w-0 space-y-3">
          <h2 id="activity-heading" className="text-lg font-semibold">
            Recent activity
          </h2>
          <p className="text-sm text-muted">Status changes and evidence notes, newest entered first.</p>
          <RecentActivityList entries={activity} />
        </section>
      </div>

      <section aria-labelledby="recurring-heading" className="min-w-0 space-y-3">
        <h2 id="recurring-heading" className="text-lg font-semibold">
          Recurring asks still open
        </h2>
        <p className="text-sm text-muted">
          Recommendations made again at a later seminar (linked by editors) whose latest ask is not yet implemented, as of today; the most-asked first.
        </p>
        <RecurringAsksList recurring={recurring} listHref={recommendationsHref(scope, { recurring: true })} />
      </section>
    </div>
  );
}
