import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/api/errors';
import { toDateOnly } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { quarterKey, quarterLabel } from '@/lib/progress/quarters';
import type { SeminarOption } from '@/lib/seminars/list-seminar-options';
import type { TermOption } from '@/lib/taxonomy/list-terms-for-filters';
import { progressQueryToSearchParams, type ProgressQuery } from '@/lib/validations/progress';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { OlderSeminarsNote } from '@/components/ui/older-seminars-note';
import { FilterPopover } from './filter-popover';

type Props = {
  query: ProgressQuery;
  errors: FieldErrors;
  /** What the URL said, to show again next to a field whose value could not be read. */
  typed: Record<string, string>;
  /** The recent and chosen seminars (listSeminarChoices) of `seminarTotal`. */
  seminars: SeminarOption[];
  seminarTotal: number;
  themes: TermOption[];
  sectors: TermOption[];
  quarterOptions: { key: string; label: string }[];
  today: Date;
};

const NOT_FIELDS = ['by', 'interval', 'chart'] as const;

type Chip = { key: string; kind: string; label: string; href: string };

const hrefOf = (query: ProgressQuery, changes: Partial<ProgressQuery>) => {
  const params = progressQueryToSearchParams(query, changes).toString();
  return params ? `/dashboard?${params}` : '/dashboard';
};

/** Every filter in force, each with the address of the dashboard without it. */
function activeFilters({ query, seminars, themes, sectors }: Pick<Props, 'query' | 'seminars' | 'themes' | 'sectors'>): Chip[] {
  const nameOf = (options: { id: string; name: string }[], id: string) => options.find((option) => option.id === id)?.name ?? id;
  const chips: Chip[] = [];
  const lists = [
    { key: 'seminar', kind: 'Seminar', options: seminars.map((s) => ({ id: s.id, name: s.title })) },
    { key: 'theme', kind: 'Primary theme', options: themes },
    { key: 'sector', kind: 'Owner sector', options: sectors },
  ] as const;
  for (const { key, kind, options } of lists) {
    for (const id of query[key]) {
      chips.push({ key: `${key}-${id}`, kind, label: nameOf(options, id), href: hrefOf(query, { [key]: query[key].filter((other) => other !== id) }) });
    }
  }
  if (query.from) chips.push({ key: 'from', kind: 'From', label: quarterLabel(query.from), href: hrefOf(query, { from: undefined }) });
  if (query.to) chips.push({ key: 'to', kind: 'To', label: quarterLabel(query.to), href: hrefOf(query, { to: undefined }) });
  if (query.asOf) chips.push({ key: 'asOf', kind: 'As of', label: formatDate(query.asOf), href: hrefOf(query, { asOf: undefined }) });
  return chips;
}

/**
 * The dashboard's filters as a compact bar: one button that opens the filter form (a GET form, so
 * every view is a URL that can be bookmarked or shared), and the filters in force as chips that each
 * remove their filter. On a phone the bar is the button alone, which says how many are in force.
 */
