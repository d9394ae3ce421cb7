/**
 * Shown while the dashboard's figures are computed. Only here: a loading boundary commits the HTTP
 * status before the page runs, so pages that can answer 403 or 404 must not sit under one.
 */
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
