'use client';

import { useState, type MouseEvent } from 'react';
import { buttonClass } from '@/components/ui/button';

export type ReportDownload = {
  /** The button's text, e.g. "PDF report". */
  label: string;
  /** What is being prepared, for the progress message: "the PDF". */
  what: string;
  href: string;
  fileName: string;
};

type State = { kind: 'idle' } | { kind: 'busy'; what: string } | { kind: 'done'; fileName: string } | { kind: 'error'; message: string };

/** The file name the server chose (Content-Disposition), else the expected one. */
function fileNameOf(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
  return match?.[1] ?? fallback;
}

async function errorMessage(response: Response): Promise<string> {
  if (response.status === 401) return 'Your session has ended. Sign in again, then download the file.';
  try {
    const body = (await response.json()) as { error?: { message?: string; fields?: Record<string, string[]> } };
    const fields = Object.entries(body.error?.fields ?? {}).flatMap(([field, messages]) => messages.map((message) => `${field}: ${message}`));
    return [body.error?.message, ...fields].filter(Boolean).join(' ') || `The file could not be made (error ${response.status}).`;
  } catch {
    return `The file could not be made (error ${response.status}). Try again in a moment.`;
  }
}

/**
 * Download buttons that show that the file is being made: the file is fetched, a visible message
 * with an indeterminate progress bar is announced politely meanwhile, and the download starts from
 * an object URL when it arrives. Each button is a real link, so it still downloads without script.
 */
export function ReportDownloads({ downloads }: { downloads: ReportDownload[] }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const busy = state.kind === 'busy';

  async function download(event: MouseEvent<HTMLAnchorElement>, item: ReportDownload) {
    event.preventDefault();
    if (busy) return;
    setState({ kind: 'busy', what: item.what });
    try {
      const response = await fetch(item.href, { credentials: 'same-origin' });
      if (!response.ok) {
        setState({ kind: 'error', message: await errorMessage(response) });
        return;
      }
      const blob = await response.blob();
      const fileName = fileNameOf(response, item.fileName);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      document.body.append(link);
      link.click();
      link.remove();
      // The browser has taken the file by the time this runs; the memory can go.
      window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
      setState({ kind: 'done', fileName });
    } catch {
      setState({ kind: 'error', message: 'The download failed. Check the connection and try again.' });
    }
  }

  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-3">
        {downloads.map((item, index) => (
          <li key={item.href}>
            <a
              href={item.href}
              download={item.fileName}
              onClick={(event) => void download(event, item)}
              aria-disabled={busy ? 'true' : undefined}
              className={`${buttonClass(index === 0 ? 'primary' : 'secondary')} no-underline ${busy ? 'cursor-progress opacity-60' : ''}`}
            >
              {item.label}
            </a>
          </li>
        ))}
      </ul>
      <div role="status" aria-live="polite" className="min-h-6 text-sm">
        {state.kind === 'busy' && (
          <span className="inline-flex items-center gap-2">
            <progress className="h-2 w-32 accent-[var(--accent)]" aria-label={`Preparing ${state.what}`} />
            Preparing {state.what}…
          </span>
        )}
        {state.kind === 'done' && <>Downloaded {state.fileName}.</>}
      </div>
      {state.kind === 'error' && (
        <p role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
          {state.message}
        </p>
      )}
    </div>
  );
}
