import type { Vocabulary } from '@/lib/taxonomy/list-vocabulary';
import { TERM_KIND_LABEL } from '@/lib/validations/taxonomy';
import { formatNumber } from '@/lib/format';
import { ADMIN_CRUMB } from '@/components/layout/nav-links';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';
import { ColorSwatch } from './color-swatch';
import { CreateTermForm } from './create-term-form';
import { EditTermForm } from './edit-term-form';
import { MergeTermsForm } from './merge-terms-form';
import { MoveTermButtons } from './move-term-buttons';

const INTRO = {
  theme: 'Themes say what a recommendation is about. Each recommendation has one primary theme and may have secondary ones.',
  sector: 'Sectors say who has to act on a recommendation. A recommendation may name several.',
} as const;

/** The admin page for one vocabulary (themes or sectors): the list, its order, edits, additions and merges. */
export function VocabularyAdmin({ vocabulary }: { vocabulary: Vocabulary }) {
  const { kind, terms, merged } = vocabulary;
  const label = TERM_KIND_LABEL[kind];
  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, ADMIN_CRUMB]} current={label.Many} />
        <h1 className="text-2xl font-semibold">{label.Many}</h1>
        <p className="text-muted">{INTRO[kind]} The order here is the order of lists, filters and charts.</p>
      </header>

      <section aria-labelledby="terms-heading" className="space-y-3">
        <h2 id="terms-heading" className="text-lg font-semibold">
          {label.Many} in use
        </h2>
        <div
          role="region"
          aria-label={`${label.Many} table (scrolls sideways on narrow screens)`}
          tabIndex={0}
          className="relative overflow-x-auto rounded-lg border border-border bg-surface"
        >
          <table className="w-full min-w-[52rem] text-left text-sm">
            <caption className="p-3 text-left text-muted">
              {formatNumber(terms.length)} {terms.length === 1 ? label.one : label.many}, in display order.{' '}
              {kind === 'theme'
                ? 'Used by counts the recommendations that have the theme as primary or secondary theme.'
                : 'Used by counts the recommendations that name the sector.'}
            </caption>
            <thead className="border-b border-border bg-surface-muted">
              <tr>
                <th scope="col" className="p-3 font-medium">
                  Order
                </th>
                <th scope="col" className="p-3 font-medium">
                  Colour
                </th>
                <th scope="col" className="p-3 font-medium">
                  Name
                </th>
                <th scope="col" className="p-3 font-medium">
                  Description
                </th>
                <th scope="col" className="p-3 font-medium">
                  Used by
                </th>
                <th scope="col" className="p-3 font-medium">
                  Edit
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {terms.length === 0 && (
                <tr>
                  <td colSpan={6} className="p-3 text-muted">
                    No {label.many} yet. Add the first one below.
                  </td>
                </tr>
              )}
              {terms.map((term, index) => (
                <tr key={term.id} className="align-top">
                  <td className="p-3">
                    <MoveTermButtons kind={kind} id={term.id} name={term.name} isFirst={index === 0} isLast={index === terms.length - 1} />
                  </td>
                  <td className="p-3 whitespace-nowrap">
                    <ColorSwatch color={term.color} />
                  </td>
                  <th scope="row" className="p-3 font-medium">
                    {term.name}
                  </th>
                  <td className="max-w-xs p-3 text-muted">{term.description ?? '—'}</td>
                  <td className="p-3 whitespace-nowrap">
                    {formatNumber(term.usageCount)}
                    {kind === 'theme' && term.usageCount > 0 && (
                      <span className="block text-xs text-muted">
                        {formatNumber(term.primaryCount)} primary, {formatNumber(term.linkCount)} secondary
                      </span>
                    )}
                  </td>
                  <td className="p-3">
                    <EditTermForm kind={kind} term={term} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="add-term-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4">
          <h2 id="add-term-heading" className="text-lg font-semibold">
            Add a {label.one}
          </h2>
          <CreateTermForm kind={kind} />
        </section>

        <section aria-labelledby="merge-heading" className="space-y-3 rounded-lg border border-border bg-surface p-4">
          <h2 id="merge-heading" className="text-lg font-semibold">
            Merge two {label.many}
          </h2>
          <p className="text-sm text-muted">
            Every recommendation using the first {label.one} moves to the second. The first is kept, marked as merged, and no longer offered in forms or
            filters.
          </p>
          <MergeTermsForm
            kind={kind}
            terms={terms.map((term) => ({ id: term.id, name: term.name, primaryCount: term.primaryCount, linkCount: term.linkCount }))}
          />
        </section>
      </div>

      <section aria-labelledby="merged-heading" className="space-y-3">
        <h2 id="merged-heading" className="text-lg font-semibold">
          Merged {label.many}
        </h2>
        {merged.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
            {merged.map((term) => (
              <li key={term.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 p-3 text-sm">
                <span className="font-medium">{term.name}</span>
                <span className="text-muted">merged into</span>
                <span className="font-medium">{term.mergedInto?.name ?? 'a term that no longer exists'}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
