import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';
import { formatDateTime, formatNumber } from '@/lib/format';
import type { AuditLogEntry, AuditLogPage } from '@/lib/audit/list-audit-log';
import { sentenceText, type FieldChange, type SentencePart } from '@/lib/audit/describe-audit-entry';

/**
 * Text with break opportunities after the slashes of a web address, before the @ of an email and
 * between the parts of an IP address, so addresses wrap between their parts rather than mid-word.
 */
export function Breakable({ text }: { text: string }) {
  const pieces = text.split(/(?<=[/?&])|(?=@)|(?<=\.)(?=\d)/);
  return (
    <>
      {pieces.map((piece, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {piece}
        </Fragment>
      ))}
    </>
  );
}

function Sentence({ parts }: { parts: SentencePart[] }) {
  return (
    <p className="break-words">
      {parts.map((part, index) =>
        typeof part === 'string' ? (
          <Breakable key={index} text={part} />
        ) : (
          <Link key={index} href={part.href} className={part.href.startsWith('/recommendations/') ? 'whitespace-nowrap font-medium' : 'font-medium'}>
            {part.text}
          </Link>
        ),
      )}
      .
    </p>
  );
}

const shown = (value: string | null): ReactNode =>
  value === null || value === '' ? (
    <span className="text-muted">none</span>
  ) : /^https?:\/\/\S+$/.test(value) ? (
    <a href={value} rel="noopener noreferrer">
      <Breakable text={value} />
    </a>
  ) : (
    <Breakable text={value} />
  );

function Changes({ changes }: { changes: FieldChange[] }) {
  if (changes.length === 0) return null;
  return (
    <dl className="mt-2 grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
      {changes.map((change, index) => (
        <div key={index} className="contents">
          <dt className="font-medium text-muted">{change.field}</dt>
          <dd
            className={
              (change.from !== null && change.to !== null) || /^https?:/.test(change.to ?? change.from ?? '') ? 'break-words' : 'line-clamp-6 break-words'
            }
          >
            {change.from !== null && change.to !== null ? (
              <>
                {shown(change.from)} <span aria-hidden="true">→</span>
                <span className="sr-only">changed to</span> {shown(change.to)}
              </>
            ) : change.from !== null ? (
              <>
                <span className="sr-only">was </span>
                {shown(change.from)}
              </>
            ) : (
              shown(change.to)
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Recorded({ entry, entityHref }: { entry: AuditLogEntry; entityHref: (entityType: string, entityId: string) => string }) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-accent">
        Recorded data<span className="sr-only"> for: {sentenceText(entry.sentence)}</span>
      </summary>
      <div className="mt-2 space-y-2">
        <p>
          Action <code className="font-mono text-xs">{entry.action}</code> on a {entry.entityType.replace(/_/g, ' ')}
          {entry.entityId && (
            <>
              {' '}
              (<code className="font-mono text-xs">{entry.entityId}</code>,{' '}
              <Link href={entityHref(entry.entityType, entry.entityId)}>all entries for this record</Link>)
            </>
          )}
          {entry.actorId === null || entry.actorLabel.includes('@') ? (
            <>
              , by <Breakable text={entry.actorLabel} />
            </>
          ) : null}
          {entry.ip && (
            <>
              , from <Breakable text={entry.ip} />
            </>
          )}
          .
        </p>
        <div className="grid gap-2 md:grid-cols-2">
          <JsonBlock label="Before" json={entry.before} />
          <JsonBlock label="After" json={entry.after} />
        </div>
      </div>
    </details>
  );
}

function JsonBlock({ label, json }: { label: string; json: string | null }) {
  return (
    <div className="min-w-0 space-y-1">
      <p className="text-xs font-semibold uppercase tracking-wide text-muted">{label}</p>
      {json === null ? (
        <p className="text-muted">—</p>
      ) : (
        <pre className="max-h-96 overflow-auto whitespace-pre-wrap break-words rounded-md bg-surface-muted p-2 font-mono text-xs">{json}</pre>
      )}
    </div>
  );
}

/** The entries of one page, each a sentence with the fields it changed; the recorded JSON one click away. */
export function AuditTable({ page, entityHref }: { page: AuditLogPage; entityHref: (entityType: string, entityId: string) => string }) {
  const first = (page.page - 1) * page.pageSize + 1;
  const last = first + page.entries.length - 1;
  return (
    <div className="rounded-lg border border-border bg-surface">
      <table className="w-full table-fixed text-left text-sm">
        <caption className="p-3 text-left text-muted">
          {page.entries.length === 0
            ? 'No entries match.'
            : `Entries ${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(page.total)}, newest first.`}
        </caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className="w-28 p-3 font-medium sm:w-44">
              When
            </th>
            <th scope="col" className="p-3 font-medium">
              What happened
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {page.entries.map((entry) => (
            <tr key={entry.id} className="align-top">
              <th scope="row" className="p-3 font-normal">
                <time dateTime={entry.createdAt.toISOString()}>{formatDateTime(entry.createdAt)}</time>
              </th>
              <td className="min-w-0 p-3">
                <Sentence parts={entry.sentence} />
                <Changes changes={entry.changes} />
                <Recorded entry={entry} entityHref={entityHref} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
