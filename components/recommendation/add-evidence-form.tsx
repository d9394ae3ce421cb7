'use client';

import { useEffect, useRef } from 'react';
import { addEvidenceAction } from '@/app/(app)/recommendations/[code]/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { EvidenceFields } from './evidence-fields';
import { useKeptForm } from './use-kept-form';

export function AddEvidenceForm({ recommendationId, today }: { recommendationId: string; today: string }) {
  const { state, action, pending, onSubmit } = useKeptForm(addEvidenceAction);
  const form = useRef<HTMLFormElement>(null);
  // Cleared once saved, ready for the next note.
  useEffect(() => {
    if (state.ok) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add evidence">
      <FormMessage state={state} />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <EvidenceFields idPrefix="new-evidence" defaults={{ evidenceDate: today }} state={state} today={today} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add evidence'}
      </Button>
    </form>
  );
}
