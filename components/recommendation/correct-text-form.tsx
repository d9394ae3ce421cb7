'use client';

import { correctTextAction } from '@/app/(app)/recommendations/[code]/actions';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { REASON_MAX, RECOMMENDATION_TEXT_MAX, RECOMMENDATION_TITLE_MAX } from '@/lib/validations/recommendation';

/** Corrects the title and text; the earlier wording stays in the item's history. */
export function CorrectTextForm({ recommendationId, version, title, text }: { recommendationId: string; version: number; title: string; text: string }) {
  const { state, action, pending, onSubmit } = useKeptForm(correctTextAction);
  useActionToast(state);
  const errors = state.errors ?? {};
  return (
    // Keyed by version: after a save the fields start again from the stored text.
    <form key={version} action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Correct the text">
      <FormMessage state={state} announced />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <TextField id="correct-title" name="title" label="Short title" defaultValue={title} maxLength={RECOMMENDATION_TITLE_MAX} errors={errors.title} required />
      <TextAreaField
        id="correct-text"
        name="text"
        label="Text"
        rows={6}
        defaultValue={text}
        maxLength={RECOMMENDATION_TEXT_MAX}
        errors={errors.text}
        required
      />
      <TextField
        id="correct-reason"
        name="reason"
        label="What was wrong (optional)"
        maxLength={REASON_MAX}
        hint="E.g. “typing error”, “a line of the report was missed”."
        errors={errors.reason}
      />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save correction'}
      </Button>
    </form>
  );
}
