'use client';

import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { signInSchema } from '@/lib/validations/user';
import { SIGN_IN_MESSAGES } from '@/lib/auth/sign-in-messages';
import { safeCallbackPath } from '@/lib/auth/safe-callback';

type Errors = { email?: string[]; password?: string[] };

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [errors, setErrors] = useState<Errors>({});
  const [message, setMessage] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      setErrors(parsed.error.flatten().fieldErrors);
      setMessage(undefined);
      return;
    }
    setErrors({});
    setPending(true);
    const result = await signIn('credentials', { ...parsed.data, redirect: false, callbackUrl }).catch(() => undefined);
    if (result?.ok && !result.error) {
      // Checked again here, against the page's own origin: the prop is the server's, but this is where the browser goes.
      window.location.assign(safeCallbackPath(callbackUrl, window.location.origin));
      return;
    }
    setPending(false);
    const locked = result?.status === 429 || result?.error === 'TooManyAttempts';
    if (!result) setMessage(SIGN_IN_MESSAGES.unavailable);
    else setMessage(locked ? SIGN_IN_MESSAGES.locked : SIGN_IN_MESSAGES.invalid);
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="space-y-4" noValidate aria-label="Sign in">
      <FormMessage state={{ message }} />
      <TextField name="email" label="Email" type="email" autoComplete="username" errors={errors.email} required />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" errors={errors.password} required />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
