/** Shown while a page's data streams in. */
export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-4" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <div className="h-8 w-64 animate-pulse rounded bg-surface-muted" />
      <div className="h-4 w-96 max-w-full animate-pulse rounded bg-surface-muted" />
      <div className="h-40 w-full animate-pulse rounded-lg bg-surface-muted" />
      <div className="h-40 w-full animate-pulse rounded-lg bg-surface-muted" />
    </div>
  );
}
