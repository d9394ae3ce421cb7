'use client';

// The dashboard's charts, loaded after the page rather than with it: recharts is most of the
// dashboard's JavaScript (about 115 kB gzipped), and everything the charts show is on the page
// without them (each chart's summary and its table, with the same links). Until a chart arrives
// its place is held at its height, so nothing below it moves.
//
// A chart is drawn only when it comes near the screen, in a transition (React yields to the
// browser while it renders): drawing all four at once kept the main thread busy for half a second
// after the page loaded, before anyone could scroll to the lower ones. Printing draws them all.
import dynamic from 'next/dynamic';
import { startTransition, useEffect, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import type { ProgressOverTimeChart } from './progress-over-time-chart';
import type { SeminarProgressChart } from './seminar-progress-chart';
import type { StatusBarsChart } from './status-bars-chart';

function Placeholder() {
  return <div aria-hidden="true" className="h-full min-h-24 animate-pulse rounded-md bg-surface-muted motion-reduce:animate-none" />;
}

const ProgressOverTime = dynamic(() => import('./progress-over-time-chart').then((m) => m.ProgressOverTimeChart), { ssr: false, loading: Placeholder });
const StatusBars = dynamic(() => import('./status-bars-chart').then((m) => m.StatusBarsChart), { ssr: false, loading: Placeholder });
const SeminarProgress = dynamic(() => import('./seminar-progress-chart').then((m) => m.SeminarProgressChart), { ssr: false, loading: Placeholder });

/** Holds the chart's place (`minHeight`) until it is near the screen or the page is printed, then draws it. */
function WhenNear({ minHeight, children }: { minHeight: number; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const beforePrint = () => flushSync(() => setNear(true));
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        startTransition(() => setNear(true));
      },
      { rootMargin: '200px 0px' },
    );
    observer.observe(element);
    window.addEventListener('beforeprint', beforePrint);
    return () => {
      observer.disconnect();
      window.removeEventListener('beforeprint', beforePrint);
    };
  }, []);
  return (
    <div ref={ref} data-chart={near ? 'drawn' : 'waiting'} style={{ minHeight }}>
      {near ? children : <Placeholder />}
    </div>
  );
}

/** The plot's height plus its legend's, as the charts lay them out. */
const LEGEND = 48;

export function LazyProgressOverTimeChart(props: ComponentProps<typeof ProgressOverTimeChart>) {
  return (
    <WhenNear minHeight={256 + 24 + (props.chart === 'area' ? LEGEND : 0)}>
      <ProgressOverTime {...props} />
    </WhenNear>
  );
}

export function LazyStatusBarsChart(props: ComponentProps<typeof StatusBarsChart>) {
  return (
    <WhenNear minHeight={Math.max(120, props.rows.length * 36 + 48) + LEGEND}>
      <StatusBars {...props} />
    </WhenNear>
  );
}

export function LazySeminarProgressChart(props: ComponentProps<typeof SeminarProgressChart>) {
  return (
    <WhenNear minHeight={Math.max(100, props.rows.length * 40 + 48)}>
      <SeminarProgress {...props} />
    </WhenNear>
  );
}
