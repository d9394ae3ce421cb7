import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ReviewEditor } from '@/components/import/review-editor';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { requireActor } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { ImportDraftView } from '@/lib/import/draft-types';
import { getImportDraft } from '@/lib/import/get-import-draft';
import { recommendationsHref } from '@/lib/progress/drill-down';
import { listTermsForFilters } from '@/lib/taxonomy/list-terms-for-filters';

export const metadata: Metadata = { title: 'Review an import' };

type Params = { params: Promise<{ id: string }> };

export default async function ImportDraftPage({ params }: Params) {
  const actor = await requireActor('EDITOR');
  const id = decodeURIComponent((await params).id);
  let draft: ImportDraftView;
  try {
    draft = await getImportDraft(db, id, actor);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const heading = draft.seminar.title || draft.sourceFileName || 'Untitled report';
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, { href: '/imports', label: 'Imports' }]} current={heading} />
        <h1 className="text-2xl font-semibold break-words">Review: {heading}</h1>
        <p className="text-sm text-muted">
          {draft.sourceFileName ?? 'Pasted text'} · started by {draft.createdBy.name} on {formatDateTime(new Date(draft.createdAt))} · last saved{' '}
          {formatDateTime(new Date(draft.updatedAt))}
        </p>
      </header>
      {draft.status === 'DRAFT' ? <Editor draft={draft} /> : <Finished draft={draft} />}
    </div>
  );
}

async function Editor({ draft }: { draft: ImportDraftView }) {
  const [themes, sectors] = await Promise.all([listTermsForFilters(db, 'theme'), listTermsForFilters(db, 'sector')]);
  const terms = (list: { id: string; name: string }[]) => list.map(({ id, name }) => ({ id, name }));
  return <ReviewEditor draft={draft} themes={terms(themes)} sectors={terms(sectors)} />;
}

function Finished({ draft }: { draft: ImportDraftView }) {
  if (draft.status === 'CONFIRMED' && draft.confirmedSeminar) {
    const href = recommendationsHref({ seminar: [draft.confirmedSeminar.id], theme: [], sector: [] });
    return (
      <section aria-labelledby="finished-heading" className="space-y-2 rounded-lg border border-border bg-surface p-4">
        <h2 id="finished-heading" className="text-lg font-semibold">
          Confirmed
        </h2>
        <p>
          This import was confirmed on {formatDateTime(new Date(draft.updatedAt))}; its recommendations have the codes {draft.confirmedSeminar.codePrefix}…. A
          draft can be confirmed only once.
        </p>
        <p>
          <Link href={href}>View the seminar’s recommendations</Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="finished-heading" className="space-y-2 rounded-lg border border-border bg-surface p-4">
      <h2 id="finished-heading" className="text-lg font-semibold">
        Discarded
      </h2>
      <p>This draft was discarded on {formatDateTime(new Date(draft.updatedAt))}. Nothing from it was imported.</p>
      <p>
        <Link href="/imports/new">Import the report again</Link>
      </p>
    </section>
  );
}
