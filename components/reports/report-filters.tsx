import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/api/errors';
import { formatDate } from '@/lib/format';
import type { SeminarOption } from '@/lib/seminars/list-seminar-options';
import type { TermOption } from '@/lib/taxonomy/list-terms-for-filters';

type Choice = { id: string; label: string; color?: string };

/** A repeatable filter as checkboxes, folded away behind how many are chosen. */
function ChoiceGroup({ name, legend, choices, chosen, errors }: { name: string; legend: string; choices: Choice[]; chosen: string[]; errors?: string[] }) {
  const errorId = `report-${name}-error`;
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

type Props = {
  quarter: string;
  quarterOptions: { value: string; label: string }[];
  chosen: { seminar: string[]; theme: string[]; sector: string[] };
  errors: FieldErrors;
  typed: Record<string, string>;
  seminars: SeminarOption[];
  themes: TermOption[];
  sectors: TermOption[];
};

/** The quarter and the dashboard's filters as a GET form: each choice is a URL that can be shared. */
export function ReportFilters({ quarter, quarterOptions, chosen, errors, typed, seminars, themes, sectors }: Props) {
  return (
    <form method="get" action="/reports" aria-labelledby="report-filters-heading" className="space-y-3 rounded-lg border border-border bg-surface-muted p-4">
      <h2 id="report-filters-heading" className="text-base font-semibold">
        Quarter and filters
      </h2>
      <div className="max-w-xs">
        <SelectField
          name="quarter"
          label="Quarter"
          options={quarterOptions}
          defaultValue={quarter}
          errors={errors.quarter}
          hint={errors.quarter && typed.quarter ? `You entered “${typed.quarter}”; showing the last complete quarter instead.` : 'Complete quarters, and the one in progress.'}
        />
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        <ChoiceGroup
          name="seminar"
          legend="Seminars"
          choices={seminars.map((s) => ({ id: s.id, label: `${s.title} (${formatDate(s.date)})` }))}
          chosen={chosen.seminar}
          errors={errors.seminar}
        />
        <ChoiceGroup name="theme" legend="Primary themes" choices={themes.map((t) => ({ id: t.id, label: t.name, color: t.color }))} chosen={chosen.theme} errors={errors.theme} />
        <ChoiceGroup name="sector" legend="Owner sectors" choices={sectors.map((s) => ({ id: s.id, label: s.name, color: s.color }))} chosen={chosen.sector} errors={errors.sector} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass('primary')}>
          Apply
        </button>
        <Link href="/reports" className="text-sm">
          Clear filters
        </Link>
      </div>
    </form>
  );
}
