'use client';

import { useActionState, useState } from 'react';
import { mergeTermsAction } from '@/app/(app)/admin/vocabulary/actions';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';
import { TERM_KIND_LABEL, type TermKind } from '@/lib/validations/taxonomy';

type Term = { id: string; name: string; primaryCount: number; linkCount: number };

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function summary(kind: TermKind, source: Term | undefined, target: Term | undefined): string {
  const label = TERM_KIND_LABEL[kind];
  if (!source || !target) return `Choose the ${label.one} to merge away and the ${label.one} to keep.`;
  if (source.id === target.id) return `Choose two different ${label.many}.`;
  const total = source.primaryCount + source.linkCount;
  const moving = kind === 'theme' && total > 0 ? ` (${source.primaryCount} as primary theme, ${source.linkCount} as secondary theme)` : '';
  return `${count(total, 'recommendation')} will move from “${source.name}” to “${target.name}”${moving}. Where an item already has “${target.name}”, it is listed once. “${source.name}” will be kept as merged and hidden from forms and filters.`;
}

/** Pick a term to merge away and one to keep; the form says what will move before anything does. */
export function MergeTermsForm({ kind, terms }: { kind: TermKind; terms: Term[] }) {
  const [sourceId, setSourceId] = useState('');
  const [targetId, setTargetId] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [state, action, pending] = useActionState<ActionState, FormData>(async (previous, formData) => {
    const result = await mergeTermsAction(previous, formData);
    if (result.ok) {
      setSourceId('');
      setTargetId('');
      setConfirmed(false);
    }
    return result;
  }, {});
  useActionToast(state, { successTitle: 'Merged' });
  const label = TERM_KIND_LABEL[kind];
  const byId = new Map(terms.map((term) => [term.id, term]));
  const source = byId.get(sourceId);
  const target = byId.get(targetId);
  const options = (placeholder: string) => [{ value: '', label: placeholder }, ...terms.map((term) => ({ value: term.id, label: term.name }))];
  const confirmErrors = state.errors?.confirm;

  if (terms.length < 2) return <p className="text-sm text-muted">Merging needs at least two {label.many}.</p>;

  return (
    <div className="space-y-4">
      <FormMessage state={state} announced />
      <form action={action} className="space-y-4" noValidate aria-label={`Merge two ${label.many}`}>
        <input type="hidden" name="kind" value={kind} />
        <SelectField
          id="merge-source"
          name="sourceId"
          label={`${label.One} to merge away`}
          options={options(`Choose a ${label.one}…`)}
          value={sourceId}
          onChange={(event) => setSourceId(event.target.value)}
          errors={state.errors?.sourceId}
        />
        <SelectField
          id="merge-target"
          name="targetId"
          label={`${label.One} to keep`}
          options={options(`Choose a ${label.one}…`)}
          value={targetId}
          onChange={(event) => setTargetId(event.target.value)}
          errors={state.errors?.targetId}
        />
        <p id="merge-summary" aria-live="polite" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
          {summary(kind, source, target)}
        </p>
        <div className="space-y-1">
          <div className="flex items-start gap-2">
            <input
              type="checkbox"
              id="merge-confirm"
              name="confirm"
              value="yes"
              checked={confirmed}
              onChange={(event) => setConfirmed(event.target.checked)}
              aria-describedby={`merge-summary${confirmErrors?.length ? ' merge-confirm-error' : ''}`}
              aria-invalid={confirmErrors?.length ? true : undefined}
              className="mt-1 h-4 w-4"
            />
            <label htmlFor="merge-confirm" className="text-sm">
              I understand that this moves every reference and cannot be undone from this page.
            </label>
          </div>
          <div id="merge-confirm-error" aria-live="polite" className="text-sm text-danger">
            {confirmErrors?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? 'Merging…' : source && target && source.id !== target.id ? `Merge “${source.name}” into “${target.name}”` : 'Merge'}
        </Button>
      </form>
    </div>
  );
}
