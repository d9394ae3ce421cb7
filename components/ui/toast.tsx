'use client';

// Toasts: short notices after a form is submitted ("Saved", a conflict, an error), shown in a
// corner whatever the scroll position. Built here rather than taken from a library so that it
// uses the design tokens, injects no styles at run time (the CSP), and behaves as follows:
// - successes go to a polite live region (role=status), errors and conflicts to an assertive
//   one (role=alert); both regions are in the page from the start, so screen readers hear what
//   is added to them;
// - every toast has a Dismiss button; Escape dismisses the focused toast; Alt+T moves focus to
//   the newest one, and focus goes back where it was when the last one is dismissed;
// - successes go away after a few seconds, but not while the pointer or focus is on a toast or
//   the tab is hidden; errors and conflicts stay until dismissed;
// - the entrance animation runs only without prefers-reduced-motion.
import { createContext, useCallback, useContext, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'success' | 'error' | 'conflict';

export type ToastInput = {
  tone: ToastTone;
  title: string;
  message?: string;
  /** A toast with the same source replaces the earlier one (one per form, not a pile). */
  source?: string;
};

type Toast = ToastInput & { id: number };

export const TOAST_SUCCESS_MS = 6000;
const MAX_TOASTS = 4;

const ToastContext = createContext<((toast: ToastInput) => void) | null>(null);

/** Shows a toast. Needs a <ToastProvider> above (the app layout has one). */
export function useToast(): (toast: ToastInput) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast() needs a <ToastProvider> above it.');
  return show;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const show = useCallback((input: ToastInput) => {
    const id = nextId.current++;
    setToasts((list) => [...list.filter((toast) => !input.source || toast.source !== input.source), { ...input, id }].slice(-MAX_TOASTS));
  }, []);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  return (
    <ToastContext value={show}>
      {children}
      <ToastViewport toasts={toasts} dismiss={dismiss} />
    </ToastContext>
  );
}

function ToastViewport({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  const region = useRef<HTMLElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [hidden, setHidden] = useState(false);

  useEffect(() => {
    const onVisibility = () => setHidden(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.code !== 'KeyT') return;
      const buttons = region.current?.querySelectorAll<HTMLButtonElement>('[data-toast-dismiss]');
      const newest = buttons?.[buttons.length - 1];
      if (!newest) return;
      event.preventDefault();
      newest.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // Where focus came from, to go back there once the toasts are gone.
  function onFocusIn(event: React.FocusEvent<HTMLElement>) {
    setFocused(true);
    const from = event.relatedTarget;
    if (from instanceof HTMLElement && !region.current?.contains(from)) returnFocus.current = from;
  }

  function onFocusOut(event: React.FocusEvent<HTMLElement>) {
    if (!(event.relatedTarget instanceof Node && region.current?.contains(event.relatedTarget))) setFocused(false);
  }

  const close = useCallback(
    (id: number) => {
      const active = document.activeElement;
      const hadFocus = active instanceof HTMLElement && Boolean(region.current?.querySelector(`[data-toast="${id}"]`)?.contains(active));
      dismiss(id);
      if (!hadFocus) return;
      // After React has removed it: the next toast, else where focus was before.
      requestAnimationFrame(() => {
        const next = region.current?.querySelector<HTMLButtonElement>('[data-toast-dismiss]');
        const back = returnFocus.current?.isConnected ? returnFocus.current : null;
        (next ?? back)?.focus();
        if (!next) setFocused(false);
      });
    },
    [dismiss],
  );

  const paused = hovered || focused || hidden;
  const polite = toasts.filter((toast) => toast.tone === 'success');
  const assertive = toasts.filter((toast) => toast.tone !== 'success');
  const list = (items: Toast[]) => items.map((toast) => <ToastItem key={toast.id} toast={toast} paused={paused} onDismiss={close} />);

  return (
    <section
      ref={region}
      aria-label="Notifications (Alt+T)"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={onFocusIn}
      onBlur={onFocusOut}
      className="no-print pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col gap-2 sm:left-auto sm:w-96"
    >
      <div role="status" aria-live="polite" className="flex flex-col gap-2">
        {list(polite)}
      </div>
      <div role="alert" aria-live="assertive" className="flex flex-col gap-2">
        {list(assertive)}
      </div>
    </section>
  );
}

const TONE = {
  success: { stripe: 'border-l-[var(--status-implemented)]', icon: 'text-[var(--status-implemented)]' },
  error: { stripe: 'border-l-danger', icon: 'text-danger' },
  conflict: { stripe: 'border-l-danger', icon: 'text-danger' },
} as const;

function ToastItem({ toast, paused, onDismiss }: { toast: Toast; paused: boolean; onDismiss: (id: number) => void }) {
  const id = useId();
  const remaining = useRef(TOAST_SUCCESS_MS);
  const { id: toastId, tone } = toast;

  useEffect(() => {
    if (tone !== 'success' || paused) return;
    const started = Date.now();
    const timer = window.setTimeout(() => onDismiss(toastId), remaining.current);
    return () => {
      window.clearTimeout(timer);
      remaining.current -= Date.now() - started;
    };
  }, [tone, paused, toastId, onDismiss]);

  return (
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions -- Escape on the toast's own buttons bubbles here and dismisses it
    <div
      data-toast={toast.id}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onDismiss(toast.id);
        }
      }}
      className={`pointer-events-auto flex items-start gap-3 rounded-lg border border-l-4 border-border bg-surface p-3 text-text shadow-lg motion-safe:animate-toast-in ${TONE[tone].stripe}`}
    >
      <ToneIcon tone={tone} className={`mt-0.5 h-5 w-5 shrink-0 ${TONE[tone].icon}`} />
      <div className="min-w-0 flex-1">
        <p id={`${id}-title`} className="font-semibold">
          {toast.title}
        </p>
        {toast.message && (
          <p id={`${id}-message`} className="mt-0.5 text-sm break-words">
            {toast.message}
          </p>
        )}
      </div>
      <button
        type="button"
        data-toast-dismiss
        onClick={() => onDismiss(toast.id)}
        aria-label="Dismiss"
        aria-describedby={toast.message ? `${id}-title ${id}-message` : `${id}-title`}
        className="-m-1 inline-flex h-8 w-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-muted hover:text-text"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <path d="M5 5l10 10M15 5L5 15" />
        </svg>
      </button>
    </div>
  );
}

function ToneIcon({ tone, className }: { tone: ToastTone; className: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 20 20"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <circle cx="10" cy="10" r="8" />
      {tone === 'success' ? <path d="M6.5 10.5l2.5 2.5 4.5-5" /> : <path d="M10 6v5M10 14h.01" />}
    </svg>
  );
}
