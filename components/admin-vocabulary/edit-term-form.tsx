'use client';

import { useActionState } from 'react';
import { updateTermAction } from '@/app/(app)/admin/vocabulary/actions';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';
import type { VocabularyTerm } from '@/lib/taxonomy/list-vocabulary';
import { TERM_DESCRIPTION_MAX, TERM_NAME_MAX, type TermKind } from '@/lib/validations/taxonomy';

type Props = { kind: TermKind; term: Pick<VocabularyTerm, 'id' | 'name' | 'description' | 'color' | 'updatedAt'> };

/** Rename, recolour or re-describe one term, in place. */
export function EditTermForm({ kind, term }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateTermAction, {});
  useActionToast(state);
  // Open while there is something to correct: the refusal, with the typed values.
  const answered = Boolean(state.message && !state.ok);
  const prefix = `term-${term.id}`;
  return (
    <details open={answered || undefined} className="min-w-[16rem]">
      <summary className="cursor-pointer rounded-md py-2 font-medium text-accent">
        Edit<span className="sr-only"> {term.name}</span>
      </summary>
      <div className="mt-2 space-y-3">
        <FormMessage state={state} announced />
        {/* Keyed by updatedAt: after a save the fields start again from the stored values. */}
        <form key={term.updatedAt} action={action} className="space-y-3" noValidate aria-label={`Edit ${term.name}`}>
          <input type="hidden" name="kind" value={kind} />
          <input type="hidden" name="id" value={term.id} />
          <input type="hidden" name="expectedUpdatedAt" value={term.updatedAt} />
          <TextField
            id={`${prefix}-name`}
            name="name"
            label="Name"
            defaultValue={state.values?.name ?? term.name}
            maxLength={TERM_NAME_MAX}
            errors={state.errors?.name}
            required
          />
          <TextAreaField
            id={`${prefix}-description`}
            name="description"
            label="Description (optional)"
            rows={3}
            defaultValue={state.values?.description ?? term.description ?? ''}
            maxLength={TERM_DESCRIPTION_MAX}
            errors={state.errors?.description}
          />
          <TextField
            id={`${prefix}-color`}
            name="color"
            label="Colour"
            type="color"
            hint="Used in charts and badges."
            defaultValue={state.values?.color ?? term.color.toLowerCase()}
            errors={state.errors?.color}
            className="mt-1 block h-10 w-20 rounded-md border border-border bg-surface p-1"
          />
          {state.errors?.expectedUpdatedAt && (
            <p className="text-sm text-danger" role="alert">
              {state.errors.expectedUpdatedAt.join(' ')}
            </p>
          )}
          <Button type="submit" disabled={pending}>
            {pending ? 'Saving…' : 'Save'}
            <span className="sr-only"> {term.name}</span>
          </Button>
        </form>
      </div>
    </details>
  );
}
