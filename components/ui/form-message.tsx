/** The message at the top of a form: an error (role=alert) or a confirmation (role=status). */
export function FormMessage({ state }: { state: { ok?: boolean; message?: string } }) {
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
