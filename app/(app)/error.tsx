'use client';

import { Button } from '@/components/ui/button';

/** An unexpected failure while rendering a page: say so plainly and offer a retry. */
export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p>This page could not be shown. Nothing you saved is lost. Try again, or come back in a moment.</p>
      {error.digest && <p className="text-sm text-muted">Reference for support: {error.digest}</p>}
      <Button onClick={reset}>Try again</Button>
    </div>
  );
}
