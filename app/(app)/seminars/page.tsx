import type { Metadata } from 'next';
import Link from 'next/link';
import { PageNav } from '@/components/ui/page-nav';
import { StatusBadge } from '@/components/ui/status-badge';
import { requireActor } from '@/lib/auth/session';
import { hasRole } from '@/lib/auth/roles';
import { buttonClass } from '@/components/ui/button';
import { db } from '@/lib/db';
import { formatDate, formatNumber, formatPercent } from '@/lib/format';
import { recommendationsHref } from '@/lib/progress/drill-down';
import { SEMINAR_KIND_LABEL } from '@/lib/seminars/kinds';
import { listSeminarSummaries } from '@/lib/seminars/list-seminar-summaries';
import { STATUSES } from '@/lib/status/status';
import { parseSeminarListQuery, SEMINAR_PAGE_SIZE } from '@/lib/validations/seminar-list';

export const metadata: Metadata = { title: 'Seminars' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SeminarsPage({ searchParams }: Props) {
  const actor = await requireActor('VIEWER');
  const { query, error } = parseSeminarListQuery(await searchParams);
  const { seminars, total, page, pageCount } = await listSeminarSummaries(db, { page: query.page, pageSize: SEMINAR_PAGE_SIZE }, actor);
  const hrefFor = (number: number) => (number > 1 ? `/seminars?page=${number}` : '/seminars');
  const canEdit = hasRole(actor.role, 'EDITOR');
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Seminars</h1>
          <p className="text-muted">
            {formatNumber(total)} {total === 1 ? 'report' : 'reports'}, newest first, with where their recommendations stand today.
          </p>
        </div>
        {canEdit && (
          <div className="flex flex-wrap gap-2">
            <Link href="/seminars/new" className={buttonClass('primary')}>
              New seminar
            </Link>
            <Link href="/imports/new" className={buttonClass('secondary', 'no-underline')}>
              Import a report
            </Link>
          </div>
        )}
      </header>
      {error && (
        <p role="alert" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          {error}
        </p>
      )}
      {seminars.length === 0 ? (
        <p>No reports yet.</p>
      ) : (
        <ul className="space-y-3" aria-label={`Seminars, page ${page} of ${pageCount}`}>
          {seminars.map((seminar) => (
            <li key={seminar.id} className="space-y-2 rounded-lg border border-border bg-surface p-4">
              <h2 className="text-lg font-semibold">
                <Link href={recommendationsHref({ seminar: [seminar.id], theme: [], sector: [] })}>{seminar.title}</Link>
              </h2>
              <p className="text-sm text-muted">
                {SEMINAR_KIND_LABEL[seminar.kind] ?? seminar.kind} · {formatDate(seminar.date)} · {formatNumber(seminar.recommendations)}{' '}
                {seminar.recommendations === 1 ? 'recommendation' : 'recommendations'} · progress {formatPercent(seminar.progress)}
              </p>
              {seminar.recommendations > 0 && (
                <ul className="flex flex-wrap gap-2" aria-label={`${seminar.title}: recommendations by status`}>
                  {STATUSES.filter((status) => seminar.counts[status] > 0).map((status) => (
                    <li key={status} className="inline-flex items-center gap-1 text-sm">
                      <StatusBadge status={status} />
                      <span className="tabular-nums">{formatNumber(seminar.counts[status])}</span>
                    </li>
                  ))}
                </ul>
              )}
              <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                <Link href={`/dashboard?seminar=${encodeURIComponent(seminar.id)}`}>
                  Dashboard<span className="sr-only"> for {seminar.title}</span>
                </Link>
                {canEdit && (
                  <Link href={`/seminars/${encodeURIComponent(seminar.codePrefix)}/recommendations/new`}>
                    Add recommendation<span className="sr-only"> to {seminar.title}</span>
                  </Link>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
      <PageNav label="Seminar pages" page={page} pageCount={pageCount} hrefFor={hrefFor} previous="← Newer" next="Older →" />
    </div>
  );
}
