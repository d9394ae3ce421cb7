'use client';

import { useEffect, useRef, useState } from 'react';
import { addRecommendationAction } from '@/app/(app)/seminars/actions';
import { CheckboxGroup } from '@/components/recommendation/edit-fields-form';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { PRIORITIES, PRIORITY_LABEL } from '@/lib/status/status';
import { RECOMMENDATION_TEXT_MAX, RECOMMENDATION_TITLE_MAX } from '@/lib/validations/recommendation';

type Option = { id: string; name: string };

const PRIORITY_OPTIONS = PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABEL[priority] }));

/**
 * One recommendation of a seminar. After it is added the form empties for the next one; a refused
 * one keeps everything typed and chosen.
 */
export function AddRecommendationForm({ seminarId, nextCode, themes, sectors }: { seminarId: string; nextCode: string; themes: Option[]; sectors: Option[] }) {
  const { state, action, pending, onSubmit } = useKeptForm(addRecommendationAction);
  const form = useRef<HTMLFormElement>(null);
  const [sectorIds, setSectorIds] = useState<string[]>([]);
  const errors = state.errors ?? {};
  // After an item is added the form starts again empty: the sector choice with the answer itself
  // (React's "adjust state when a prop changes"), the DOM's fields and focus in an effect.
  const [answered, setAnswered] = useState(state);
  if (answered !== state) {
    setAnswered(state);
    if (state.ok) setSectorIds([]);
  }
  useEffect(() => {
    if (!state.ok) return;
    form.current?.reset();
    document.getElementById('field-text')?.focus();
  }, [state]);

  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      <form ref={form} action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Add a recommendation">
        <input type="hidden" name="seminarId" value={seminarId} />
        <TextAreaField
          name="text"
          label="Text"
          rows={6}
          maxLength={RECOMMENDATION_TEXT_MAX}
          hint={`As the report words it. It will be ${nextCode}.`}
          errors={errors.text}
          required
        />
        <TextField
          name="title"
          label="Short title (optional)"
          maxLength={RECOMMENDATION_TITLE_MAX}
          hint="Left blank, the text’s first sentence is used."
          errors={errors.title}
        />
        <SelectField
          name="primaryThemeId"
          label="Primary theme"
          options={[{ value: '', label: 'Choose a theme' }, ...themes.map((theme) => ({ value: theme.id, label: theme.name }))]}
          errors={errors.primaryThemeId}
          required
        />
        <CheckboxGroup
          name="sectorIds"
          legend="Owner sectors"
          hint="Who is expected to act on it."
          options={sectors}
          selected={sectorIds}
          onToggle={(id) => setSectorIds((list) => (list.includes(id) ? list.filter((entry) => entry !== id) : [...list, id]))}
          errors={errors.sectorIds}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="priority" label="Priority" options={PRIORITY_OPTIONS} defaultValue="MEDIUM" errors={errors.priority} />
          <TextField name="targetDate" label="Target date (optional)" type="date" errors={errors.targetDate} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add recommendation'}
        </Button>
      </form>
    </div>
  );
}
