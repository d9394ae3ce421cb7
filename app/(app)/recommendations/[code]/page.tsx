import type { Metadata } from 'next';
import Link from 'next/link';
import { RecurrenceSection } from '@/components/recommendation/recurrence';
import { getRecurrence } from '@/lib/recurring/get-recurrence';
import { notFound, redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { verifySession } from '@/lib/auth/session';
import { actorFromUser } from '@/lib/auth/actor';
import { hasRole } from '@/lib/auth/roles';
import { today, toDateOnly } from '@/lib/dates';
import { formatDate, formatDateTime } from '@/lib/format';
import { canChangeEvidence } from '@/lib/evidence/edit-evidence';
import { getFieldOptions, getRecommendation, type RecommendationDetail } from '@/lib/recommendations/get-recommendation';
import { getItemTimeline } from '@/lib/recommendations/get-item-timeline';
import { SEMINAR_KIND_LABEL } from '@/lib/seminars/kinds';
import { PRIORITY_LABEL, STATUS_LABEL } from '@/lib/status/status';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { StatusBadge } from '@/components/ui/status-badge';
import { AddEvidenceForm } from '@/components/recommendation/add-evidence-form';
import { ChangeStatusForm } from '@/components/recommendation/change-status-form';
import { EditFieldsForm } from '@/components/recommendation/edit-fields-form';
import { EvidenceList } from '@/components/recommendation/evidence-list';
import { AddLinkForm, RemoveLinkButton } from '@/components/recommendation/link-controls';
import { ItemTimeline } from '@/components/recommendation/item-timeline';
import { CorrectTextForm } from '@/components/recommendation/correct-text-form';
import { RestoreForm, WithdrawForm } from '@/components/recommendation/withdrawal-controls';

type Params = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: decodeURIComponent((await params).code).toUpperCase() };
}

function Swatch({ color }: { color: string }) {
  return <span aria-hidden="true" className="inline-block h-2 w-2 shrink-0 rounded-sm" style={{ background: color }} />;
}

function Details({ item }: { item: RecommendationDetail }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
      <dt className="font-medium">Primary theme</dt>
      <dd className="flex items-center gap-1.5">
        <Swatch color={item.primaryTheme.color} />
        {item.primaryTheme.name}
      </dd>
      <dt className="font-medium">Secondary themes</dt>
      <dd>{item.secondaryThemes.length ? item.secondaryThemes.map((theme) => theme.name).join(', ') : <span className="text-muted">None</span>}</dd>
      <dt className="font-medium">Owner sectors</dt>
      <dd>{item.sectors.length ? item.sectors.map((sector) => sector.name).join(', ') : <span className="text-muted">None</span>}</dd>
      <dt className="font-medium">Priority</dt>
      <dd>{PRIORITY_LABEL[item.priority]}</dd>
      <dt className="font-medium">Target date</dt>
      <dd>
        {item.targetDate ? formatDate(item.targetDate) : <span className="text-muted">None</span>}
        {item.overdue && <span className="ml-2 rounded-full border border-danger px-2 py-0.5 text-xs font-medium text-danger">Overdue</span>}
      </dd>
      <dt className="font-medium">Source</dt>
      <dd>
        {item.seminar.title}, {formatDate(item.seminar.date)}
        {item.provenance.sourceFileName && <> ({item.provenance.sourceFileName})</>}, recommendation {item.position}
        {item.provenance.span ? (
          <>
            , lines {item.provenance.span.lineStart}–{item.provenance.span.lineEnd}
          </>
        ) : (
          <>, entered by hand</>
        )}
      </dd>
    </dl>
  );
}

