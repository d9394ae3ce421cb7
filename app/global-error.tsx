'use client';

/** Last resort when even the root layout fails. Plain HTML: the app's styles may be what broke. */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
        <main>
          <h1>Something went wrong</h1>
          <p>The tracker could not be shown. Nothing you saved is lost.</p>
          {error.digest && <p>Reference for support: {error.digest}</p>}
          <button type="button" onClick={reset}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
