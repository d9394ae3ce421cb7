type MessageState = { ok?: boolean; message?: string };

/**
 * The message at the top of a form: an error (role=alert) or a confirmation (role=status).
 * `announced`: a toast already tells it (useActionToast), so this does not say it a second time:
 * a confirmation is left to the toast, and a refusal stays here beside the form, without a role,
 * for as long as it applies.
 */
export function FormMessage({ state, announced = false }: { state: MessageState; announced?: boolean }) {
  if (announced) {
    if (!state.message || state.ok) return null;
    return <p className="rounded-md border border-danger p-3 text-sm text-danger">{state.message}</p>;
  }
  if (!state.message) return <div aria-live="polite" />;
  return state.ok ? (
    <p role="status" className="rounded-md border border-border bg-surface-muted p-3 text-sm">
      {state.message}
    </p>
  ) : (
    <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
      {state.message}
    </p>
  );
}