export default async function RecommendationPage({ params }: Params) {
  const user = await verifySession();
  const key = decodeURIComponent((await params).code);
  const item = await getRecommendation(db, key, actorFromUser(user));
  if (!item) notFound();
  // One address per item: /recommendations/<id> and lower-case codes land on the canonical one.
  if (key !== item.code) redirect(`/recommendations/${encodeURIComponent(item.code)}`);

  // A withdrawn item is read-only until restored.
  const canEdit = hasRole(user.role, 'EDITOR') && !item.archived;
  const canRestore = hasRole(user.role, 'EDITOR') && item.archived;
  const now = toDateOnly(today());
  const recurrence = await getRecurrence(db, item.id, actorFromUser(user));
  const options = canEdit ? await getFieldOptions(db) : null;
  const timeline = (await getItemTimeline(db, item.id, actorFromUser(user))) ?? [];
  const themes = options
    ? options.themes.some((theme) => theme.id === item.primaryTheme.id)
      ? options.themes
      : [{ id: item.primaryTheme.id, name: `${item.primaryTheme.name} (merged)` }, ...options.themes]
    : [];
  const sourceHref = `/recommendations/${encodeURIComponent(item.code)}/source#in-source`;

  return (
    <div className="max-w-6xl space-y-8">
      <header className="space-y-2">
        <Breadcrumbs trail={[HOME_CRUMB, { href: '/recommendations', label: 'Recommendations' }]} current={item.code} />
        <p className="text-sm text-muted">
          {SEMINAR_KIND_LABEL[item.seminar.kind] ?? item.seminar.kind}: {item.seminar.title}, {formatDate(item.seminar.date)}
        </p>
        <h1 className="text-2xl font-semibold">
          <span className="mr-2 font-mono text-muted">{item.code}</span>
          {item.title}
        </h1>
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <StatusBadge status={item.status} />
          <span className="text-muted">since {formatDate(item.statusDate)}</span>
          {item.overdue && <span className="rounded-full border border-danger px-2 py-0.5 text-xs font-medium text-danger">Overdue</span>}
          {item.archived && <span className="rounded-full border border-border px-2 py-0.5 text-xs">Withdrawn</span>}
          {recurrence.askedBefore.length > 0 && (
            <a href="#recurrence-heading" className="rounded-full border border-border px-2 py-0.5 text-xs">
              Asked before ({recurrence.askedBefore.length})
            </a>
          )}
        </p>
        <p className="hidden text-xs text-muted print:block">Printed from the Recommendation Tracker on {formatDateTime(new Date())}.</p>
      </header>

      {item.withdrawal && (
        <section aria-label="Withdrawn" className="space-y-3 rounded-lg border-2 border-danger bg-surface p-4">
          <p className="font-medium">
            Withdrawn{item.withdrawal.at && <> on {formatDateTime(item.withdrawal.at)}</>}
            {item.withdrawal.by && <> by {item.withdrawal.by.name}</>}
            {item.withdrawal.reason && <> — {item.withdrawal.reason}</>}
          </p>
          <p className="text-sm text-muted">It is left out of the lists, counts, charts and reports, and cannot be changed until it is restored.</p>
          {canRestore && (
            <div className="print:hidden">
              <RestoreForm recommendationId={item.id} version={item.version} />
            </div>
          )}
        </section>
      )}

      {/* On paper: one column, the item first, then its details; no forms or controls. */}
      <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)] print:block print:space-y-8">
        <div className="min-w-0 space-y-8">
          <section aria-labelledby="text-heading" className="space-y-3">
            <h2 id="text-heading" className="text-lg font-semibold">
              Recommendation
            </h2>
            <blockquote className="whitespace-pre-line rounded-md border-l-4 border-border bg-surface p-4">{item.text}</blockquote>
            {item.provenance.textDiffersFromSource && (
              <p className="rounded-md border border-border bg-surface-muted p-3 text-sm">
                This text was corrected and no longer matches the report’s wording. “View in source” shows the report as it was.
              </p>
            )}
            {item.provenance.span ? (
              <p className="text-sm print:hidden">
                <Link href={sourceHref} className="underline">
                  View in source
                </Link>
                <span className="text-muted"> — the whole report, with this recommendation highlighted.</span>
              </p>
            ) : (
              <p className="text-sm text-muted">Entered by hand: its text is not marked in a report.</p>
            )}
            {item.textRevisions.length > 0 && (
              <p className="text-sm text-muted">
                Corrected {item.textRevisions.length === 1 ? 'once' : `${item.textRevisions.length} times`}: the earlier wording is in the{' '}
                <a href="#history-heading" className="underline">
                  history
                </a>
                .
              </p>
            )}
            {canEdit && (
              <details className="rounded-lg border border-border bg-surface p-4 print:hidden">
                <summary className="cursor-pointer font-semibold">Correct the text</summary>
                <div className="mt-3">
                  <CorrectTextForm recommendationId={item.id} version={item.version} title={item.title} text={item.text} />
                </div>
              </details>
            )}
          </section>

          {canEdit && (
            <section aria-labelledby="change-status-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4 print:hidden">
              <h2 id="change-status-heading" className="text-lg font-semibold">
                Change the status
              </h2>
              <ChangeStatusForm
                recommendationId={item.id}
                version={item.version}
                currentStatus={item.status}
                evidenceCount={item.evidence.length}
                seminarDate={toDateOnly(item.seminar.date)}
                today={now}
              />
            </section>
          )}

          <section aria-labelledby="evidence-heading" className="space-y-3">
            <h2 id="evidence-heading" className="text-lg font-semibold">
              Evidence
            </h2>
            <EvidenceList
              evidence={item.evidence}
              today={now}
              canChange={(note) => !item.archived && canChangeEvidence(user, { authorId: note.author?.id ?? null })}
            />
            {canEdit && (
              <details className="rounded-lg border border-border bg-surface p-4 print:hidden">
                <summary className="cursor-pointer font-semibold">Add evidence</summary>
                <div className="mt-3">
                  <AddEvidenceForm recommendationId={item.id} today={now} />
                </div>
              </details>
            )}
          </section>

          <section aria-labelledby="history-heading" className="space-y-3">
            <h2 id="history-heading" className="scroll-mt-24 text-lg font-semibold">
              History
            </h2>
            <p className="text-sm text-muted">Every change to this recommendation, newest first: its status, evidence, details, text and links.</p>
            <ItemTimeline entries={timeline} />
          </section>
        </div>

        <aside className="min-w-0 space-y-8" aria-label="Details and related recommendations">
          <section aria-labelledby="details-heading" className="space-y-3">
            <h2 id="details-heading" className="text-lg font-semibold">
              Details
            </h2>
            <Details item={item} />
            {canEdit && options && (
              <details className="rounded-lg border border-border bg-surface p-4 print:hidden">
                <summary className="cursor-pointer font-semibold">Edit the details</summary>
                <div className="mt-3">
                  <EditFieldsForm
                    recommendationId={item.id}
                    version={item.version}
                    themes={themes}
                    sectors={options.sectors}
                    current={{
                      primaryThemeId: item.primaryTheme.id,
                      secondaryThemeIds: item.secondaryThemes.map((theme) => theme.id),
                      sectorIds: item.sectors.map((sector) => sector.id),
                      priority: item.priority,
                      targetDate: item.targetDate ? toDateOnly(item.targetDate) : '',
                    }}
                  />
                </div>
              </details>
            )}
          </section>

          <RecurrenceSection recurrence={recurrence} />

          <section aria-labelledby="related-heading" className="space-y-3">
            <h2 id="related-heading" className="text-lg font-semibold">
              Related recommendations
            </h2>
            {item.links.length === 0 ? (
              <p className="text-sm text-muted">None linked.</p>
            ) : (
              <ul className="space-y-2 text-sm">
                {item.links.map((link) => (
                  <li key={link.id} className="flex flex-wrap items-start justify-between gap-2 rounded-md border border-border bg-surface p-2">
                    <div className="min-w-0">
                      <Link href={`/recommendations/${encodeURIComponent(link.other.code)}`} className="font-mono underline">
                        {link.other.code}
                      </Link>{' '}
                      {link.other.title}
                      <span className="sr-only">, {STATUS_LABEL[link.other.status]}</span>
                      {link.note && <p className="text-xs text-muted">{link.note}</p>}
                    </div>
                    {canEdit && (
                      <div className="print:hidden">
                        <RemoveLinkButton linkId={link.id} otherCode={link.other.code} />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {canEdit && (
              <details className="rounded-lg border border-border bg-surface p-4 print:hidden">
                <summary className="cursor-pointer font-semibold">Link a related recommendation</summary>
                <div className="mt-3">
                  <AddLinkForm recommendationId={item.id} />
                </div>
              </details>
            )}
          </section>

          {canEdit && (
            <section aria-labelledby="entry-heading" className="space-y-3 print:hidden">
              <h2 id="entry-heading" className="text-lg font-semibold">
                Entry
              </h2>
              <p className="text-sm">
                <Link href={`/seminars/${encodeURIComponent(item.seminar.codePrefix)}/recommendations/new`} className="underline">
                  Add another recommendation to this seminar
                </Link>
              </p>
              <details className="rounded-lg border border-border bg-surface p-4">
                <summary className="cursor-pointer font-semibold">Withdraw this recommendation</summary>
                <div className="mt-3">
                  <WithdrawForm recommendationId={item.id} version={item.version} code={item.code} />
                </div>
              </details>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
