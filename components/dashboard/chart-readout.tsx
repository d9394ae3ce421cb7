'use client';

// A chart's hover read-out in a fixed place beside the plot (recharts' Tooltip rendered into it
// through its `portal`), instead of a box floating over the marks: it never covers the bars or
// lines it describes, and it wraps long names instead of cutting them off at the chart's edge.
import { useState, type ReactNode } from 'react';

/** The element the chart's Tooltip renders into, and a callback ref to give it. */
export function useReadout(): [HTMLDivElement | null, (element: HTMLDivElement | null) => void] {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  return [element, setElement];
}

/**
 * Where the read-out appears: below the plot, so its changing height never moves what the pointer
 * is over. Hidden from assistive technology: the summary and the table carry the same figures.
 */
export function ReadoutSlot({ readoutRef, hint }: { readoutRef: (element: HTMLDivElement | null) => void; hint: string }) {
  return (
    <div aria-hidden="true" className="relative min-h-6 text-sm print:hidden">
      <p className="text-xs text-muted">{hint}</p>
      <div ref={readoutRef} className="absolute inset-x-0 top-0 z-10" />
    </div>
  );
}

/** The read-out's box: a heading and rows, wrapping rather than truncating. */
export function ReadoutBox({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className="rounded-md border border-border bg-surface px-3 py-2 text-sm shadow-sm">
      <p className="font-semibold">{title}</p>
      {children}
    </div>
  );
}

/** Whole percentages everywhere in a chart (legend, read-out, panels), as the summaries round them. */
export function chartPercent(value: number | null | undefined): string {
  return typeof value === 'number' ? `${Math.round(value)}%` : '–';
}

/** Percentage points of the overall figure, rounded like chartPercent; under half a point says so. */
export function chartPoints(value: number | null | undefined): string {
  if (typeof value !== 'number') return '–';
  if (value > 0 && value < 0.5) return 'under 1 point';
  const rounded = Math.round(value);
  return `${rounded} ${rounded === 1 ? 'point' : 'points'}`;
}
