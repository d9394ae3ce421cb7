import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddRecommendationForm } from '@/components/seminars/add-recommendation-form';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { requireActor } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { formatDate } from '@/lib/format';
import { getFieldOptions } from '@/lib/recommendations/get-recommendation';
import { SEMINAR_KIND_LABEL } from '@/lib/seminars/kinds';
import { getSeminarForEntry } from '@/lib/seminars/get-seminar-for-entry';

export const metadata: Metadata = { title: 'Add recommendations' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AddRecommendationsPage({ params, searchParams }: Props) {
  const actor = await requireActor('EDITOR');
  const seminar = await getSeminarForEntry(db, decodeURIComponent((await params).id), actor);
  if (!seminar) notFound();
  const created = (await searchParams).created === '1';
  const options = await getFieldOptions(db);
  return (
    <div className="max-w-3xl space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, { href: '/seminars', label: 'Seminars' }]} current={`Add recommendations: ${seminar.title}`} />
        <h1 className="text-2xl font-semibold">Add recommendations</h1>
        <p className="text-muted">
          {SEMINAR_KIND_LABEL[seminar.kind] ?? seminar.kind}: {seminar.title}, {formatDate(seminar.date)} · codes{' '}
          <span className="font-mono">{seminar.codePrefix}-R01</span>, <span className="font-mono">{seminar.codePrefix}-R02</span>, …
        </p>
      </header>
      {created && (
        <p role="status" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          Seminar created. Add its recommendations one at a time below.
        </p>
      )}
      <section aria-labelledby="so-far-heading" className="space-y-2">
        <h2 id="so-far-heading" className="text-lg font-semibold">
          Its recommendations so far
        </h2>
        {seminar.recommendations.length === 0 ? (
          <p className="text-sm text-muted">None yet.</p>
        ) : (
          <ul className="space-y-1 text-sm">
            {seminar.recommendations.map((item) => (
              <li key={item.code}>
                <Link href={`/recommendations/${encodeURIComponent(item.code)}`} className="font-mono underline">
                  {item.code}
                </Link>{' '}
                {item.title}
                {item.archived && <span className="ml-2 rounded-full border border-border px-2 py-0.5 text-xs">Withdrawn</span>}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="add-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4">
        <h2 id="add-heading" className="text-lg font-semibold">
          Add a recommendation
        </h2>
        {!seminar.hasSourceText && (
          <p className="text-sm text-muted">This seminar has no report text, so its recommendations will not have “View in source”.</p>
        )}
        <AddRecommendationForm seminarId={seminar.id} nextCode={seminar.nextCode} themes={options.themes} sectors={options.sectors} />
      </section>
    </div>
  );
}
