'use client';

import { useRef } from 'react';
import { Button } from '@/components/ui/button';
import type { FieldErrors } from '@/lib/api/errors';
import { SPEAKER_DESIGNATION_MAX, SPEAKER_NAME_MAX, SPEAKERS_MAX } from '@/lib/validations/seminar';

export type SpeakerRow = { key: string; name: string; designation: string };

type Props = { rows: SpeakerRow[]; onChange: (rows: SpeakerRow[]) => void; errors?: FieldErrors };

const CONTROL = 'mt-1 block w-full rounded-md border border-border bg-surface px-3 py-2 text-text';
const SMALL = 'min-h-10 px-3';

/**
 * The speakers, in order, as repeated speakerName/speakerDesignation fields. Errors come back
 * keyed by row (`speakers.2.name`), so they land next to the row they are about.
 */
export function SpeakerRows({ rows, onChange, errors }: Props) {
  const added = useRef(0);
  const listError = errors?.speakers;

  function update(index: number, change: Partial<SpeakerRow>) {
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  }
  // After a row moves, is removed or is added, put the keyboard focus somewhere that still exists.
  function focusSoon(...ids: string[]) {
    requestAnimationFrame(() => {
      for (const id of ids) {
        const element = document.getElementById(id) as HTMLButtonElement | HTMLInputElement | null;
        if (element && !element.disabled) return element.focus();
      }
    });
  }
  function move(index: number, by: -1 | 1) {
    const next = [...rows];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
    const key = rows[index]!.key;
    focusSoon(`speaker-${key}-${by < 0 ? 'up' : 'down'}`, `speaker-${key}-${by < 0 ? 'down' : 'up'}`);
  }
  function remove(index: number) {
    onChange(rows.filter((_, i) => i !== index));
    const neighbour = rows[index + 1] ?? rows[index - 1];
    focusSoon(neighbour ? `speaker-${neighbour.key}-name` : 'speaker-add');
  }
  function add() {
    added.current += 1;
    const key = `new-${added.current}`;
    onChange([...rows, { key, name: '', designation: '' }]);
    focusSoon(`speaker-${key}-name`);
  }

  return (
    <fieldset className="space-y-3" aria-describedby={listError?.length ? 'speakers-error' : undefined}>
      <legend className="text-sm font-medium">Speakers</legend>
      <p className="text-xs text-muted">In the order the report lists them. A row left empty is ignored.</p>
      {rows.length === 0 && <p className="text-sm text-muted">No speakers listed.</p>}
      <ol className="space-y-3">
        {rows.map((row, index) => {
          const who = row.name.trim() || `speaker ${index + 1}`;
          const nameErrors = errors?.[`speakers.${index}.name`];
          const designationErrors = errors?.[`speakers.${index}.designation`];
          const id = `speaker-${row.key}`;
          return (
            <li key={row.key} className="rounded-md border border-border p-3">
              <div className="grid gap-3 sm:grid-cols-2">
                <div>
                  <label htmlFor={`${id}-name`} className="block text-sm font-medium">
                    Name of speaker {index + 1}
                  </label>
                  <input
                    id={`${id}-name`}
                    name="speakerName"
                    value={row.name}
                    onChange={(event) => update(index, { name: event.target.value })}
                    maxLength={SPEAKER_NAME_MAX}
                    aria-invalid={nameErrors?.length ? true : undefined}
                    aria-describedby={nameErrors?.length ? `${id}-name-error` : undefined}
                    className={CONTROL}
                  />
                  <div id={`${id}-name-error`} aria-live="polite" className="text-sm text-danger">
                    {nameErrors?.map((message) => (
                      <p key={message}>{message}</p>
                    ))}
                  </div>
                </div>
                <div>
                  <label htmlFor={`${id}-designation`} className="block text-sm font-medium">
                    Designation of speaker {index + 1} (optional)
                  </label>
                  <input
                    id={`${id}-designation`}
                    name="speakerDesignation"
                    value={row.designation}
                    onChange={(event) => update(index, { designation: event.target.value })}
                    maxLength={SPEAKER_DESIGNATION_MAX}
                    aria-invalid={designationErrors?.length ? true : undefined}
                    aria-describedby={designationErrors?.length ? `${id}-designation-error` : undefined}
                    className={CONTROL}
                  />
                  <div id={`${id}-designation-error`} aria-live="polite" className="text-sm text-danger">
                    {designationErrors?.map((message) => (
                      <p key={message}>{message}</p>
                    ))}
                  </div>
                </div>
              </div>
              <div className="mt-2 flex flex-wrap gap-2">
                <Button id={`${id}-up`} variant="secondary" className={SMALL} onClick={() => move(index, -1)} disabled={index === 0}>
                  Move up<span className="sr-only"> {who}</span>
                </Button>
                <Button id={`${id}-down`} variant="secondary" className={SMALL} onClick={() => move(index, 1)} disabled={index === rows.length - 1}>
                  Move down<span className="sr-only"> {who}</span>
                </Button>
                <Button variant="danger" className={SMALL} onClick={() => remove(index)}>
                  Remove<span className="sr-only"> {who}</span>
                </Button>
              </div>
            </li>
          );
        })}
      </ol>
      <div id="speakers-error" aria-live="polite" className="text-sm text-danger">
        {listError?.map((message) => (
          <p key={message}>{message}</p>
        ))}
      </div>
      <Button id="speaker-add" variant="secondary" onClick={add} disabled={rows.length >= SPEAKERS_MAX}>
        Add a speaker
      </Button>
    </fieldset>
  );
}
