'use client';

import { useState } from 'react';
import { updateRecommendationAction } from '@/app/(app)/recommendations/[code]/actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { PRIORITIES, PRIORITY_LABEL } from '@/lib/status/status';

type Option = { id: string; name: string };

type Props = {
  recommendationId: string;
  version: number;
  themes: Option[];
  sectors: Option[];
  current: { primaryThemeId: string; secondaryThemeIds: string[]; sectorIds: string[]; priority: string; targetDate: string };
};

const PRIORITY_OPTIONS = PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABEL[priority] }));

export function CheckboxGroup({
  name,
  legend,
  options,
  selected,
  onToggle,
  errors,
  hint,
}: {
  name: string;
  legend: string;
  options: Option[];
  selected: string[];
  onToggle: (id: string) => void;
  errors?: string[];
  hint?: string;
}) {
  const errorId = `${name}-error`;
  const hintId = `${name}-hint`;
  return (
    <fieldset className="space-y-2" aria-describedby={[hint ? hintId : '', errors?.length ? errorId : ''].join(' ').trim() || undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {/* Sent even when nothing is ticked, so "none" is a choice rather than "unchanged". */}
      <input type="hidden" name={name} value="" />
      <div className="grid gap-1 sm:grid-cols-2">
        {options.map((option) => {
          const id = `${name}-${option.id}`;
          return (
            <div key={option.id} className="flex items-start gap-2">
              <input
                type="checkbox"
                id={id}
                name={name}
                value={option.id}
                checked={selected.includes(option.id)}
                onChange={() => onToggle(option.id)}
                className="mt-1 h-4 w-4"
              />
              <label htmlFor={id} className="text-sm">
                {option.name}
              </label>
            </div>
          );
        })}
      </div>
      <div id={errorId} aria-live="polite" className="text-sm text-danger">
        {errors?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </fieldset>
  );
}

/** Themes, owner sectors, priority and target date. Controlled, so a refused save keeps every choice. */
export function EditFieldsForm({ recommendationId, version, themes, sectors, current }: Props) {
  const { state, action, pending, onSubmit } = useKeptForm(updateRecommendationAction);
  useActionToast(state);
  const [primaryThemeId, setPrimaryThemeId] = useState(current.primaryThemeId);
  const [secondaryThemeIds, setSecondaryThemeIds] = useState(current.secondaryThemeIds);
  const [sectorIds, setSectorIds] = useState(current.sectorIds);
  const [priority, setPriority] = useState(current.priority);
  const [targetDate, setTargetDate] = useState(current.targetDate);
  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((entry) => entry !== id) : [...list, id]);
  const errors = state.errors ?? {};

  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Edit the details">
      <FormMessage state={state} announced />
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <SelectField
        name="primaryThemeId"
        label="Primary theme"
        options={themes.map((theme) => ({ value: theme.id, label: theme.name }))}
        value={primaryThemeId}
        onChange={(event) => setPrimaryThemeId(event.target.value)}
        errors={errors.primaryThemeId}
        required
      />
      <CheckboxGroup
        name="secondaryThemeIds"
        legend="Secondary themes"
        options={themes.filter((theme) => theme.id !== primaryThemeId)}
        selected={secondaryThemeIds}
        onToggle={(id) => setSecondaryThemeIds((list) => toggle(list, id))}
        errors={errors.secondaryThemeIds}
      />
      <CheckboxGroup
        name="sectorIds"
        legend="Owner sectors"
        hint="At least one: who is expected to act on it."
        options={sectors}
        selected={sectorIds}
        onToggle={(id) => setSectorIds((list) => toggle(list, id))}
        errors={errors.sectorIds}
      />
      <SelectField
        name="priority"
        label="Priority"
        options={PRIORITY_OPTIONS}
        value={priority}
        onChange={(event) => setPriority(event.target.value)}
        errors={errors.priority}
      />
      <TextField
        name="targetDate"
        label="Target date (optional)"
        type="date"
        value={targetDate}
        onChange={(event) => setTargetDate(event.target.value)}
        hint="Past this date, and not yet implemented or no longer relevant, it shows as overdue. Leave blank for none."
        errors={errors.targetDate}
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save details'}
      </Button>
    </form>
  );
}
