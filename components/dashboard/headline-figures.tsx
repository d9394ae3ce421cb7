import { formatNumber, formatPercent } from '@/lib/format';
import type { Figure } from '@/lib/progress/figure';
import type { HeadlineFigures } from '@/lib/progress/headline-figures';

type Props = {
  figures: HeadlineFigures;
  /** Drill-down links; left out when looking back (the list shows today's statuses). */
  links: Partial<Record<'tracked' | 'implemented' | 'stale' | 'overdue', string>> | null;
};

// Short, because every card says it: the heading above the cards names the quarter compared with.
function countChange(figure: Figure): string {
  const was = `was ${formatNumber(figure.previous)}`;
  if (figure.change > 0) return `Up ${formatNumber(figure.change)} (${was})`;
  if (figure.change < 0) return `Down ${formatNumber(-figure.change)} (${was})`;
  return 'No change';
}

function progressChange(figure: Figure<number | null>): string {
  if (figure.previous === null || figure.change === null) return 'No earlier figure';
  const points = Math.round(figure.change * 100);
  const was = `was ${formatPercent(figure.previous)}`;
  if (points > 0) return `Up ${points} ${points === 1 ? 'point' : 'points'} (${was})`;
  if (points < 0) return `Down ${-points} ${points === -1 ? 'point' : 'points'} (${was})`;
  return 'No change';
}

/** The six headline figures as a definition list: each term, its value, and its change since the previous quarter. */
export function HeadlineFiguresList({ figures, links }: Props) {
  const items: { key: string; term: string; value: string; change: string; href?: string }[] = [
    {
      key: 'tracked',
      term: 'Recommendations tracked',
      value: formatNumber(figures.tracked.current),
      change: countChange(figures.tracked),
      href: links?.tracked,
    },
    {
      key: 'progress',
      term: 'Weighted progress',
      value: formatPercent(figures.progress.current),
      change: progressChange(figures.progress),
    },
    {
      key: 'implemented',
      term: 'Implemented',
      value: formatNumber(figures.implemented.current),
      change: countChange(figures.implemented),
      href: links?.implemented,
    },
    {
      key: 'changed',
      term: `Changed this quarter (${figures.quarterLabel})`,
      value: formatNumber(figures.changedThisQuarter.current),
      change: countChange(figures.changedThisQuarter).replace(/^No change$/, `Same as ${figures.previousQuarterLabel}`),
    },
    {
      key: 'stale',
      term: `Stale (no activity for ${figures.staleDays} days)`,
      value: formatNumber(figures.stale.current),
      change: countChange(figures.stale),
      href: links?.stale,
    },
    {
      key: 'overdue',
      term: 'Overdue',
      value: formatNumber(figures.overdue.current),
      change: countChange(figures.overdue),
      href: links?.overdue,
    },
  ];
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6 print:grid-cols-3">
      {items.map((item) => (
        <div key={item.key} className="rounded-lg border border-border bg-surface px-3 py-2 print:break-inside-avoid">
          <dt className="text-xs font-medium leading-tight text-muted">{item.term}</dt>
          <dd className="pt-0.5">
            <div className="flex flex-wrap items-baseline justify-between gap-x-2">
              <span className="text-2xl font-semibold leading-tight tabular-nums">{item.value}</span>
              {item.href && (
                <a href={item.href} className="text-xs print:hidden">
                  Show these<span className="sr-only"> ({item.term.toLowerCase()})</span>
                </a>
              )}
            </div>
            <span className="block text-xs leading-snug text-muted">{item.change}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
