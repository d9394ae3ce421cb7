import { formatNumber, formatPercent } from '@/lib/format';
import type { Figure } from '@/lib/progress/figure';
import type { HeadlineFigures } from '@/lib/progress/headline-figures';

type Props = {
  figures: HeadlineFigures;
  /** Drill-down links; left out when looking back (the list shows today's statuses). */
  links: Partial<Record<'tracked' | 'implemented' | 'stale' | 'overdue', string>> | null;
};

function countChange(figure: Figure, since: string): string {
  const was = `was ${formatNumber(figure.previous)}`;
  if (figure.change > 0) return `Up ${formatNumber(figure.change)} since ${since} (${was})`;
  if (figure.change < 0) return `Down ${formatNumber(-figure.change)} since ${since} (${was})`;
  return `No change since ${since}`;
}

function progressChange(figure: Figure<number | null>, since: string): string {
  if (figure.previous === null || figure.change === null) return `No figure for ${since}`;
  const points = Math.round(figure.change * 100);
  const was = `was ${formatPercent(figure.previous)}`;
  if (points > 0) return `Up ${points} ${points === 1 ? 'point' : 'points'} since ${since} (${was})`;
  if (points < 0) return `Down ${-points} ${points === -1 ? 'point' : 'points'} since ${since} (${was})`;
  return `No change since ${since} (${was})`;
}

/** The six headline figures as a definition list: each term, its value, and its change since the previous quarter. */
export function HeadlineFiguresList({ figures, links }: Props) {
  const since = `end of ${figures.previousQuarterLabel}`;
  const items: { key: string; term: string; value: string; change: string; href?: string }[] = [
    {
      key: 'tracked',
      term: 'Recommendations tracked',
      value: formatNumber(figures.tracked.current),
      change: countChange(figures.tracked, since),
      href: links?.tracked,
    },
    {
      key: 'progress',
      term: 'Weighted progress',
      value: formatPercent(figures.progress.current),
      change: progressChange(figures.progress, since),
    },
    {
      key: 'implemented',
      term: 'Implemented',
      value: formatNumber(figures.implemented.current),
      change: countChange(figures.implemented, since),
      href: links?.implemented,
    },
    {
      key: 'changed',
      term: `Changed this quarter (${figures.quarterLabel})`,
      value: formatNumber(figures.changedThisQuarter.current),
      change: countChange(figures.changedThisQuarter, figures.previousQuarterLabel),
    },
    {
      key: 'stale',
      term: `Stale (no activity for ${figures.staleDays} days)`,
      value: formatNumber(figures.stale.current),
      change: countChange(figures.stale, since),
      href: links?.stale,
    },
    {
      key: 'overdue',
      term: 'Overdue',
      value: formatNumber(figures.overdue.current),
      change: countChange(figures.overdue, since),
      href: links?.overdue,
    },
  ];
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3 print:grid-cols-3">
      {items.map((item) => (
        <div key={item.key} className="rounded-lg border border-border bg-surface p-4 print:break-inside-avoid">
          <dt className="text-sm font-medium text-muted">{item.term}</dt>
          <dd className="mt-1">
            <span className="block text-3xl font-semibold tabular-nums">{item.value}</span>
            <span className="block text-sm text-muted">{item.change}</span>
            {item.href && (
              <a href={item.href} className="mt-1 inline-block text-sm print:hidden">
                Show these<span className="sr-only"> ({item.term.toLowerCase()})</span>
              </a>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
