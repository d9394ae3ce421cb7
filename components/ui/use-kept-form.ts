'use client';

import { startTransition, useActionState, type FormEvent } from 'react';
import type { ActionState } from '@/lib/auth/action';

/**
 * useActionState for forms that must keep what was typed when the server refuses (a version
 * conflict, a broken rule). React resets a form after every `action` submission, and that reset
 * also throws away controlled selects and checkboxes; submitting through onSubmit instead leaves
 * the fields alone. `action` stays on the form so it still posts without JavaScript.
 * `confirm` may veto the submission (e.g. "Remove this note?").
 */
export function useKeptForm(serverAction: (state: ActionState, formData: FormData) => Promise<ActionState>, confirm?: () => boolean) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction, {});
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (confirm && !confirm()) return;
    const formData = new FormData(event.currentTarget);
    startTransition(() => action(formData));
  }
  return { state, action, pending, onSubmit };
}
