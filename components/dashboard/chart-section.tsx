import type { ReactNode } from 'react';

type Props = {
  /** Prefix of the section's element ids: `${id}-heading`, `${id}-summary`. */
  id: string;
  title: string;
  /** What the chart shows, in words: always visible. */
  summary: string[];
  chart: ReactNode;
  /** The same figures as a table, behind "Show as table" (opened for printing). */
  table: ReactNode;
  /** Controls beside the heading, e.g. the line/area switch. */
  actions?: ReactNode;
  note?: ReactNode;
  /** More of the chart after the plot itself, e.g. a key and panels per group. */
  below?: ReactNode;
  /**
   * On a phone, draw the chart above its summary so that it starts on the first screen; the summary
   * still comes first to a screen reader and at every other width.
   */
  chartFirstOnPhone?: boolean;
};

/** One chart of the dashboard: a titled region with its summary, the chart and its data table. */
export function ChartSection({ id, title, summary, chart, table, actions, note, below, chartFirstOnPhone = false }: Props) {
  const after = chartFirstOnPhone ? 'max-sm:order-1' : '';
  return (
    <section aria-labelledby={`${id}-heading`} className="flex min-w-0 flex-col gap-3 rounded-lg border border-border bg-surface p-4 print:break-inside-avoid">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`${id}-heading`} className="text-lg font-semibold">
          {title}
        </h2>
        {actions}
      </div>
      <div id={`${id}-summary`} className={`space-y-1 text-sm ${after}`}>
        {summary.map((sentence) => (
          <p key={sentence}>{sentence}</p>
        ))}
      </div>
      {chart}
      {below && <div className={`space-y-3 ${after}`}>{below}</div>}
      {note && <p className={`text-xs text-muted ${after}`}>{note}</p>}
      <details data-print-open className={`text-sm ${after}`}>
        <summary className="cursor-pointer font-medium print:hidden">Show as table</summary>
        <div className="mt-2">{table}</div>
      </details>
    </section>
  );
}

/** A data table that scrolls sideways on narrow screens, reachable by keyboard. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto rounded-md border border-border print:overflow-visible">
      {children}
    </div>
  );
}
