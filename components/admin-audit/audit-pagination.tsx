import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { formatNumber } from '@/lib/format';

type Props = { page: number; pageCount: number; hrefFor: (page: number) => string };

export function AuditPagination({ page, pageCount, hrefFor }: Props) {
  if (pageCount <= 1 && page === 1) return null;
  return (
    <nav aria-label="Audit log pages" className="flex flex-wrap items-center gap-3">
      {page > 1 ? (
        <Link href={hrefFor(Math.min(page - 1, pageCount))} rel="prev" className={buttonClass('secondary')}>
          ← Newer
        </Link>
      ) : null}
      <span className="text-sm text-muted">
        Page {formatNumber(page)} of {formatNumber(pageCount)}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} rel="next" className={buttonClass('secondary')}>
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
