import Link from 'next/link';
import { formatDate, formatNumber } from '@/lib/format';
import { SEMINAR_KIND_LABEL } from '@/lib/seminars/kinds';
import type { SeminarAdminRow } from '@/lib/seminars/list-seminars-for-admin';

type Props = {
  seminars: SeminarAdminRow[];
  /** How many seminars match, on every page. */
  total: number;
  /** The search they match, if any. */
  q?: string;
};

/** "12 reports, newest first." or "1 report matches “Russia”, newest first." */
function captionText(total: number, q: string | undefined): string {
  const count = `${formatNumber(total)} ${total === 1 ? 'report' : 'reports'}`;
  if (!q) return `${count}, newest first.`;
  return `${count} ${total === 1 ? 'matches' : 'match'} “${q}”, newest first.`;
}

/** One page of seminars; the page says when there are none. */
export function SeminarsTable({ seminars, total, q }: Props) {
  return (
    <div
      role="region"
      aria-label="Seminars table (scrolls sideways on narrow screens)"
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-border bg-surface"
    >
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="p-3 text-left text-muted">{captionText(total, q)} Open one to edit its details and speakers.</caption>
        <thead className="border-b border-border bg-surface-muted">
          <tr>
            <th scope="col" className="p-3 font-medium">
              Title
            </th>
            <th scope="col" className="p-3 font-medium">
              Code
            </th>
            <th scope="col" className="p-3 font-medium">
              Kind
            </th>
            <th scope="col" className="p-3 font-medium">
              Date
            </th>
            <th scope="col" className="p-3 font-medium">
              Venue and organiser
            </th>
            <th scope="col" className="p-3 text-right font-medium">
              Recommendations
            </th>
            <th scope="col" className="p-3 text-right font-medium">
              Speakers
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {seminars.map((seminar) => (
            <tr key={seminar.id} className="align-top">
              <th scope="row" className="p-3 font-normal">
                <Link href={`/admin/seminars/${seminar.id}`} className="font-medium">
                  {seminar.title}
                </Link>
              </th>
              <td className="p-3 font-mono">{seminar.codePrefix}</td>
              <td className="p-3">{SEMINAR_KIND_LABEL[seminar.kind] ?? seminar.kind}</td>
              <td className="p-3 whitespace-nowrap">{formatDate(seminar.date)}</td>
              <td className="p-3 text-muted">{[seminar.venue, seminar.organiser].filter(Boolean).join(' · ') || '—'}</td>
              <td className="p-3 text-right">{formatNumber(seminar.recommendationCount)}</td>
              <td className="p-3 text-right">{formatNumber(seminar.speakerCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
