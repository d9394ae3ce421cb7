'use client';

import { useCallback, useEffect, useId, useRef } from 'react';
import type { ActionState } from '@/lib/auth/action';
import { useToast, type ToastInput } from './toast';

type Options = {
  /** The success toast's title; "Saved" unless the action is better named otherwise ("Removed"). */
  successTitle?: string;
  /** The success toast's text, when the action's message needs context (e.g. which row). */
  successMessage?: (state: ActionState) => string | undefined;
};

/** How a server action's answer is told: saved, refused because someone else changed it, or failed. */
export function toastForState(state: ActionState, options: Options = {}): ToastInput | null {
  if (state.ok) return { tone: 'success', title: options.successTitle ?? 'Saved', message: options.successMessage?.(state) ?? state.message };
  if (!state.message) return null;
  if (state.conflict) return { tone: 'conflict', title: 'Not saved: someone else changed this', message: state.message };
  return { tone: 'error', title: 'Not saved', message: state.message };
}

/**
 * Shows a toast for each new answer of a form's server action (once per answer, however often
 * the form re-renders). Field errors stay next to their fields; see FormMessage's `announced`.
 */
export function useActionToast(state: ActionState, options: Options = {}): void {
  const show = useToast();
  const source = useId();
  const shown = useRef<ActionState | null>(null);
  useEffect(() => {
    if (shown.current === state) return;
    shown.current = state;
    const toast = toastForState(state, options);
    if (toast) show({ ...toast, source });
  }, [state, show, source, options]);
}

type ActionFn = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * For controls that are gone once they succeed (the Remove button of a note that is removed):
 * the toast is shown by the action itself, since the component may unmount before an effect
 * could run. Such a form needs JavaScript, as its confirmation dialog already does.
 */
export function useToastedAction(serverAction: ActionFn, options: Options = {}): ActionFn {
  const show = useToast();
  const source = useId();
  const { successTitle, successMessage } = options;
  return useCallback(
    async (previous: ActionState, formData: FormData) => {
      const next = await serverAction(previous, formData);
      const toast = toastForState(next, { successTitle, successMessage });
      if (toast) show({ ...toast, source });
      return next;
    },
    [serverAction, show, source, successTitle, successMessage],
  );
}
