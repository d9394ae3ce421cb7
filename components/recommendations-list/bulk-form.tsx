'use client';

import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { bulkUpdateAction } from '@/app/(app)/recommendations/actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useActionToast } from '@/components/ui/action-toast';
import { FormMessage } from '@/components/ui/form-message';
import type { ActionState } from '@/lib/auth/action';
import { PRIORITIES, PRIORITY_LABEL, STATUS_LABEL, STATUSES } from '@/lib/status/status';
import type { BulkOperation } from '@/lib/validations/bulk-update';
import { STATUS_NOTE_MAX } from '@/lib/validations/status-change';

type Option = { id: string; name: string };

type Props = {
  children: ReactNode;
  /** How many match the filters (all pages), the filters as a query string, and when the page was read. */
  total: number;
  query: string;
  asOf: string;
  today: string;
  themes: Option[];
  sectors: Option[];
};

const OPERATIONS: { value: BulkOperation; label: string }[] = [
  { value: 'status', label: 'Status' },
  { value: 'priority', label: 'Priority' },
  { value: 'theme', label: 'Primary theme' },
  { value: 'sector', label: 'Owner sectors' },
];

const isOperation = (value: unknown): value is BulkOperation => OPERATIONS.some((operation) => operation.value === value);

function itemBoxes(form: HTMLFormElement | null): HTMLInputElement[] {
  return form ? [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"][name="items"]')] : [];
}

/**
 * The list's bulk change, for editors and admins. It wraps the results so the rows' checkboxes
 * belong to it. The rows post "<id>:<version>"; the server checks every version, applies every
 * item's rules, and writes all or nothing. Works without JavaScript; with it, it counts the ticks,
 * offers "select all on this page", and shows only the fields of the chosen change.
 */
export function BulkForm({ children, total, query, asOf, today, themes, sectors }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(bulkUpdateAction, {});
  useActionToast(state);
  const values = state.values ?? {};
  const errors = state.errors ?? {};
  const form = useRef<HTMLFormElement>(null);
  const [enhanced, setEnhanced] = useState(false);
  const [operation, setOperation] = useState<BulkOperation>(isOperation(values.operation) ? values.operation : 'status');
  const [scope, setScope] = useState(values.scope === 'all' ? 'all' : 'selected');
  const [ticked, setTicked] = useState({ count: 0, all: false });

  const recount = () => {
    const boxes = itemBoxes(form.current);
    const chosen = new Set(boxes.filter((box) => box.checked).map((box) => box.value));
    const onPage = new Set(boxes.map((box) => box.value));
    setTicked({ count: chosen.size, all: onPage.size > 0 && chosen.size === onPage.size });
  };

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- once hydrated: the script's controls show, counting the boxes the browser restored
    setEnhanced(true);
    recount();
  }, []);

  // Done: untick the rows (the page now shows their new versions). Refused: everything stays as it was.
  useEffect(() => {
    if (!state.ok) return;
    for (const box of itemBoxes(form.current)) box.checked = false;
    recount();
  }, [state]);

  function onChange(event: FormEvent<HTMLFormElement>) {
    const target = event.target as HTMLInputElement;
    if (target.name !== 'items') return;
    recount();
  }

  function selectAllOnPage(checked: boolean) {
    for (const box of itemBoxes(form.current)) box.checked = checked;
    recount();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    // Submitting by hand keeps the form as it is (React resets a form after its action runs), so a
    // refused bulk keeps its ticks and typed values. Without JavaScript the form posts as usual.
    event.preventDefault();
    if (scope === 'all' && !window.confirm(`Change all ${total} recommendations that match the filters?`)) return;
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => action(data));
  }

  const targetErrors = [...(errors.items ?? []), ...(errors.scope ?? []), ...(errors.query ?? []), ...(errors.expectedCount ?? []), ...(errors.asOf ?? [])];
  const shows = (which: BulkOperation) => !enhanced || operation === which;
  const docked = enhanced && (ticked.count > 0 || scope === 'all');

  return (
    <form ref={form} action={action} onSubmit={onSubmit} onChange={onChange} noValidate aria-labelledby="bulk-heading" className="space-y-4">
      <input type="hidden" name="query" value={query} />
      <input type="hidden" name="expectedCount" value={total} />
      <input type="hidden" name="asOf" value={asOf} />

      {enhanced && (
        <p className="text-sm text-muted">
          Tick rows to change several at once: the controls then stay at the bottom of the screen.{' '}
          <a href="#bulk-heading" className="underline">
            Go to “Change several at once”
          </a>
        </p>
      )}

      {children}

      {/* After the rows it acts on; while rows are ticked (or all are chosen) it stays at the bottom of
          the screen, so the change is made without scrolling back (issue 25). */}
      <section
        aria-labelledby="bulk-heading"
        className={`space-y-3 rounded-lg border bg-surface p-4 ${
          docked
            ? 'sticky bottom-0 z-20 max-h-[50vh] overflow-y-auto md:max-h-[60vh] border-2 border-accent shadow-[0_-4px_16px_rgb(0_0_0/0.15)]'
            : 'border-border'
        }`}
      >
        {/* The action sits in the first line, so a docked bar shows it however far its fields scroll. */}
        <div className={`flex flex-wrap items-center gap-x-4 gap-y-2 ${docked ? 'sticky top-0 z-10 bg-surface py-1' : ''}`}>
          <h2 id="bulk-heading" tabIndex={-1} className="text-lg font-semibold">
            Change several at once
          </h2>
          {enhanced && (
            <p aria-live="polite" className="text-sm font-medium">
              {ticked.count === 0 ? 'No rows ticked' : `${ticked.count} ${ticked.count === 1 ? 'row' : 'rows'} ticked`}
            </p>
          )}
          <Button type="submit" disabled={pending} className="ml-auto">
            {pending ? 'Applying…' : scope === 'all' ? `Apply to all ${total}` : enhanced ? `Apply to ${ticked.count} ticked` : 'Apply to the ticked rows'}
          </Button>
        </div>
        <FormMessage state={state} announced />

        <fieldset className="space-y-2 text-sm" aria-describedby="bulk-target-errors">
          <legend className="font-medium">Which recommendations</legend>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            <span className="flex items-center gap-2">
              <input
                id="bulk-scope-selected"
                type="radio"
                name="scope"
                value="selected"
                checked={scope === 'selected'}
                onChange={() => setScope('selected')}
                className="h-4 w-4"
              />
              <label htmlFor="bulk-scope-selected">
                The rows ticked above
                {enhanced && <span className="text-muted"> ({ticked.count} ticked)</span>}
              </label>
            </span>
            {enhanced && (
              <span className="flex items-center gap-2">
                <input
                  id="bulk-select-page"
                  type="checkbox"
                  checked={ticked.all}
                  onChange={(event) => selectAllOnPage(event.target.checked)}
                  className="h-4 w-4"
                />
                <label htmlFor="bulk-select-page">Tick every row on this page</label>
              </span>
            )}
          </div>
          <span className="flex items-center gap-2">
            <input id="bulk-scope-all" type="radio" name="scope" value="all" checked={scope === 'all'} onChange={() => setScope('all')} className="h-4 w-4" />
            <label htmlFor="bulk-scope-all">
              All {total} {total === 1 ? 'recommendation' : 'recommendations'} that match the filters, on every page
            </label>
          </span>
          <div id="bulk-target-errors" aria-live="polite" className="text-sm text-danger">
            {targetErrors.length > 0 && (
              <ul className="list-disc space-y-1 pl-5">
                {targetErrors.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            )}
          </div>
        </fieldset>

        <div className="grid gap-4 md:grid-cols-[14rem_minmax(0,1fr)]">
          <SelectField
            id="bulk-operation"
            name="operation"
            label="What to change"
            options={OPERATIONS}
            value={operation}
            onChange={(event) => setOperation(event.target.value as BulkOperation)}
            errors={errors.operation}
          />

          <div hidden={!shows('status')} className="grid gap-3 lg:grid-cols-3">
            <SelectField
              id="bulk-status"
              name="status"
              label="New status"
              options={[{ value: '', label: 'Choose a status' }, ...STATUSES.map((status) => ({ value: status, label: STATUS_LABEL[status] }))]}
              defaultValue={values.status ?? ''}
              hint="Each item’s rules apply: e.g. implemented needs evidence, and the date cannot be before its seminar."
              errors={errors.status}
            />
            <TextField
              id="bulk-effectiveDate"
              name="effectiveDate"
              label="Effective date"
              type="date"
              max={today}
              defaultValue={values.effectiveDate ?? today}
              errors={errors.effectiveDate}
            />
            <TextAreaField
              id="bulk-note"
              name="note"
              label="Note for every item (optional)"
              rows={2}
              maxLength={STATUS_NOTE_MAX}
              defaultValue={values.note}
              errors={errors.note}
            />
          </div>

          <div hidden={!shows('priority')} className="max-w-xs">
            <SelectField
              id="bulk-priority"
              name="priority"
              label="New priority"
              options={[{ value: '', label: 'Choose a priority' }, ...PRIORITIES.map((priority) => ({ value: priority, label: PRIORITY_LABEL[priority] }))]}
              defaultValue={values.priority ?? ''}
              errors={errors.priority}
            />
          </div>

          <div hidden={!shows('theme')} className="max-w-md">
            <SelectField
              id="bulk-themeId"
              name="themeId"
              label="New primary theme"
              options={[{ value: '', label: 'Choose a theme' }, ...themes.map((theme) => ({ value: theme.id, label: theme.name }))]}
              defaultValue={values.themeId ?? ''}
              hint="If it was a secondary theme of an item, it stops being one."
              errors={errors.themeId}
            />
          </div>

          <div hidden={!shows('sector')} className="space-y-3">
            <fieldset className="space-y-1 text-sm" aria-describedby="bulk-sectorMode-error">
              <legend className="font-medium">Owner sectors</legend>
              {(['add', 'replace'] as const).map((mode) => (
                <span key={mode} className="flex items-center gap-2">
                  <input
                    id={`bulk-sectorMode-${mode}`}
                    type="radio"
                    name="sectorMode"
                    value={mode}
                    defaultChecked={(values.sectorMode ?? 'add') === mode}
                    className="h-4 w-4"
                  />
                  <label htmlFor={`bulk-sectorMode-${mode}`}>{mode === 'add' ? 'Add these to each item’s owners' : 'Make these the only owners'}</label>
                </span>
              ))}
              <div id="bulk-sectorMode-error" aria-live="polite" className="text-danger">
                {errors.sectorMode?.map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            </fieldset>
            <fieldset className="space-y-1 text-sm" aria-describedby="bulk-sectorIds-error">
              <legend className="font-medium">Sectors</legend>
              <div className="grid gap-1 sm:grid-cols-2 lg:grid-cols-3">
                {sectors.map((sector) => (
                  <span key={sector.id} className="flex items-start gap-2">
                    <input id={`bulk-sector-${sector.id}`} type="checkbox" name="sectorIds" value={sector.id} className="mt-1 h-4 w-4 shrink-0" />
                    <label htmlFor={`bulk-sector-${sector.id}`}>{sector.name}</label>
                  </span>
                ))}
              </div>
              <div id="bulk-sectorIds-error" aria-live="polite" className="text-danger">
                {errors.sectorIds?.map((message) => (
                  <p key={message}>{message}</p>
                ))}
              </div>
            </fieldset>
          </div>
        </div>

        <p className="text-xs text-muted">All or nothing: if any item cannot take the change, nothing is changed and the reasons are listed here.</p>
      </section>
    </form>
  );
}
