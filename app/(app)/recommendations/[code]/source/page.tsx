import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { requireActor } from '@/lib/auth/session';
import { formatDate } from '@/lib/format';
import { getSourceExcerpt } from '@/lib/recommendations/get-source-excerpt';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).code).toUpperCase()} in its source` };
}

/** The whole report as imported, with one recommendation's range highlighted and scrolled to (#in-source). */
export default async function RecommendationSourcePage({ params }: Params) {
  const actor = await requireActor('VIEWER');
  const excerpt = await getSourceExcerpt(db, decodeURIComponent((await params).code), actor);
  if (!excerpt) notFound();
  const itemHref = `/recommendations/${encodeURIComponent(excerpt.code)}`;
  return (
    <div className="max-w-4xl space-y-4">
      <header className="space-y-1">
        <Breadcrumbs
          trail={[HOME_CRUMB, { href: '/recommendations', label: 'Recommendations' }, { href: itemHref, label: excerpt.code }]}
          current="In its source"
        />
        <h1 className="text-2xl font-semibold">
          {excerpt.code} in {excerpt.seminar.title}
        </h1>
        <p className="text-sm text-muted">
          {formatDate(excerpt.seminar.date)}
          {excerpt.seminar.sourceFileName && <> · {excerpt.seminar.sourceFileName}</>} · lines {excerpt.lineStart}–{excerpt.lineEnd}, highlighted.{' '}
          <a href="#in-source" className="underline">
            Jump to the highlight
          </a>
        </p>
      </header>
      <div role="region" aria-label="Report text" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-border bg-surface p-4">
        <pre className="whitespace-pre-wrap break-words font-sans text-sm leading-relaxed">
          {excerpt.before}
          <mark id="in-source" className="scroll-mt-24 rounded-sm px-0.5 [box-decoration-break:clone]">
            {excerpt.highlight}
          </mark>
          {excerpt.after}
        </pre>
      </div>
    </div>
  );
}
