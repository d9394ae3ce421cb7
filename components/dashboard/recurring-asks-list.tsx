import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, formatNumber } from '@/lib/format';
import type { RecurringAsks } from '@/lib/recurring/get-recurring-asks';

const itemHref = (code: string) => `/recommendations/${encodeURIComponent(code)}`;

/** Asks made at two or more seminars whose latest ask is still open: most-asked first. */
export function RecurringAsksList({ recurring, listHref }: { recurring: RecurringAsks; listHref: string }) {
  if (recurring.asks.length === 0) {
    return (
      <p className="text-sm text-muted">
        No recurring ask is open. Link a recommendation to the same ask made at an earlier seminar (on its page, or when importing a report) and it shows here
        until its latest ask is implemented or no longer relevant.
      </p>
    );
  }
  return (
    <div className="space-y-3">
      <ol className="divide-y divide-border rounded-lg border border-border bg-surface">
        {recurring.asks.map(({ latest, asks, seminars }) => (
          <li key={latest.id} className="space-y-2 p-3 text-sm">
            <p className="flex flex-wrap items-center gap-2">
              <Link href={itemHref(latest.code)} className="font-medium">
                <span className="font-mono">{latest.code}</span> {latest.title}
              </Link>
              {latest.status && <StatusBadge status={latest.status} />}
            </p>
            <p className="text-muted">Asked at {formatNumber(seminars)} seminars:</p>
            <ol className="list-disc space-y-1 pl-5">
              {asks.map((ask) => (
                <li key={ask.id}>
                  <time dateTime={ask.seminar.date.toISOString().slice(0, 10)}>{formatDate(ask.seminar.date)}</time>, {ask.seminar.title} ·{' '}
                  <Link href={itemHref(ask.code)} className="font-mono">
                    {ask.code}
                  </Link>
                  {ask.status && (
                    <>
                      {' '}
                      <StatusBadge status={ask.status} />
                    </>
                  )}
                </li>
              ))}
            </ol>
          </li>
        ))}
      </ol>
      <p className="text-sm">
        {recurring.total > recurring.asks.length ? `${formatNumber(recurring.asks.length)} of ${formatNumber(recurring.total)} shown. ` : ''}
        <Link href={listHref}>All recurring recommendations in the list</Link>
      </p>
    </div>
  );
}
