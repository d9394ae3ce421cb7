'use client';

import { useActionState, useState } from 'react';
import { updateSeminarAction } from '@/app/(app)/admin/seminars/actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';
import type { SeminarForEdit } from '@/lib/seminars/get-seminar-for-edit';
import { SEMINAR_KIND_LABEL, SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { SEMINAR_PLACE_MAX, SEMINAR_TITLE_MAX } from '@/lib/validations/seminar';
import { SpeakerRows, type SpeakerRow } from './speaker-rows';

const KIND_OPTIONS = SEMINAR_KINDS.map((kind) => ({ value: kind, label: SEMINAR_KIND_LABEL[kind] ?? kind }));

/** Rows carry a key of their own so React keeps each row's inputs with it when rows move. */
function rowsOf(seminar: SeminarForEdit): SpeakerRow[] {
  return seminar.speakers.map((speaker, index) => ({ key: `v${seminar.version}-${index}`, name: speaker.name, designation: speaker.designation ?? '' }));
}

export function SeminarForm({ seminar }: { seminar: SeminarForEdit }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateSeminarAction, {});
  useActionToast(state);
  const [rows, setRows] = useState<SpeakerRow[]>(() => rowsOf(seminar));
  // After a save the page re-renders with the new version: start again from what was stored.
  const [loadedVersion, setLoadedVersion] = useState(seminar.version);
  if (loadedVersion !== seminar.version) {
    setLoadedVersion(seminar.version);
    setRows(rowsOf(seminar));
  }
  const value = (name: string, stored: string | null) => state.values?.[name] ?? stored ?? '';

  return (
    <div className="space-y-4">
      <FormMessage state={state} announced />
      <form key={seminar.version} action={action} className="space-y-4" noValidate aria-label="Seminar details">
        <input type="hidden" name="id" value={seminar.id} />
        <input type="hidden" name="expectedVersion" value={seminar.version} />
        <TextField
          name="title"
          label="Title"
          defaultValue={value('title', seminar.title)}
          maxLength={SEMINAR_TITLE_MAX}
          errors={state.errors?.title}
          required
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="kind" label="Kind" options={KIND_OPTIONS} defaultValue={value('kind', seminar.kind)} errors={state.errors?.kind} />
          <TextField
            name="date"
            label="Date"
            type="date"
            hint="It cannot be later than the first status change recorded for its recommendations."
            defaultValue={value('date', seminar.date)}
            errors={state.errors?.date}
            required
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            name="venue"
            label="Venue (optional)"
            defaultValue={value('venue', seminar.venue)}
            maxLength={SEMINAR_PLACE_MAX}
            errors={state.errors?.venue}
          />
          <TextField
            name="organiser"
            label="Organiser (optional)"
            defaultValue={value('organiser', seminar.organiser)}
            maxLength={SEMINAR_PLACE_MAX}
            errors={state.errors?.organiser}
          />
        </div>
        <SpeakerRows rows={rows} onChange={setRows} errors={state.errors} />
        {state.errors?.expectedVersion && (
          <p role="alert" className="text-sm text-danger">
            {state.errors.expectedVersion.join(' ')}
          </p>
        )}
        <Button type="submit" disabled={pending}>
          {pending ? 'Saving…' : 'Save seminar'}
        </Button>
      </form>
    </div>
  );
}
