import { Markdown, safeUrl } from '@/lib/markdown/markdown';
import { formatDate, formatDateTime } from '@/lib/format';
import { toDateOnly } from '@/lib/dates';
import type { EvidenceEntry } from '@/lib/recommendations/get-recommendation';
import { EvidenceControls } from './evidence-controls';

type Props = {
  evidence: EvidenceEntry[];
  /** Whether the viewer may change a given note (their own as editor, any as admin). */
  canChange: (note: EvidenceEntry) => boolean;
  today: string;
};

export function EvidenceList({ evidence, canChange, today }: Props) {
  if (evidence.length === 0) return <p className="text-muted">No evidence recorded yet.</p>;
  return (
    <ul className="space-y-3">
      {evidence.map((note) => {
        const label = `evidence of ${formatDate(note.evidenceDate)}`;
        const href = note.sourceUrl ? safeUrl(note.sourceUrl) : undefined;
        return (
          <li key={note.id}>
            <article
              id={`evidence-${note.id}`}
              aria-label={`Evidence, ${formatDate(note.evidenceDate)}`}
              className="scroll-mt-24 space-y-2 rounded-md border border-border bg-surface p-3 print:break-inside-avoid"
            >
              <header className="flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
                <span className="font-medium">{formatDate(note.evidenceDate)}</span>
                {(note.sourceTitle || href) && (
                  <span className="min-w-0 break-words">
                    Source:{' '}
                    {href ? (
                      <a href={href} rel="noopener noreferrer nofollow" className="underline">
                        {note.sourceTitle || note.sourceUrl}
                      </a>
                    ) : (
                      note.sourceTitle
                    )}
                  </span>
                )}
              </header>
              <Markdown source={note.body} className="text-sm" />
              <p className="text-xs text-muted">
                Added by {note.author?.name ?? 'the system'}
                {note.version > 1 && <>, edited {formatDateTime(note.updatedAt)}</>}
              </p>
              {canChange(note) && (
                <div className="print:hidden">
                  <EvidenceControls
                    today={today}
                    note={{
                      id: note.id,
                      version: note.version,
                      body: note.body,
                      evidenceDate: toDateOnly(note.evidenceDate),
                      sourceTitle: note.sourceTitle,
                      sourceUrl: note.sourceUrl,
                      label,
                    }}
                  />
                </div>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
