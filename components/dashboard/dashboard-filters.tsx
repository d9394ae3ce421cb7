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
import { ChoiceGroup } from '@/components/ui/choice-group';
import { OlderSeminarsNote } from '@/components/ui/older-seminars-note';

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

/** The dashboard's filters as a GET form: every view is a URL that can be bookmarked or shared. */
export function DashboardFilters({ query, errors, typed, seminars, seminarTotal, themes, sectors, quarterOptions, today }: Props) {
  const quarterChoices = [{ value: '', label: 'Any' }, ...quarterOptions.map((q) => ({ value: q.key, label: q.label }))];
  const otherErrors = NOT_FIELDS.flatMap((key) => (errors[key] ?? []).map((message) => `${key}=${typed[key] ?? ''}: ${message}`));
  return (
    <form
      method="get"
      action="/dashboard"
      aria-labelledby="filters-heading"
      className="space-y-3 rounded-lg border border-border bg-surface-muted p-4 print:hidden"
    >
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
