'use client';

import { useActionState } from 'react';
import { changeOwnPasswordAction } from '@/app/(app)/account/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import type { ActionState } from '@/lib/auth/action';

export function ChangePasswordForm({ email }: { email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(changeOwnPasswordAction, {});
  useActionToast(state);
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Change your password">
      <FormMessage state={state} announced />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="currentPassword"
        label="Current password"
        type="password"
        autoComplete="current-password"
        errors={state.errors?.currentPassword}
        required
      />
      <NewPasswordFields errors={state.errors} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Changing…' : 'Change password'}
      </Button>
    </form>
  );
}
