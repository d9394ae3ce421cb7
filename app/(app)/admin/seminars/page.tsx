import type { Metadata } from 'next';
import { db } from '@/lib/db';
import { requireActor } from '@/lib/auth/session';
import { listSeminarsForAdmin } from '@/lib/seminars/list-seminars-for-admin';
import { SeminarsTable } from '@/components/admin-seminars/seminars-table';
import { ADMIN_CRUMB } from '@/components/layout/nav-links';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Seminar details' };

export default async function SeminarsAdminPage() {
  const actor = await requireActor('ADMIN');
  const seminars = await listSeminarsForAdmin(db, actor);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, ADMIN_CRUMB]} current="Seminar details" />
        <h1 className="text-2xl font-semibold">Seminar details</h1>
        <p className="text-muted">Correct a report’s title, kind, date, venue, organiser and speakers. Its recommendations are edited on their own pages.</p>
      </header>
      <SeminarsTable seminars={seminars} />
    </div>
  );
}
