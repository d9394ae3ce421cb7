import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/api/errors';
import { toDateOnly } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { quarterKey } from '@/lib/progress/quarters';
import type { SeminarOption } from '@/lib/seminars/list-seminar-options';
import type { TermOption } from '@/lib/taxonomy/list-terms-for-filters';
import type { ProgressQuery } from '@/lib/validations/progress';

type Props = {
  query: ProgressQuery;
  errors: FieldErrors;
  /** What the URL said, to show again next to a field whose value could not be read. */
  typed: Record<string, string>;
  seminars: SeminarOption[];
  themes: TermOption[];
  sectors: TermOption[];
  quarterOptions: { key: string; label: string }[];
  today: Date;
};

type Choice = { id: string; label: string; color?: string };

/** A group of checkboxes for a repeatable filter, folded away behind how many are chosen. */
function ChoiceGroup({ name, legend, choices, chosen, errors }: { name: string; legend: string; choices: Choice[]; chosen: string[]; errors?: string[] }) {
  const errorId = `filter-${name}-error`;
  return (
    <details className="rounded-md border border-border bg-surface" open={chosen.length > 0 || Boolean(errors?.length)}>
      <summary className="cursor-pointer px-3 py-2 text-sm font-medium">
        {legend}: {chosen.length === 0 ? 'all' : `${chosen.length} chosen`}
      </summary>
      <fieldset className="px-3 pb-3" aria-describedby={errors?.length ? errorId : undefined}>
        <legend className="sr-only">{legend}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {choices.map((choice) => (
            <label key={choice.id} className="flex items-center gap-2 text-sm">
              <input type="checkbox" name={name} value={choice.id} defaultChecked={chosen.includes(choice.id)} className="h-4 w-4" />
              {choice.color && <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm" style={{ background: choice.color }} />}
              {choice.label}
            </label>
          ))}
        </div>
        <div id={errorId} aria-live="polite" className="text-sm text-danger">
          {errors?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </fieldset>
    </details>
  );
}

const NOT_FIELDS = ['by', 'interval', 'chart'] as const;

/** The dashboard's filters as a GET form: every view is a URL that can be bookmarked or shared. */
export function DashboardFilters({ query, errors, typed, seminars, themes, sectors, quarterOptions, today }: Props) {
  const quarterChoices = [{ value: '', label: 'Any' }, ...quarterOptions.map((q) => ({ value: q.key, label: q.label }))];
  const otherErrors = NOT_FIELDS.flatMap((key) => (errors[key] ?? []).map((message) => `${key}=${typed[key] ?? ''}: ${message}`));
  return (
    <form method="get" action="/dashboard" aria-labelledby="filters-heading" className="space-y-3 rounded-lg border border-border bg-surface-muted p-4 print:hidden">
      <h2 id="filters-heading" className="text-base font-semibold">
        Filters
      </h2>
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
      <div className="grid gap-3 lg:grid-cols-3">
        <ChoiceGroup
          name="seminar"
          legend="Seminars"
          choices={seminars.map((s) => ({ id: s.id, label: `${s.title} (${formatDate(s.date)})` }))}
          chosen={query.seminar}
          errors={errors.seminar}
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
      <div className="grid gap-3 sm:grid-cols-3">
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
        <Link href="/dashboard" className="text-sm">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
