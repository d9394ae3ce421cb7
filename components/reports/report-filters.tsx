import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/api/errors';
import { formatDate } from '@/lib/format';
import type { SeminarOption } from '@/lib/seminars/list-seminar-options';
import type { TermOption } from '@/lib/taxonomy/list-terms-for-filters';
import { ChoiceGroup } from '@/components/ui/choice-group';
import { OlderSeminarsNote } from '@/components/ui/older-seminars-note';

type Props = {
  quarter: string;
  quarterOptions: { value: string; label: string }[];
  chosen: { seminar: string[]; theme: string[]; sector: string[] };
  errors: FieldErrors;
  typed: Record<string, string>;
  /** The recent and chosen seminars (listSeminarChoices) of `seminarTotal`. */
  seminars: SeminarOption[];
  seminarTotal: number;
  themes: TermOption[];
  sectors: TermOption[];
};

/** The quarter and the dashboard's filters as a GET form: each choice is a URL that can be shared. */
export function ReportFilters({ quarter, quarterOptions, chosen, errors, typed, seminars, seminarTotal, themes, sectors }: Props) {
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
          hint={
            errors.quarter && typed.quarter
              ? `You entered “${typed.quarter}”; showing the last complete quarter instead.`
              : 'Complete quarters, and the one in progress.'
          }
        />
      </div>
      <div className="grid gap-3 lg:grid-cols-3">
        <ChoiceGroup
          idPrefix="report"
          name="seminar"
          legend="Seminars"
          choices={seminars.map((s) => ({ id: s.id, label: `${s.title} (${formatDate(s.date)})` }))}
          chosen={chosen.seminar}
          errors={errors.seminar}
          footer={<OlderSeminarsNote total={seminarTotal} />}
        />
        <ChoiceGroup
          idPrefix="report"
          name="theme"
          legend="Primary themes"
          choices={themes.map((t) => ({ id: t.id, label: t.name, color: t.color }))}
          chosen={chosen.theme}
          errors={errors.theme}
        />
        <ChoiceGroup
          idPrefix="report"
          name="sector"
          legend="Owner sectors"
          choices={sectors.map((s) => ({ id: s.id, label: s.name, color: s.color }))}
          chosen={chosen.sector}
          errors={errors.sector}
        />
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
