import type { Metadata } from 'next';
import Link from 'next/link';
import { db } from '@/lib/db';
import { requireActor } from '@/lib/auth/session';
import { listSeminarsForAdmin } from '@/lib/seminars/list-seminars-for-admin';
import { parseAdminSeminarListQuery, SEMINAR_PAGE_SIZE } from '@/lib/validations/seminar-list';
import { SeminarSearchForm } from '@/components/admin-seminars/seminar-search-form';
import { SeminarsTable } from '@/components/admin-seminars/seminars-table';
import { ADMIN_CRUMB } from '@/components/layout/nav-links';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { PageNav } from '@/components/ui/page-nav';

export const metadata: Metadata = { title: 'Seminar details' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** This page's address for a search and a page number, leaving out what is the default. */
function seminarsHref(q: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search ? `/admin/seminars?${search}` : '/admin/seminars';
}

export default async function SeminarsAdminPage({ searchParams }: Props) {
  const actor = await requireActor('ADMIN');
  const { query, notices } = parseAdminSeminarListQuery(await searchParams);
  const { seminars, total, page, pageCount } = await listSeminarsForAdmin(db, { page: query.page, pageSize: SEMINAR_PAGE_SIZE, q: query.q }, actor);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, ADMIN_CRUMB]} current="Seminar details" />
        <h1 className="text-2xl font-semibold">Seminar details</h1>
        <p className="text-muted">Correct a report’s title, kind, date, venue, organiser and speakers. Its recommendations are edited on their own pages.</p>
      </header>
      <SeminarSearchForm q={query.q} />
      {notices.length > 0 && (
        <div role="alert" className="space-y-1 rounded-md border border-border bg-surface-muted p-3 text-sm">
          {notices.map((notice) => (
            <p key={notice}>{notice}</p>
          ))}
        </div>
      )}
      {total === 0 ? (
        <p className="rounded-lg border border-border bg-surface p-4">
          {query.q ? (
            <>
              No seminar matches “{query.q}”. <Link href="/admin/seminars">Clear the search</Link>
            </>
          ) : (
            'No reports yet.'
          )}
        </p>
      ) : (
        <SeminarsTable seminars={seminars} total={total} q={query.q} />
      )}
      <PageNav label="Seminar pages" page={page} pageCount={pageCount} hrefFor={(number) => seminarsHref(query.q, number)} previous="← Newer" next="Older →" />
    </div>
  );
}
