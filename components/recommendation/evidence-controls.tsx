'use client';

import { editEvidenceAction, removeEvidenceAction } from '@/app/(app)/recommendations/[code]/actions';
import { Button } from '@/components/ui/button';
import { useActionToast, useToastedAction } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { EvidenceFields } from './evidence-fields';
import { useKeptForm } from '@/components/ui/use-kept-form';

export type EditableEvidence = {
  id: string;
  version: number;
  body: string;
  evidenceDate: string;
  sourceTitle: string | null;
  sourceUrl: string | null;
  /** How the note is named to screen readers, e.g. "evidence of 3 Mar 2024". */
  label: string;
};

/** Edit and remove controls for one evidence note, shown only to those allowed to change it. */
export function EvidenceControls({ note, today }: { note: EditableEvidence; today: string }) {
  const { state: editState, action: editAction, pending: editing, onSubmit: onEdit } = useKeptForm(editEvidenceAction);
  const {
    state: removeState,
    action: removeAction,
    pending: removing,
    onSubmit: onRemove,
  } = useKeptForm(useToastedAction(removeEvidenceAction, { successTitle: 'Removed' }), () =>
    window.confirm(`Remove the ${note.label}? It disappears from this page; the audit log keeps its text.`),
  );
  useActionToast(editState);
  // A failed save keeps the editor open, with what was typed.
  const keepOpen = Boolean(editState.message && !editState.ok);

  return (
    <div className="space-y-2">
      <FormMessage state={removeState} announced />
      <div className="flex flex-wrap items-start gap-2">
        <details className="min-w-0 flex-1" open={keepOpen || undefined}>
          <summary className="cursor-pointer text-sm font-medium text-accent">
            Edit<span className="sr-only"> the {note.label}</span>
          </summary>
          <form action={editAction} onSubmit={onEdit} className="mt-3 space-y-4" noValidate aria-label={`Edit the ${note.label}`}>
            <FormMessage state={editState} announced />
            <input type="hidden" name="evidenceId" value={note.id} />
            <input type="hidden" name="expectedVersion" value={note.version} />
            <EvidenceFields
              idPrefix={`evidence-${note.id}`}
              defaults={{ body: note.body, evidenceDate: note.evidenceDate, sourceTitle: note.sourceTitle ?? '', sourceUrl: note.sourceUrl ?? '' }}
              state={editState.ok ? {} : editState}
              today={today}
            />
            <Button type="submit" disabled={editing}>
              {editing ? 'Saving…' : 'Save evidence'}
            </Button>
          </form>
        </details>
        <form action={removeAction} onSubmit={onRemove}>
          <input type="hidden" name="evidenceId" value={note.id} />
          <Button type="submit" variant="danger" disabled={removing}>
            Remove<span className="sr-only"> the {note.label}</span>
          </Button>
        </form>
      </div>
    </div>
  );
}
