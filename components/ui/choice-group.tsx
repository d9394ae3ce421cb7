import type { ReactNode } from 'react';

export type Choice = { id: string; label: string; color?: string };

/** A repeatable filter as checkboxes, folded away behind how many are chosen (open when any is). */
export function ChoiceGroup({
  name,
  legend,
  choices,
  chosen,
  errors,
  idPrefix = 'filter',
  footer,
}: {
  name: string;
  legend: string;
  choices: Choice[];
  chosen: string[];
  errors?: string[];
  idPrefix?: string;
  /** Shown under the choices, e.g. where further choices are. */
  footer?: ReactNode;
}) {
  const errorId = `${idPrefix}-${name}-error`;
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
        {footer}
        <div id={errorId} aria-live="polite" className="text-sm text-danger">
          {errors?.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </fieldset>
    </details>
  );
}
