import Link from 'next/link';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { AuditLogPage } from '@/lib/audit/list-audit-log';

function ChangeBlock({ label, json }: { label: string; json: string | null }) {
  return (
    <div className="min-w-0 space-y-1">
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</p>
      {json === null ? (
        <p className="text-muted">—</p>
      ) : (
        <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-all rounded-md bg-surface-muted p-2 font-mono text-xs">{json}</pre>
      )}
    </div>
  );
}

/** The entries of one page; before/after JSON is folded away until asked for. */
export function AuditTable({ page, entityHref }: { page: AuditLogPage; entityHref: (entityType: string, entityId: string) => string }) {
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.entries.length - 1;
  return (
    <div
      role="region"
      aria-label="Audit log table (scrolls sideways on narrow screens)"
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-border bg-surface"
    >
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="p-3 text-left text-muted">
          {page.entries.length === 0
            ? 'No entries match.'
            : `Entries ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(page.total)}, newest first.`}
        </caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className="p-3 font-medium">
              When
            </th>
            <th scope="col" className="p-3 font-medium">
              Who
            </th>
            <th scope="col" className="p-3 font-medium">
              Action
            </th>
            <th scope="col" className="p-3 font-medium">
              Record
            </th>
            <th scope="col" className="p-3 font-medium">
              Change
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {page.entries.map((entry) => (
            <tr key={entry.id} className="align-top">
              <th scope="row" className="p-3 font-normal whitespace-nowrap">
                <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
              </th>
              <td className="p-3 break-all">{entry.actorLabel}</td>
              <td className="p-3 font-mono text-xs">{entry.action}</td>
              <td className="p-3">
                <span className="block">{entry.entityType}</span>
                {entry.entityId && (
                  <>
                    <span className="block break-all font-mono text-xs text-muted">{entry.entityId}</span>
                    <Link href={entityHref(entry.entityType, entry.entityId)} className="text-xs">
                      All entries for this record
                    </Link>
                  </>
                )}
              </td>
              <td className="w-[40%] p-3">
                {entry.before === null && entry.after === null ? (
                  <span className="text-muted">No details</span>
                ) : (
                  <details>
                    <summary className="cursor-pointer font-medium text-accent">
                      Before and after
                      <span className="sr-only">
                        {' '}
                        for {entry.action} at {formatDateTime(entry.createdAt)}
                      </span>
                    </summary>
                    <div className="mt-2 grid gap-2 md:grid-cols-2">
                      <ChangeBlock label="Before" json={entry.before} />
                      <ChangeBlock label="After" json={entry.after} />
                    </div>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
