import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, formatDateTime } from '@/lib/format';
import type { StatusHistoryEntry } from '@/lib/recommendations/get-recommendation';
import { STATUS_LABEL } from '@/lib/status/status';

/** Every status change, newest effective date first, with when it was recorded and by whom. */
export function StatusTimeline({ history }: { history: StatusHistoryEntry[] }) {
  const newestFirst = [...history].reverse();
  return (
    <ol className="space-y-3" aria-label="Status changes, newest first">
      {newestFirst.map((entry) => (
        <li key={entry.id} className="rounded-md border border-border bg-surface p-3 print:break-inside-avoid">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">{formatDate(entry.effectiveDate)}</span>
            <span className="flex flex-wrap items-center gap-1 text-sm">
              {entry.fromStatus ? (
                <>
                  <StatusBadge status={entry.fromStatus} />
                  <span aria-hidden="true">→</span>
                  <span className="sr-only">to</span>
                </>
              ) : (
                <span className="text-muted">Started as</span>
              )}
              <StatusBadge status={entry.toStatus} />
            </span>
          </div>
          <p className="mt-1 text-xs text-muted">
            Recorded {formatDateTime(entry.recordedAt)} by {entry.author?.name ?? 'the system'}
            {entry.fromStatus && (
              <span className="sr-only">
                : from {STATUS_LABEL[entry.fromStatus]} to {STATUS_LABEL[entry.toStatus]}
              </span>
            )}
          </p>
          {entry.note && <p className="mt-2 whitespace-pre-line text-sm">{entry.note}</p>}
        </li>
      ))}
    </ol>
  );
}
