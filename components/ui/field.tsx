import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

type FieldProps = { name: string; label: string; errors?: string[]; hint?: ReactNode; id?: string };

export type SelectChoice = { value: string; label: string };
/** A choice, or a labelled group of them (an <optgroup>, e.g. time zones by region). */
export type SelectOption = SelectChoice | { label: string; options: SelectChoice[] };

const CONTROL = 'mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2 text-text';

/** Label, control, hint and the field's errors, wired together with aria-describedby. */
function FieldShell({ name, label, errors, hint, id, children }: FieldProps & { children: (aria: Record<string, string | boolean | undefined>) => ReactNode }) {
  const controlId = id ?? `field-${name}`;
  const errorId = `${controlId}-error`;
  const hintId = `${controlId}-hint`;
  const describedBy = [hint ? hintId : null, errors?.length ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={controlId} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {children({ id: controlId, name, 'aria-describedby': describedBy, 'aria-invalid': errors?.length ? true : undefined })}
      <div id={errorId} aria-live="polite" className="text-sm text-danger">
        {errors?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
    </div>
  );
}

export function TextField({ name, label, errors, hint, id, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint} id={id}>
      {(aria) => <input className={CONTROL} {...aria} {...input} />}
    </FieldShell>
  );
}

export function TextAreaField({ name, label, errors, hint, id, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint} id={id}>
      {(aria) => <textarea className={CONTROL} {...aria} {...input} />}
    </FieldShell>
  );
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  id,
  options,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: SelectOption[] }) {
  return (
    <FieldShell name={name} label={label} errors={errors} hint={hint} id={id}>
      {(aria) => (
        <select className={CONTROL} {...aria} {...select}>
          {options.map((option) =>
            'options' in option ? (
              <optgroup key={`group-${option.label}`} label={option.label}>
                {option.options.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ),
          )}
        </select>
      )}
    </FieldShell>
  );
}
