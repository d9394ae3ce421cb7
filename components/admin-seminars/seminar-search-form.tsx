import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SEMINAR_SEARCH_MAX } from '@/lib/validations/seminar-list';

/**
 * A plain GET form, so a search can be bookmarked and works without JavaScript. Submitting starts
 * again at page 1 (the page number is not part of the form).
 */
export function SeminarSearchForm({ q }: { q?: string }) {
  return (
    <form method="get" action="/admin/seminars" role="search" aria-label="Search seminars" className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="min-w-0 flex-1">
        <label htmlFor="seminar-q" className="block text-sm font-medium">
          Search by title or code
        </label>
        <p id="seminar-q-hint" className="text-xs text-muted">
          Part of a title, or a code prefix such as 2015. Upper and lower case match alike.
        </p>
        <input
          id="seminar-q"
          type="search"
          name="q"
          defaultValue={q ?? ''}
          maxLength={SEMINAR_SEARCH_MAX}
          aria-describedby="seminar-q-hint"
          className="mt-1 block min-h-10 w-full rounded-md border border-border bg-surface px-3 py-2 text-text"
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass('primary')}>
          Search
        </button>
        {q && (
          <Link href="/admin/seminars" className="text-sm">
            Show every report
          </Link>
        )}
      </div>
    </form>
  );
}
