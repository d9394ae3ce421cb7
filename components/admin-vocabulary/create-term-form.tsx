'use client';

import { useActionState } from 'react';
import { createTermAction } from '@/app/(app)/admin/vocabulary/actions';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';
import { TERM_DESCRIPTION_MAX, TERM_KIND_LABEL, TERM_NAME_MAX, type TermKind } from '@/lib/validations/taxonomy';

const DEFAULT_COLOR = '#4478ab';

export function CreateTermForm({ kind }: { kind: TermKind }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createTermAction, {});
  useActionToast(state);
  const label = TERM_KIND_LABEL[kind];
  return (
    <div className="space-y-4">
      <FormMessage state={state} announced />
      <form action={action} className="space-y-4" noValidate aria-label={`Add a ${label.one}`}>
        <input type="hidden" name="kind" value={kind} />
        <TextField
          id="new-term-name"
          name="name"
          label="Name"
          hint={`Unique among ${label.many}, ignoring upper and lower case. At most ${TERM_NAME_MAX} characters.`}
          defaultValue={state.values?.name}
          maxLength={TERM_NAME_MAX}
          errors={state.errors?.name}
          required
        />
        <TextAreaField
          id="new-term-description"
          name="description"
          label="Description (optional)"
          rows={3}
          defaultValue={state.values?.description}
          maxLength={TERM_DESCRIPTION_MAX}
          errors={state.errors?.description}
        />
        <TextField
          id="new-term-color"
          name="color"
          label="Colour"
          type="color"
          hint="Used in charts and badges; pick one that stands apart from the others."
          defaultValue={state.values?.color ?? DEFAULT_COLOR}
          errors={state.errors?.color}
          className="mt-1 block h-10 w-20 rounded-md border border-border bg-surface p-1"
        />
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : `Add ${label.one}`}
        </Button>
      </form>
    </div>
  );
}
