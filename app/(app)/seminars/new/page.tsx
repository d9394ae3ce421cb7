import type { Metadata } from 'next';
import { CreateSeminarForm } from '@/components/seminars/create-seminar-form';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { requireActor } from '@/lib/auth/session';
import { today, toDateOnly } from '@/lib/dates';

export const metadata: Metadata = { title: 'New seminar' };

export default async function NewSeminarPage() {
  await requireActor('EDITOR');
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, { href: '/seminars', label: 'Seminars' }]} current="New seminar" />
        <h1 className="text-2xl font-semibold">New seminar</h1>
        <p className="text-muted">
          Enter a seminar, round table, conference or workshop by hand; its recommendations are added next. Its codes start with its year (a second one of the
          same year gets a letter, e.g. 2026B).
        </p>
      </header>
      <section aria-label="Seminar details" className="rounded-lg border border-border bg-surface p-4">
        <CreateSeminarForm today={toDateOnly(today())} />
      </section>
    </div>
  );
}
