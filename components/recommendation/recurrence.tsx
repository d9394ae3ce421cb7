import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate } from '@/lib/format';
import type { Ask, Recurrence } from '@/lib/recurring/get-recurrence';

function AskList({ asks }: { asks: Ask[] }) {
  return (
    <ul className="space-y-2 text-sm">
      {asks.map((ask) => (
        <li key={ask.id} className="space-y-1 rounded-md border border-border bg-surface p-2">
          <p>
            <Link href={`/recommendations/${encodeURIComponent(ask.code)}`} className="font-mono underline">
              {ask.code}
            </Link>{' '}
            {ask.title}
          </p>
          <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
            <span>
              {ask.seminar.title}, <time dateTime={ask.seminar.date.toISOString().slice(0, 10)}>{formatDate(ask.seminar.date)}</time>
            </span>
            {ask.status && <StatusBadge status={ask.status} />}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** The same ask made at other seminars (lib/recurring): earlier ones first, then later ones. */
export function RecurrenceSection({ recurrence }: { recurrence: Recurrence }) {
  const { askedBefore, askedAgain } = recurrence;
  if (askedBefore.length === 0 && askedAgain.length === 0) return null;
  return (
    <section aria-labelledby="recurrence-heading" className="space-y-3">
      <h2 id="recurrence-heading" className="text-lg font-semibold">
        A recurring ask
      </h2>
      {askedBefore.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-medium">Asked before</h3>
          <AskList asks={askedBefore} />
        </div>
      )}
      {askedAgain.length > 0 && (
        <div className="space-y-2">
          <h3 className="font-medium">Asked again since</h3>
          <AskList asks={askedAgain} />
        </div>
      )}
    </section>
  );
}
