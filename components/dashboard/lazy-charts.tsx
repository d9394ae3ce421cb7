'use client';

// The dashboard's charts, loaded after the page rather than with it: recharts is most of the
// dashboard's JavaScript (about 115 kB gzipped), and everything the charts show is on the page
// without them (each chart's summary and its table, with the same links). Until a chart arrives
// its place is held at its height, so nothing below it moves.
import dynamic from 'next/dynamic';
import type { ComponentProps } from 'react';
import type { ProgressOverTimeChart } from './progress-over-time-chart';
import type { SeminarProgressChart } from './seminar-progress-chart';
import type { StatusBarsChart } from './status-bars-chart';

function Placeholder() {
  return <div aria-hidden="true" className="h-full min-h-24 animate-pulse rounded-md bg-surface-muted motion-reduce:animate-none" />;
}

const ProgressOverTime = dynamic(() => import('./progress-over-time-chart').then((m) => m.ProgressOverTimeChart), { ssr: false, loading: Placeholder });
const StatusBars = dynamic(() => import('./status-bars-chart').then((m) => m.StatusBarsChart), { ssr: false, loading: Placeholder });
const SeminarProgress = dynamic(() => import('./seminar-progress-chart').then((m) => m.SeminarProgressChart), { ssr: false, loading: Placeholder });

/** The plot's height plus its legend's, as the charts lay them out. */
const LEGEND = 48;

export function LazyProgressOverTimeChart(props: ComponentProps<typeof ProgressOverTimeChart>) {
  return (
    <div style={{ minHeight: 320 + LEGEND }}>
      <ProgressOverTime {...props} />
    </div>
  );
}

export function LazyStatusBarsChart(props: ComponentProps<typeof StatusBarsChart>) {
  return (
    <div style={{ minHeight: Math.max(120, props.rows.length * 36 + 48) + LEGEND }}>
      <StatusBars {...props} />
    </div>
  );
}

export function LazySeminarProgressChart(props: ComponentProps<typeof SeminarProgressChart>) {
  return (
    <div style={{ minHeight: Math.max(100, props.rows.length * 40 + 48) }}>
      <SeminarProgress {...props} />
    </div>
  );
}
