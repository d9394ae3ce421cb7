'use client';

import { useActionState } from 'react';
import { createFirstAdminAction } from '@/app/setup/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { NewPasswordFields } from '@/components/auth/new-password-fields';
import type { ActionState } from '@/lib/auth/action';

export function SetupForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createFirstAdminAction, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage state={state} />
      <TextField
        name="setupCode"
        label="Setup code"
        autoComplete="off"
        hint="Printed in the server’s console when it started, e.g. ABCD-EFGH-JKLM-NPQR."
        errors={state.errors?.setupCode}
        required
      />
      <TextField name="name" label="Your name" autoComplete="name" defaultValue={state.values?.name} errors={state.errors?.name} required />
      <TextField name="email" label="Email" type="email" autoComplete="email" defaultValue={state.values?.email} errors={state.errors?.email} required />
      <NewPasswordFields errors={state.errors} labels={{ password: 'Password', again: 'Password again' }} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating…' : 'Create administrator'}
      </Button>
    </form>
  );
}
