'use client';

import { useActionState } from 'react';
import { setPasswordAction } from '@/app/set-password/[token]/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import type { ActionState } from '@/lib/auth/action';

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(setPasswordAction, {});
  return (
    <form action={action} className="space-y-4" noValidate aria-label="Choose your password">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields errors={state.errors} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Saving…' : 'Set password'}
      </Button>
    </form>
  );
}
