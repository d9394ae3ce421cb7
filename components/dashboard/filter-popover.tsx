'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The dashboard's filter panel behind one button: a native disclosure (<details>), so it opens with
 * Enter or Space and says whether it is expanded, and works before the page's script has loaded.
 * The script adds what a popover does besides: Escape closes it and returns focus to the button, and
 * a click elsewhere on the page closes it.
 */
export function FilterPopover({ summary, children, open }: { summary: ReactNode; children: ReactNode; open: boolean }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !details.open) return;
      details.open = false;
      details.querySelector('summary')?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (details.open && event.target instanceof Node && !details.contains(event.target)) details.open = false;
    };
    details.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      details.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, []);
  return (
    <details ref={ref} open={open} className="group/filters">
      <summary className="inline-flex min-h-10 cursor-pointer list-none items-center gap-2 rounded-md border border-border bg-surface px-3 py-2 text-sm font-medium hover:bg-surface-muted [&::-webkit-details-marker]:hidden">
        {summary}
        <svg
          aria-hidden="true"
          width="12"
          height="12"
          viewBox="0 0 12 12"
          className="transition-transform group-open/filters:rotate-180 motion-reduce:transition-none"
        >
          <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </summary>
      <div className="absolute inset-x-0 top-full z-30 mt-2 max-h-[80vh] overflow-y-auto rounded-lg border border-border bg-surface p-4 shadow-lg">
        {children}
      </div>
    </details>
  );
}
