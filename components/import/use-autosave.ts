'use client';

// Saves the draft as the editor works: each change restarts a short timer; when it runs out the
// latest state is sent with the version the server last confirmed. One save at a time: edits made
// during a save are sent right after it, with the new version. A version conflict (someone else
// saved the draft since) stops autosaving until the page is reloaded, so neither side's work is
// overwritten silently.
import { useCallback, useEffect, useRef, useState } from 'react';

export const AUTOSAVE_DELAY_MS = 1000;

export type SaveResult = { ok: true; version: number } | { ok: false; conflict: boolean; message: string };

export type AutosaveStatus =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'error'; message: string }
  | { kind: 'conflict'; message: string };

export function useAutosave<T>(options: { initialVersion: number; save: (snapshot: T, version: number) => Promise<SaveResult>; delayMs?: number }) {
  const { save, delayMs = AUTOSAVE_DELAY_MS } = options;
  const [status, setStatus] = useState<AutosaveStatus>({ kind: 'idle' });
  const version = useRef(options.initialVersion);
  const latest = useRef<{ snapshot: T } | null>(null);
  const dirty = useRef(false);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const timerCallback = useRef<() => void>(() => {});

  const schedule = useCallback(
    (delay: number = delayMs) => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => timerCallback.current(), delay);
    },
    [delayMs],
  );

  const run = useCallback((): Promise<void> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (inFlight.current) return inFlight.current;
    if (!dirty.current || stopped.current || !latest.current) return Promise.resolve();
    const { snapshot } = latest.current;
    dirty.current = false;
    setStatus({ kind: 'saving' });
    let failed = false;
    const attempt = (async () => {
      let result: SaveResult;
      try {
        result = await saveRef.current(snapshot, version.current);
      } catch {
        result = {
          ok: false,
          conflict: false,
          message: 'the server could not be reached. Your changes are kept on this page and are sent again with your next edit.',
        };
      }
      if (result.ok) {
        version.current = result.version;
        setStatus(dirty.current ? { kind: 'pending' } : { kind: 'saved', at: new Date() });
        return;
      }
      failed = true;
      // What was not saved is still unsaved: the next edit (or a flush) sends it again.
      dirty.current = true;
      if (result.conflict) stopped.current = true;
      setStatus(result.conflict ? { kind: 'conflict', message: result.message } : { kind: 'error', message: result.message });
    })().finally(() => {
      inFlight.current = null;
      // Edits made while this save was on its way go out now, with the new version.
      if (!failed && dirty.current && !stopped.current) schedule(0);
    });
    inFlight.current = attempt;
    return attempt;
  }, [schedule]);
  useEffect(() => {
    timerCallback.current = () => void run();
  }, [run]);

  /** Records a change; it is saved after a pause in editing. */
  const changed = useCallback(
    (snapshot: T) => {
      latest.current = { snapshot };
      dirty.current = true;
      if (stopped.current) return;
      setStatus((current) => (current.kind === 'saving' || current.kind === 'error' || current.kind === 'pending' ? current : { kind: 'pending' }));
      schedule();
    },
    [schedule],
  );

  /** Saves now whatever is unsaved, and waits for it (and a save already on its way). True when all is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    for (let round = 0; round < 3; round++) {
      if (inFlight.current) await inFlight.current;
      if (!dirty.current) return !stopped.current;
      if (stopped.current) return false;
      await run();
      if (dirty.current) return false;
    }
    return !dirty.current && !stopped.current;
  }, [run]);

  /** No more saves (the draft is being discarded or confirmed elsewhere). */
  const stop = useCallback(() => {
    stopped.current = true;
    dirty.current = false;
    if (timer.current) clearTimeout(timer.current);
  }, []);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (dirty.current || inFlight.current) event.preventDefault();
    }
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      if (timer.current) clearTimeout(timer.current);
    };
  }, []);

  return { status, changed, flush, stop, version };
}

/** The status line's words. */
export function describeStatus(status: AutosaveStatus, formatTime: (date: Date) => string): string {
  switch (status.kind) {
    case 'idle':
      return 'Changes are saved as you work.';
    case 'pending':
      return 'Unsaved changes…';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved at ${formatTime(status.at)}.`;
    case 'error':
      return `Could not save: ${status.message}`;
    case 'conflict':
      return `Could not save: ${status.message}`;
  }
}
