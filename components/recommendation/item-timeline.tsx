import Link from 'next/link';
import type { ReactNode } from 'react';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate, formatDateTime } from '@/lib/format';
import type { FieldChange, FieldValue, TimelineEntry, TimelineKind } from '@/lib/recommendations/get-item-timeline';
import { STATUS_LABEL } from '@/lib/status/status';

const FIELD_LABEL: Record<FieldChange['field'], string> = {
  priority: 'Priority',
  primaryTheme: 'Primary theme',
  secondaryThemes: 'Secondary themes',
  sectors: 'Owner sectors',
  targetDate: 'Target date',
};

/** What each kind of entry is called, on its first line. */
const KIND_LABEL: Record<TimelineKind, string> = {
  status: 'Status',
  evidence: 'Evidence added',
  'evidence-edited': 'Evidence edited',
  'evidence-removed': 'Evidence removed',
  fields: 'Details changed',
  merged: 'Vocabulary merged',
  text: 'Text corrected',
  withdrawn: 'Withdrawn',
  restored: 'Restored',
  linked: 'Linked',
  unlinked: 'Link removed',
};

function valueText(value: FieldValue): string {
  if (value === null) return 'none';
  return 'date' in value ? formatDate(value.date) : value.names.join(', ');
}

function FieldChanges({ changes }: { changes: FieldChange[] }) {
  return (
    <ul className="mt-1 space-y-0.5 text-sm">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="font-medium">{FIELD_LABEL[change.field]}</span>: {valueText(change.from)} <span aria-hidden="true">→</span>
          <span className="sr-only">to</span> {valueText(change.to)}
        </li>
      ))}
    </ul>
  );
}

const CHANGED_PART: Record<'date' | 'source' | 'text', string> = { date: 'its date', source: 'its source', text: 'its text' };

/** The body of one entry, by kind. A new kind of entry adds its case here and its label above. */
function EntryBody({ entry }: { entry: TimelineEntry }): ReactNode {
  switch (entry.kind) {
    case 'status':
      return (
        <>
          <p className="flex flex-wrap items-center gap-1 text-sm">
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
            {entry.fromStatus && (
              <span className="sr-only">
                : from {STATUS_LABEL[entry.fromStatus]} to {STATUS_LABEL[entry.toStatus]}
              </span>
            )}
          </p>
          {entry.note && <p className="mt-1 whitespace-pre-line text-sm">{entry.note}</p>}
        </>
      );
    case 'evidence':
      return (
        <p className="mt-1 min-w-0 break-words text-sm">
          {entry.sourceTitle && <span className="font-medium">{entry.sourceTitle}: </span>}
          {entry.excerpt}{' '}
          {entry.removed ? (
            <span className="text-muted">(since removed)</span>
          ) : (
            <a href={`#evidence-${entry.evidenceId}`} className="underline">
              Read it<span className="sr-only"> (evidence of {formatDate(entry.evidenceDate)})</span>
            </a>
          )}
        </p>
      );
    case 'evidence-edited':
      return (
        <p className="mt-1 text-sm">
          The evidence of {formatDate(entry.evidenceDate)}
          {entry.changed.length ? `: ${entry.changed.map((part) => CHANGED_PART[part]).join(', ')} changed.` : '.'}
        </p>
      );
    case 'evidence-removed':
      return (
        <p className="mt-1 min-w-0 break-words text-sm">
          The evidence of {formatDate(entry.evidenceDate)}: <span className="text-muted">{entry.excerpt}</span>
        </p>
      );
    case 'fields':
      return (
        <>
          <FieldChanges changes={entry.changes} />
          {entry.bulk && <p className="mt-1 text-xs text-muted">Changed with several others at once.</p>}
        </>
      );
    case 'merged':
      return (
        <p className="mt-1 text-sm">
          The {entry.what} “{entry.from}” was merged into “{entry.to}”.
        </p>
      );
    case 'text':
      return (
        <>
          {entry.reason && <p className="mt-1 text-sm">{entry.reason}</p>}
          <details className="mt-1 text-sm">
            <summary className="cursor-pointer text-muted">Earlier wording</summary>
            {entry.titleChanged && <p className="mt-2 font-medium">{entry.fromTitle}</p>}
            <blockquote className="mt-2 whitespace-pre-line border-l-4 border-border pl-3">{entry.fromText}</blockquote>
          </details>
        </>
      );
    case 'withdrawn':
    case 'restored':
      return entry.reason ? <p className="mt-1 text-sm">{entry.reason}</p> : null;
    case 'linked':
    case 'unlinked':
      return (
        <p className="mt-1 text-sm">
          {entry.kind === 'linked' ? 'Linked to ' : 'No longer linked to '}
          <Link href={`/recommendations/${encodeURIComponent(entry.otherCode)}`} className="font-mono underline">
            {entry.otherCode}
          </Link>
        </p>
      );
  }
}

/** The day shown first: a status change's effective date, evidence's date, or the day it was recorded. */
function recordedLine(entry: TimelineEntry): string {
  return `Recorded ${formatDateTime(entry.at)} by ${entry.by}`;
}

/**
 * Every change to the item, newest first: status changes, evidence, its details (priority, themes,
 * owner sectors, target date), text corrections, withdrawal, links; each with who recorded it and
 * when. Server-rendered; readable by anyone who may read the item.
 */
export function ItemTimeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <p className="text-muted">Nothing recorded yet.</p>;
  return (
    <ol className="relative space-y-3 border-l-2 border-border pl-4" aria-label="History, newest first">
      {entries.map((entry) => (
        <li
          key={`${entry.kind}-${entry.id}`}
          data-kind={entry.kind}
          className="relative rounded-md border border-border bg-surface p-3 print:break-inside-avoid"
        >
          <span aria-hidden="true" className="absolute top-4 -left-[1.4rem] h-2.5 w-2.5 rounded-full border-2 border-border bg-surface" />
          <p className="flex flex-wrap items-baseline gap-x-2">
            <span className="font-medium">{formatDate(entry.day)}</span>
            <span className="text-sm font-semibold">{KIND_LABEL[entry.kind]}</span>
          </p>
          <EntryBody entry={entry} />
          <p className="mt-1 text-xs text-muted">{recordedLine(entry)}</p>
        </li>
      ))}
    </ol>
  );
}
