import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import type { FieldErrors } from '@/lib/api/errors';
import type { AuditFilterOptions } from '@/lib/audit/list-audit-log';

type Props = { options: AuditFilterOptions; values: Record<string, string>; errors: FieldErrors };

const any = (label: string) => ({ value: '', label });

/** A plain GET form: every filter lives in the URL, so a search can be bookmarked and shared. */
export function AuditFilterForm({ options, values, errors }: Props) {
  return (
    <form method="get" action="/admin/audit" aria-label="Filter the audit log" className="space-y-4 rounded-lg border border-border bg-surface p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          id="audit-code"
          name="code"
          label="Recommendation code"
          hint="For example 2015-R03: its changes, evidence and links."
          defaultValue={values.code ?? ''}
          errors={errors.code}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          id="audit-user"
          name="user"
          label="User"
          options={[any('Anyone'), ...options.actors]}
          defaultValue={values.user ?? ''}
          errors={errors.user}
        />
        <SelectField
          id="audit-entity-type"
          name="entityType"
          label="Kind of record"
          options={[any('Any kind'), ...options.entityTypes.map((type) => ({ value: type, label: type }))]}
          defaultValue={values.entityType ?? ''}
          errors={errors.entityType}
        />
        <SelectField
          id="audit-action"
          name="action"
          label="Action"
          options={[any('Any action'), ...options.actions.map((action) => ({ value: action, label: action }))]}
          defaultValue={values.action ?? ''}
          errors={errors.action}
        />
        <TextField id="audit-from" name="from" label="From (day)" type="date" defaultValue={values.from ?? ''} errors={errors.from} />
        <TextField id="audit-to" name="to" label="To (day, included)" type="date" defaultValue={values.to ?? ''} errors={errors.to} />
        <TextField
          id="audit-entity-id"
          name="entityId"
          label="Record id"
          hint="The id of one user, theme, seminar or recommendation."
          defaultValue={values.entityId ?? ''}
          errors={errors.entityId}
          autoComplete="off"
        />
      </div>
      <div className="flex items-start gap-2">
        <input type="checkbox" id="audit-sign-ins" name="signIns" value="show" defaultChecked={values.signIns === 'show'} className="mt-1 h-4 w-4" />
        <label htmlFor="audit-sign-ins" className="text-sm">
          Show sign-ins and sign-outs (refused sign-ins are always shown)
        </label>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonClass('primary')}>
          Show entries
        </button>
        <Link href="/admin/audit" className={buttonClass('secondary')}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
