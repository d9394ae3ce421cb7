import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import { requireActor } from '@/lib/auth/session';
import { formatDate } from '@/lib/format';
import { getSourceExcerpt } from '@/lib/recommendations/get-source-excerpt';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { RawSource, ReadableSource } from '@/components/recommendation/source-text';

type Params = { params: Promise<{ code: string }>; searchParams: Promise<{ view?: string | string[] }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `${decodeURIComponent((await params).code).toUpperCase()} in its source` };
}

const VIEWS = [
  { key: 'readable', label: 'Readable text' },
  { key: 'raw', label: 'Text as extracted' },
] as const;

/**
 * The whole report with one recommendation highlighted and scrolled to (#in-source): as readable
 * paragraphs (page-break debris out), or with ?view=raw as the text was extracted from the file.
 */
export default async function RecommendationSourcePage({ params, searchParams }: Params) {
  const actor = await requireActor('VIEWER');
  const excerpt = await getSourceExcerpt(db, decodeURIComponent((await params).code), actor);
  if (!excerpt) notFound();
  const view = (await searchParams).view === 'raw' ? 'raw' : 'readable';
  const itemHref = `/recommendations/${encodeURIComponent(excerpt.code)}`;
  const viewHref = (key: (typeof VIEWS)[number]['key']) => `${itemHref}/source${key === 'raw' ? '?view=raw' : ''}#in-source`;
  return (
    <div className="max-w-4xl space-y-4">
      <header className="space-y-2">
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
        <nav aria-label="How to show the report" className="text-sm">
          <ul className="flex flex-wrap gap-2">
            {VIEWS.map((option) => (
              <li key={option.key}>
                <Link
                  href={viewHref(option.key)}
                  aria-current={view === option.key ? 'page' : undefined}
                  className={`inline-flex min-h-10 items-center rounded-md border px-3 no-underline ${
                    view === option.key ? 'border-accent bg-accent font-semibold text-accent-text' : 'border-border bg-surface hover:bg-surface-muted'
                  }`}
                >
                  {option.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="text-xs text-muted">
          {view === 'raw'
            ? 'Line for line as extracted from the file, page numbers and running headers included.'
            : 'Re-flowed into paragraphs: line breaks, page numbers and running headers and footers are left out; the words are the report’s.'}
        </p>
      </header>
      <div role="region" aria-label="Report text" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-border bg-surface p-4">
        {view === 'raw' ? (
          <RawSource before={excerpt.before} highlight={excerpt.highlight} after={excerpt.after} />
        ) : (
          <ReadableSource paragraphs={excerpt.paragraphs} code={excerpt.code} />
        )}
      </div>
    </div>
  );
}
