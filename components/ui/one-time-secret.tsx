'use client';

import { useId, useRef, useState } from 'react';
import { Button } from './button';

/** A value shown once (a set-password link, an API token): read-only, selectable, with a copy button. */
export function OneTimeSecret({ label, value, hint }: { label: string; value: string; hint: string }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copyStatus, setCopyStatus] = useState<'idle' | 'copied' | 'failed'>('idle');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopyStatus('copied');
    } catch {
      // No clipboard access (plain HTTP, permissions): select it so Ctrl+C / Cmd+C works.
      input.current?.select();
      setCopyStatus('failed');
    }
  }

  return (
    <div className="space-y-2 rounded-md border-2 border-accent bg-surface p-3">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <p id={`${id}-hint`} className="text-sm text-muted">
        {hint}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          ref={input}
          id={id}
          readOnly
          value={value}
          aria-describedby={`${id}-hint ${id}-copy`}
          onFocus={(event) => event.currentTarget.select()}
          className="block w-full min-w-0 rounded-md border border-border bg-surface-muted px-3 py-2 font-mono text-sm"
        />
        <Button variant="secondary" onClick={() => void copy()} className="shrink-0">
          Copy<span className="sr-only"> {label}</span>
        </Button>
      </div>
      <p id={`${id}-copy`} aria-live="polite" className="text-sm">
        {copyStatus === 'copied' && 'Copied to the clipboard.'}
        {copyStatus === 'failed' && 'Copying is not allowed here: the text is selected, press Ctrl+C (or ⌘C) to copy it.'}
      </p>
    </div>
  );
}