export function DashboardFilters({ query, errors, typed, seminars, seminarTotal, themes, sectors, quarterOptions, today }: Props) {
  const quarterChoices = [{ value: '', label: 'Any' }, ...quarterOptions.map((q) => ({ value: q.key, label: q.label }))];
  const otherErrors = NOT_FIELDS.flatMap((key) => (errors[key] ?? []).map((message) => `${key}=${typed[key] ?? ''}: ${message}`));
  const chips = activeFilters({ query, seminars, themes, sectors });
  const clearAll = hrefOf({ ...query, seminar: [], theme: [], sector: [], from: undefined, to: undefined, asOf: undefined }, {});
  return (
    <section aria-label="Filters" className="relative print:hidden">
      <div className="flex flex-wrap items-center gap-2">
        <FilterPopover
          open={Object.keys(errors).length > 0}
          summary={
            <>
              <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14">
                <path d="M1 2h12L8.5 7.5V12l-3 1.5V7.5z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
              </svg>
              Filters
              {chips.length > 0 && <span className="rounded-full bg-accent px-2 text-xs text-accent-text">{chips.length} on</span>}
            </>
          }
        >
          <form method="get" action="/dashboard" aria-label="Choose filters" className="space-y-3">
            {otherErrors.length > 0 && (
              <div role="alert" className="rounded-md border border-danger p-3 text-sm text-danger">
                <p>Some of the address could not be read and was left out:</p>
                <ul className="list-disc pl-5">
                  {otherErrors.map((message) => (
                    <li key={message}>{message}</li>
                  ))}
                </ul>
              </div>
            )}
            {query.chart !== 'line' && <input type="hidden" name="chart" value={query.chart} />}
            <div className="grid items-start gap-3 lg:grid-cols-3">
              <ChoiceGroup
                name="seminar"
                legend="Seminars"
                choices={seminars.map((s) => ({ id: s.id, label: `${s.title} (${formatDate(s.date)})` }))}
                chosen={query.seminar}
                errors={errors.seminar}
                footer={<OlderSeminarsNote total={seminarTotal} />}
              />
              <ChoiceGroup
                name="theme"
                legend="Primary themes"
                choices={themes.map((t) => ({ id: t.id, label: t.name, color: t.color }))}
                chosen={query.theme}
                errors={errors.theme}
              />
              <ChoiceGroup
                name="sector"
                legend="Owner sectors"
                choices={sectors.map((s) => ({ id: s.id, label: s.name, color: s.color }))}
                chosen={query.sector}
                errors={errors.sector}
              />
            </div>
            <div className="grid items-start gap-3 sm:grid-cols-3">
              <SelectField
                name="from"
                label="From quarter"
                options={quarterChoices}
                defaultValue={query.from ? quarterKey(query.from) : ''}
                errors={errors.from}
                hint={errors.from && typed.from ? `You entered “${typed.from}”.` : undefined}
              />
              <SelectField
                name="to"
                label="To quarter"
                options={quarterChoices}
                defaultValue={query.to ? quarterKey(query.to) : ''}
                errors={errors.to}
                hint={errors.to && typed.to ? `You entered “${typed.to}”.` : undefined}
              />
              <TextField
                name="asOf"
                label="As of"
                type="date"
                max={toDateOnly(today)}
                defaultValue={errors.asOf ? (typed.asOf ?? '') : query.asOf ? toDateOnly(query.asOf) : ''}
                errors={errors.asOf}
                hint={
                  errors.asOf && typed.asOf
                    ? `You entered “${typed.asOf}”. The dashboard as it stood on this day; empty for today.`
                    : 'The dashboard as it stood on this day; empty for today.'
                }
              />
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <button type="submit" className={buttonClass('primary')}>
                Apply filters
              </button>
              <Link href={clearAll} className="text-sm">
                Clear filters
              </Link>
            </div>
          </form>
        </FilterPopover>
        {chips.length > 0 ? (
          <>
            <ul aria-label="Filters in force" className="hidden flex-wrap items-center gap-2 sm:flex">
              {chips.map((chip) => (
                <li key={chip.key}>
                  <Link
                    href={chip.href}
                    aria-label={`Remove filter ${chip.kind}: ${chip.label}`}
                    className="inline-flex min-h-8 items-center gap-1.5 rounded-full border border-border bg-surface py-1 pl-3 pr-2 text-sm text-text no-underline hover:border-accent"
                  >
                    <span className="text-muted">{chip.kind}:</span>
                    <span>{chip.label}</span>
                    <svg aria-hidden="true" width="14" height="14" viewBox="0 0 14 14" className="shrink-0">
                      <path d="M3.5 3.5l7 7M10.5 3.5l-7 7" stroke="currentColor" strokeWidth="1.6" />
                    </svg>
                  </Link>
                </li>
              ))}
            </ul>
            <Link href={clearAll} className="hidden text-sm sm:inline">
              Clear all
            </Link>
          </>
        ) : (
          <p className="hidden text-sm text-muted sm:block">Showing every recommendation.</p>
        )}
      </div>
    </section>
  );
}
