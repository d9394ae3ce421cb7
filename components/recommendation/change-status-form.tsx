'use client';

import { useState, type FormEvent } from 'react';
import { changeStatusAction } from '@/app/(app)/recommendations/[code]/actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';
import { useKeptForm } from '@/components/ui/use-kept-form';
import { isStatus, STATUS_LABEL, STATUSES, type Status } from '@/lib/status/status';
import { evidenceRequiredFor } from '@/lib/status/status-rules';
import { STATUS_NOTE_MAX } from '@/lib/validations/status-change';
import { EvidenceFields } from './evidence-fields';

type Props = {
  recommendationId: string;
  version: number;
  currentStatus: Status;
  evidenceCount: number;
  /** YYYY-MM-DD bounds of the effective date: the seminar date and today. */
  seminarDate: string;
  today: string;
};

const STATUS_OPTIONS = [{ value: '', label: 'Choose a status' }, ...STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] }))];

export function ChangeStatusForm(props: Props) {
  const { state, action, pending, onSubmit } = useKeptForm(changeStatusAction);
  useActionToast(state);
  return (
    <div className="space-y-4">
      <FormMessage state={state} announced />
      {/* A new version (this change saved, or another edit) starts a fresh form; a refusal keeps what was typed. */}
      <StatusFields key={props.version} {...props} state={state} action={action} onSubmit={onSubmit} pending={pending} />
    </div>
  );
}

function StatusFields({
  recommendationId,
  version,
  currentStatus,
  evidenceCount,
  seminarDate,
  today,
  state,
  action,
  onSubmit,
  pending,
}: Props & { state: ActionState; action: (formData: FormData) => void; onSubmit: (event: FormEvent<HTMLFormElement>) => void; pending: boolean }) {
  // Controlled, for the evidence hint that follows the chosen status.
  const [status, setStatus] = useState(state.values?.status ?? '');
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const chosen = isStatus(status) ? status : null;
  const needsEvidence = evidenceRequiredFor(chosen, evidenceCount);
  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Change the status">
      <input type="hidden" name="recommendationId" value={recommendationId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <SelectField
        name="status"
        label="New status"
        options={STATUS_OPTIONS}
        value={status}
        onChange={(event) => setStatus(event.target.value)}
        hint={`Now: ${STATUS_LABEL[currentStatus]}.`}
        errors={errors.status}
        required
      />
      <TextField
        name="effectiveDate"
        label="Effective date"
        type="date"
        min={seminarDate}
        max={today}
        defaultValue={values.effectiveDate ?? today}
        hint="When it happened. A date in the past puts the change in its place in the history."
        errors={errors.effectiveDate}
        required
      />
      <TextAreaField name="note" label="Note (optional)" rows={2} maxLength={STATUS_NOTE_MAX} defaultValue={values.note} errors={errors.note} />
      <fieldset
        aria-describedby="status-evidence-hint"
        className={`space-y-3 rounded-md border p-3 ${needsEvidence ? 'border-2 border-accent' : 'border-border'}`}
      >
        {/* The legend follows the chosen status (lib/status/status-rules.ts evidenceRequiredFor). */}
        <legend className="px-1 text-sm font-medium">Evidence with this change {needsEvidence ? '(required)' : '(optional)'}</legend>
        <p id="status-evidence-hint" className="text-xs text-muted" aria-live="polite">
          {needsEvidence && chosen
            ? `${STATUS_LABEL[chosen]} needs evidence, and this recommendation has none yet: describe it here.`
            : evidenceCount === 0
              ? 'Partially implemented and Implemented need evidence; this recommendation has none yet.'
              : `This recommendation has ${evidenceCount} evidence ${evidenceCount === 1 ? 'note' : 'notes'}.`}
        </p>
        <EvidenceFields state={state} today={today} withStatusChange={{ bodyRequired: needsEvidence }} />
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? 'Recording…' : 'Record status change'}
      </Button>
    </form>
  );
}
