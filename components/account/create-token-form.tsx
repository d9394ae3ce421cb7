'use client';

import { useActionState } from 'react';
import { createApiTokenAction } from '@/app/(app)/account/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
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
      <form action={action} className="flex flex-col gap-3 sm:flex-row sm:items-start" noValidate aria-label="Create an API token">
        <div className="flex-1">
          <TextField
            name="name"
            label="Token name"
            hint="What it is for, so you know which one to revoke later."
            autoComplete="off"
            defaultValue={state.ok ? undefined : state.values?.name}
            errors={state.errors?.name}
            required
          />
        </div>
        <Button type="submit" disabled={pending} className="sm:mt-6">
          {pending ? 'Creating…' : 'Create token'}
        </Button>
      </form>
    </div>
  );
}
