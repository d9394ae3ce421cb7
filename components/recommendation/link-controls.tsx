'use client';

import { useEffect, useRef } from 'react';
import { addLinkAction, removeLinkAction } from '@/app/(app)/recommendations/[code]/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useActionToast, useToastedAction } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { useKeptForm } from '@/components/ui/use-kept-form';

export function AddLinkForm({ recommendationId }: { recommendationId: string }) {
  const { state, action, pending, onSubmit } = useKeptForm(addLinkAction);
  useActionToast(state);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Link a related recommendation">
      <FormMessage state={state} announced />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <TextField
        id="link-target-code"
        name="targetCode"
        label="Code of the related recommendation"
        placeholder="2015-R03"
        autoComplete="off"
        defaultValue={state.values?.targetCode}
        errors={state.errors?.targetCode}
        required
      />
      <TextField
        id="link-note"
        name="note"
        label="Why they are related (optional)"
        maxLength={500}
        defaultValue={state.values?.note}
        errors={state.errors?.note}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Linking…' : 'Add link'}
      </Button>
    </form>
  );
}

export function RemoveLinkButton({ linkId, otherCode }: { linkId: string; otherCode: string }) {
  const removeLink = useToastedAction(removeLinkAction, { successTitle: 'Removed' });
  const { state, action, pending, onSubmit } = useKeptForm(removeLink, () => window.confirm(`Remove the link to ${otherCode}?`));
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="linkId" value={linkId} />
      <Button type="submit" variant="danger" disabled={pending} className="min-h-8 px-2 py-1 text-xs">
        Remove<span className="sr-only"> the link to {otherCode}</span>
      </Button>
      {state.message && !state.ok && <p className="text-xs text-danger">{state.message}</p>}
    </form>
  );
}
