'use client';

import { useActionState, useState } from 'react';
import { createUserAction } from '@/app/(app)/admin/users/actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import type { ActionState } from '@/lib/auth/action';
import { ROLE_LABEL, ROLES } from '@/lib/auth/roles';

const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABEL[role] }));

const SETUP_CHOICES = [
  { value: 'link', label: 'Give them a one-time link to choose their own password', hint: 'Recommended. The link is shown once, after you create the user.' },
  { value: 'password', label: 'Type a first password for them', hint: 'You will need to pass it on to them.' },
] as const;

type Setup = (typeof SETUP_CHOICES)[number]['value'];

export function CreateUserForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createUserAction, {});
  useActionToast(state, { successTitle: 'User added' });
  // Controlled, so the choice survives the form reset that follows every submission.
  const [setup, setSetup] = useState<Setup>('link');
  const setupErrors = state.errors?.passwordSetup;
  return (
    <div className="space-y-4">
      <FormMessage state={state} announced />
      {state.ok && state.secret && (
        <OneTimeSecret
          label="One-time set-password link"
          value={state.secret}
          hint="Shown only now. Anyone with this link can set the password, so send it privately."
        />
      )}
      <form action={action} className="space-y-4" noValidate aria-label="Add a user">
        <TextField name="email" label="Email" type="email" autoComplete="off" defaultValue={state.values?.email} errors={state.errors?.email} required />
        <TextField name="name" label="Name" autoComplete="off" defaultValue={state.values?.name} errors={state.errors?.name} required />
        <SelectField
          name="role"
          label="Role"
          options={ROLE_OPTIONS}
          defaultValue={state.values?.role ?? 'VIEWER'}
          hint="Viewers read; editors also record status changes and evidence; administrators also manage users."
          errors={state.errors?.role}
        />
        <fieldset className="space-y-2" aria-describedby={setupErrors?.length ? 'password-setup-error' : undefined}>
          <legend className="text-sm font-medium">Password</legend>
          {SETUP_CHOICES.map((choice) => (
            <div key={choice.value} className="flex items-start gap-2">
              <input
                type="radio"
                id={`password-setup-${choice.value}`}
                name="passwordSetup"
                value={choice.value}
                checked={setup === choice.value}
                onChange={() => setSetup(choice.value)}
                aria-describedby={`password-setup-${choice.value}-hint`}
                className="mt-1 h-4 w-4"
              />
              <div>
                <label htmlFor={`password-setup-${choice.value}`} className="text-sm">
                  {choice.label}
                </label>
                <p id={`password-setup-${choice.value}-hint`} className="text-xs text-muted">
                  {choice.hint}
                </p>
              </div>
            </div>
          ))}
          <div id="password-setup-error" aria-live="polite" className="text-sm text-danger">
            {setupErrors?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </fieldset>
        {setup === 'password' && (
          <TextField
            name="password"
            label="First password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters. They can change it on their account page."
            errors={state.errors?.password}
            required
          />
        )}
        <Button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add user'}
        </Button>
      </form>
    </div>
  );
}
