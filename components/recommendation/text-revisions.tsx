import { formatDateTime } from '@/lib/format';
import type { TextRevision } from '@/lib/recommendations/get-recommendation';

/** Corrections of the text, newest first, each with the wording it replaced. */
export function TextRevisions({ revisions }: { revisions: TextRevision[] }) {
  if (revisions.length === 0) return null;
  return (
    <div className="space-y-2">
      <h3 className="font-semibold">Corrections</h3>
      <ol className="space-y-2" aria-label="Text corrections, newest first">
        {[...revisions].reverse().map((revision) => (
          <li key={revision.id} className="rounded-md border border-border bg-surface p-3 text-sm print:break-inside-avoid">
            <p>
              Corrected {formatDateTime(revision.recordedAt)} by {revision.author?.name ?? 'the system'}
              {revision.reason && <>: {revision.reason}</>}
            </p>
            <details className="mt-1">
              <summary className="cursor-pointer text-muted">Earlier wording</summary>
              {revision.fromTitle !== revision.toTitle && <p className="mt-2 font-medium">{revision.fromTitle}</p>}
              <blockquote className="mt-2 whitespace-pre-line border-l-4 border-border pl-3">{revision.fromText}</blockquote>
            </details>
          </li>
        ))}
      </ol>
    </div>
  );
}
