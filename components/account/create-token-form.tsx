'use client';

import { useActionState } from 'react';
import { createApiTokenAction } from '@/app/(app)/account/actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { OneTimeSecret } from '@/components/ui/one-time-secret';
import type { ActionState } from '@/lib/auth/action';

export function CreateTokenForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createApiTokenAction, {});
  useActionToast(state, { successTitle: 'Token created' });
  return (
    <div className="space-y-4">
      <FormMessage state={state} announced />
      {state.ok && state.secret && (
        <OneTimeSecret
          label="Your new API token"
          value={state.secret}
          hint='Copy it now and keep it somewhere safe: it cannot be shown again. Send it as "Authorization: Bearer <token>".'
        />
      )}
      <form action={action} className="space-y-3" noValidate aria-label="Create an API token">
        <TextField
          name="name"
          label="Token name"
          hint="What it is for, so you know which one to revoke later."
          autoComplete="off"
          defaultValue={state.ok ? undefined : state.values?.name}
          errors={state.errors?.name}
          required
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            name="scope"
            label="Access"
            hint="Read-only tokens can fetch data but never change it."
            options={[
              { value: 'read', label: 'Read only' },
              { value: 'write', label: 'Read and write (what your role allows)' },
            ]}
            defaultValue={state.ok ? 'read' : (state.values?.scope ?? 'read')}
            errors={state.errors?.scope}
          />
          <TextField
            name="expiresAt"
            type="date"
            label="Expires after (optional)"
            hint="The token stops working at the end of this day (UTC), at most a year ahead."
            defaultValue={state.ok ? undefined : state.values?.expiresAt}
            errors={state.errors?.expiresAt}
          />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </form>
    </div>
  );
}
