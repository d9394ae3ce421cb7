import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { requireActor } from '@/lib/auth/session';
import { getSeminarForEdit } from '@/lib/seminars/get-seminar-for-edit';
import { SeminarForm } from '@/components/admin-seminars/seminar-form';
import { ADMIN_CRUMB } from '@/components/layout/nav-links';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Edit seminar' };

export default async function SeminarEditPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor('ADMIN');
  const { id } = await params;
  const seminar = await getSeminarForEdit(db, id, actor);
  if (!seminar) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, ADMIN_CRUMB, { href: '/admin/seminars', label: 'Seminar details' }]} current={seminar.title} />
        <h1 className="text-2xl font-semibold">{seminar.title}</h1>
        <p className="text-muted">
          Code prefix <span className="font-mono">{seminar.codePrefix}</span> · {seminar.recommendationCount}{' '}
          {seminar.recommendationCount === 1 ? 'recommendation' : 'recommendations'}
          {seminar.sourceFileName && <> · from {seminar.sourceFileName}</>}
        </p>
      </header>
      <section aria-labelledby="seminar-form-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="seminar-form-heading" className="text-lg font-semibold">
          Details and speakers
        </h2>
        <SeminarForm seminar={seminar} />
      </section>
    </div>
  );
}
