import type { Metadata } from 'next';
import Link from 'next/link';
import { DraftsTable } from '@/components/import/drafts-table';
import { buttonClass } from '@/components/ui/button';
import { requireActor } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { listImportDrafts } from '@/lib/import/list-import-drafts';

export const metadata: Metadata = { title: 'Imports' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ImportsPage({ searchParams }: Props) {
  const actor = await requireActor('EDITOR');
  const all = (await searchParams).show === 'all';
  const drafts = await listImportDrafts(db, { status: all ? 'ALL' : 'DRAFT' }, actor);
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold">Imports</h1>
          <p className="text-muted">
            {all
              ? 'Every import, newest first: drafts, confirmed and discarded.'
              : 'Reports being reviewed before their recommendations are added, most recently saved first.'}
          </p>
        </div>
        <Link href="/imports/new" className={buttonClass('primary', 'no-underline')}>
          Import a report
        </Link>
      </header>
      <p className="text-sm">
        {all ? <Link href="/imports">Show drafts only</Link> : <Link href="/imports?show=all">Show confirmed and discarded imports too</Link>}
      </p>
      {drafts.length === 0 ? <p>{all ? 'No imports yet.' : 'No drafts in progress.'}</p> : <DraftsTable drafts={drafts} />}
    </div>
  );
}
