import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { formatNumber } from '@/lib/format';

type Props = {
  /** What the pages are of, for screen readers: "Audit log pages". */
  label: string;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
  previous?: string;
  next?: string;
};

/** Previous / next links between the pages of a long list, with "Page N of M" between them. */
export function PageNav({ label, page, pageCount, hrefFor, previous = '← Previous', next = 'Next →' }: Props) {
  if (pageCount <= 1 && page === 1) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} rel="prev" className={buttonClass('secondary')}>
          {previous}
        </Link>
      ) : null}
      <span className="text-sm text-muted">
        Page {formatNumber(page)} of {formatNumber(pageCount)}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={buttonClass('secondary')}>
          {next}
        </Link>
      ) : null}
    </nav>
  );
}
