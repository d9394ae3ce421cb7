'use client';

import { useActionState, useState, type ChangeEvent } from 'react';
import { createSeminarAction } from '@/app/(app)/seminars/actions';
import { SpeakerRows, type SpeakerRow } from '@/components/admin-seminars/speaker-rows';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';
import { SEMINAR_KIND_LABEL, SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { SEMINAR_PLACE_MAX, SEMINAR_SOURCE_TEXT_MAX, SEMINAR_TITLE_MAX } from '@/lib/validations/seminar';

const KIND_OPTIONS = SEMINAR_KINDS.map((kind) => ({ value: kind, label: SEMINAR_KIND_LABEL[kind] ?? kind }));

/** A new seminar's details, speakers and, optionally, its report's text (typed, pasted or read from a .txt file). */
export function CreateSeminarForm({ today }: { today: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createSeminarAction, {});
  const [rows, setRows] = useState<SpeakerRow[]>([]);
  const [sourceText, setSourceText] = useState('');
  const [sourceFileName, setSourceFileName] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const value = (name: string) => state.values?.[name] ?? '';
  const errors = state.errors ?? {};

  async function readFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    const text = await file.text();
    if (text.length > SEMINAR_SOURCE_TEXT_MAX) {
      setFileError(`The file has more than ${SEMINAR_SOURCE_TEXT_MAX.toLocaleString('en-GB')} characters of text.`);
      return;
    }
    setSourceText(text);
    setSourceFileName(file.name);
  }

  return (
    <div className="space-y-4">
      <FormMessage state={state} />
      <form action={action} className="space-y-4" noValidate aria-label="New seminar">
        <TextField name="title" label="Title" defaultValue={value('title')} maxLength={SEMINAR_TITLE_MAX} errors={errors.title} required />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField name="kind" label="Kind" options={KIND_OPTIONS} defaultValue={value('kind') || 'SEMINAR'} errors={errors.kind} />
          <TextField
            name="date"
            label="Date"
            type="date"
            max={today}
            hint="The day it was held: its recommendations start, not started, on that day."
            defaultValue={value('date')}
            errors={errors.date}
            required
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField name="venue" label="Venue (optional)" defaultValue={value('venue')} maxLength={SEMINAR_PLACE_MAX} errors={errors.venue} />
          <TextField name="organiser" label="Organiser (optional)" defaultValue={value('organiser')} maxLength={SEMINAR_PLACE_MAX} errors={errors.organiser} />
        </div>
        <SpeakerRows rows={rows} onChange={setRows} errors={state.errors} />
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium">The report (optional)</legend>
          <p className="text-xs text-muted">
            With the report’s text, a recommendation whose words are found in it gets “View in source”. Paste it below, or read a plain-text (.txt) file.
          </p>
          <div className="space-y-1">
            <label htmlFor="source-file" className="block text-sm font-medium">
              Read a text file
            </label>
            <input
              id="source-file"
              type="file"
              accept=".txt,.md,text/plain"
              onChange={(event) => void readFile(event)}
              aria-describedby={fileError ? 'source-file-error' : undefined}
              className="block w-full text-sm"
            />
            <div id="source-file-error" aria-live="polite" className="text-sm text-danger">
              {fileError && <p>{fileError}</p>}
            </div>
          </div>
          <input type="hidden" name="sourceFileName" value={sourceFileName} />
          <TextAreaField
            name="sourceText"
            label="Report text"
            rows={8}
            value={sourceText}
            onChange={(event) => setSourceText(event.target.value)}
            maxLength={SEMINAR_SOURCE_TEXT_MAX}
            hint={sourceFileName ? `From ${sourceFileName}.` : undefined}
            errors={errors.sourceText}
          />
        </fieldset>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create seminar'}
        </Button>
      </form>
    </div>
  );
}
