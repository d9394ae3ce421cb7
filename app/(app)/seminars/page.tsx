import type { Metadata } from 'next';
import Link from 'next/link';
import { listSeminarsWithRecommendations } from '@/lib/seminars/list-seminars-with-recommendations';
import { StatusBadge } from '@/components/ui/status-badge';
import { formatDate } from '@/lib/format';
import { SEMINAR_KIND_LABEL } from '@/lib/seminars/kinds';
import { verifySession } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Seminars' };

export default async function SeminarsPage() {
  await verifySession();
  const seminars = await listSeminarsWithRecommendations();
  const total = seminars.reduce((sum, seminar) => sum + seminar.recommendations.length, 0);
  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Seminars</h1>
        <p className="text-muted">
          {total} recommendations from {seminars.length} {seminars.length === 1 ? 'report' : 'reports'}.
        </p>
      </header>
      {seminars.length === 0 && <p>No reports yet.</p>}
      {seminars.map((seminar) => (
        <section key={seminar.id} aria-labelledby={`seminar-${seminar.id}`} className="space-y-3">
          <h2 id={`seminar-${seminar.id}`} className="text-lg font-semibold">
            {seminar.title}
          </h2>
          <p className="text-sm text-muted">
            {SEMINAR_KIND_LABEL[seminar.kind] ?? seminar.kind} · {formatDate(seminar.date)} ·{' '}
            {seminar.recommendations.length} recommendations
          </p>
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
            {seminar.recommendations.map((item) => (
              <li key={item.id} className="flex flex-col gap-2 p-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <span className="mr-2 font-mono text-sm text-muted">{item.code}</span>
                  <Link href={`/recommendations/${item.code}`}>{item.title}</Link>
                  <div className="mt-1 text-xs text-muted">
                    <span className="inline-flex items-center gap-1">
                      <span aria-hidden="true" className="inline-block h-2 w-2 rounded-sm" style={{ background: item.primaryTheme.color }} />
                      {item.primaryTheme.name}
                    </span>
                    {item.sectors.length > 0 && <> · {item.sectors.map((sector) => sector.name).join(', ')}</>}
                  </div>
                </div>
                <StatusBadge status={item.status} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
