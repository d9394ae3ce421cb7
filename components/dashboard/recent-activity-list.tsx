import Link from 'next/link';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, formatDateTime } from '@/lib/format';
import type { ActivityEntry } from '@/lib/progress/recent-activity';

/** The latest status changes and evidence notes, newest entered first. */
export function RecentActivityList({ entries }: { entries: ActivityEntry[] }) {
  if (entries.length === 0) return <p className="text-sm text-muted">Nothing has happened yet to the recommendations in view.</p>;
  return (
    <ol className="divide-y divide-border rounded-lg border border-border bg-surface">
      {entries.map((entry) => (
        <li key={`${entry.kind}-${entry.id}`} className="space-y-1 p-3 text-sm">
          <p>
            <span className="font-medium">{entry.who}</span>{' '}
            {entry.kind === 'status' ? (entry.fromStatus ? 'changed the status of' : 'recorded the status of') : 'added evidence to'}{' '}
            <Link href={`/recommendations/${encodeURIComponent(entry.item.code)}`}>
              <span className="font-mono">{entry.item.code}</span> {entry.item.title}
            </Link>
          </p>
          {entry.kind === 'status' ? (
            <p className="flex flex-wrap items-center gap-2">
              {entry.fromStatus && (
                <>
                  <StatusBadge status={entry.fromStatus} />
                  <span aria-hidden="true">→</span>
                  <span className="sr-only">to</span>
                </>
              )}
              <StatusBadge status={entry.toStatus} />
              <span className="text-muted">effective {formatDate(entry.effectiveDate)}</span>
            </p>
          ) : (
            <p>
              <q>{entry.summary}</q> <span className="text-muted">dated {formatDate(entry.effectiveDate)}</span>
            </p>
          )}
          <p className="text-xs text-muted">
            Entered <time dateTime={entry.at.toISOString()}>{formatDateTime(entry.at)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
