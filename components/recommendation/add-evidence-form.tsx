'use client';

import { useEffect, useRef } from 'react';
import { addEvidenceAction } from '@/app/(app)/recommendations/[code]/actions';
import { Button } from '@/components/ui/button';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { EvidenceFields } from './evidence-fields';
import { useKeptForm } from '@/components/ui/use-kept-form';

export function AddEvidenceForm({ recommendationId, today }: { recommendationId: string; today: string }) {
  const { state, action, pending, onSubmit } = useKeptForm(addEvidenceAction);
  useActionToast(state);
  const form = useRef<HTMLFormElement>(null);
  // Cleared once saved, ready for the next note.
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add evidence">
      <FormMessage state={state} announced />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <EvidenceFields idPrefix="new-evidence" defaults={{ evidenceDate: today }} state={state} today={today} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add evidence'}
      </Button>
    </form>
  );
}
