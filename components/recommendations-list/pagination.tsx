import Link from 'next/link';
import type { RecommendationFilters } from '@/lib/validations/recommendation-filters';
import { listHref } from './list-href';

/** The pages to offer: the first, the last, and two either side of the current one. */
function pageWindow(current: number, count: number): (number | 'gap')[] {
  const pages = new Set([1, count, current - 2, current - 1, current, current + 1, current + 2].filter((page) => page >= 1 && page <= count));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | 'gap')[] = [];
  for (const [index, page] of sorted.entries()) {
    if (index > 0 && page - sorted[index - 1]! > 1) out.push('gap');
    out.push(page);
  }
  return out;
}

const BOX = 'inline-flex min-h-10 min-w-10 items-center justify-center rounded-md border px-3';
const LINK = `${BOX} border-border bg-surface no-underline hover:bg-surface-muted`;
const CURRENT = `${BOX} border-accent bg-accent font-semibold text-accent-text`;

export function Pagination({ filters, current, pageCount }: { filters: RecommendationFilters; current: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages of results" className="text-sm">
      <ul className="flex flex-wrap items-center gap-2">
        {current > 1 && (
          <li>
            <Link href={listHref(filters, { page: Math.min(current - 1, pageCount) })} className={LINK} rel="prev">
              Previous<span className="sr-only"> page</span>
            </Link>
          </li>
        )}
        {pageWindow(Math.min(current, pageCount), pageCount).map((page, index) =>
          page === 'gap' ? (
            <li key={`gap-${index}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={page}>
              {page === current ? (
                <span aria-current="page" className={CURRENT}>
                  <span className="sr-only">Page </span>
                  {page}
                </span>
              ) : (
                <Link href={listHref(filters, { page })} className={LINK}>
                  <span className="sr-only">Page </span>
                  {page}
                </Link>
              )}
            </li>
          ),
        )}
        {current < pageCount && (
          <li>
            <Link href={listHref(filters, { page: current + 1 })} className={LINK} rel="next">
              Next<span className="sr-only"> page</span>
            </Link>
          </li>
        )}
      </ul>
    </nav>
  );
}
