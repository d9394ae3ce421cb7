'use client';

// One proposed recommendation in the review list. Memoised: typing in one item's text re-renders
// that row only, which keeps a draft of 80 items responsive.
import { memo } from 'react';
import Link from 'next/link';
import type { DraftItem } from '@/lib/import/draft-types';

export type Term = { id: string; name: string };

/** Everything a row can ask the editor to do; one stable object for all rows. */
export type ItemOps = {
  text: (key: string, text: string) => void;
  theme: (key: string, themeId: string | null) => void;
  sectors: (key: string, sectorIds: string[]) => void;
  related: (key: string, relatedId: string, accepted: boolean) => void;
  merge: (key: string) => void;
  split: (key: string, caret: number) => void;
  drop: (key: string) => void;
  move: (key: string, by: -1 | 1) => void;
  select: (key: string, scrollPage: boolean) => void;
};

type Props = {
  item: DraftItem;
  number: number;
  isFirst: boolean;
  isLast: boolean;
  selected: boolean;
  themes: Term[];
  sectors: Term[];
  /** Field errors from the last save, by field (text, themeId, sectorIds, ...). */
  errors: Record<string, string[]> | undefined;
  ops: ItemOps;
};

export const percent = (confidence: number) => `${Math.round(confidence * 100)}%`;

export const itemDomId = (key: string, part: string) => `item-${key}-${part}`;

const SMALL_BUTTON =
  'inline-flex min-h-9 items-center rounded-md border border-border bg-surface px-2.5 py-1 text-sm hover:bg-surface-muted disabled:opacity-60';

export const ItemRow = memo(function ItemRow({ item, number, isFirst, isLast, selected, themes, sectors, errors, ops }: Props) {
  const { key, suggestion } = item;
  const id = (part: string) => itemDomId(key, part);
  const name = (list: Term[], termId: string | null) => list.find((term) => term.id === termId)?.name;
  const suggestedTheme = suggestion?.themeId ? name(themes, suggestion.themeId) : undefined;
  const suggestedSectors = new Map((suggestion?.sectors ?? []).map((sector) => [sector.id, sector.confidence]));
  const related = suggestion?.related ?? [];
  const textErrors = [...(errors?.text ?? []), ...(errors?.start ?? []), ...(errors?.end ?? [])];
  const who = <span className="sr-only"> recommendation {number}</span>;

  return (
    <li
      id={id('row')}
      aria-labelledby={id('heading')}
      data-selected={selected || undefined}
      className={`space-y-3 rounded-lg border bg-surface p-4 ${selected ? 'border-[var(--focus)] ring-1 ring-[var(--focus)]' : 'border-border'}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={id('heading')} tabIndex={-1} className="font-semibold">
          Recommendation {number}
        </h3>
        {item.start !== null ? (
          <button type="button" id={id('show')} className="text-sm text-accent underline underline-offset-2" onClick={() => ops.select(key, true)}>
            Show in source<span className="sr-only"> (recommendation {number})</span>
          </button>
        ) : (
          <span className="text-sm text-muted">Typed, not from the source</span>
        )}
      </div>

      <div className="space-y-1">
        <label htmlFor={id('text')} className="block text-sm font-medium">
          Text<span className="sr-only"> of recommendation {number}</span>
        </label>
        <textarea
          id={id('text')}
          value={item.text}
          onChange={(event) => ops.text(key, event.target.value)}
          onFocus={() => ops.select(key, false)}
          aria-invalid={textErrors.length ? true : undefined}
          aria-describedby={textErrors.length ? id('text-error') : undefined}
          rows={3}
          className="block max-h-96 min-h-20 w-full rounded-md border border-border bg-surface px-3 py-2 text-text [field-sizing:content]"
        />
        <div id={id('text-error')} aria-live="polite" className="text-sm text-danger">
          {textErrors.map((message) => (
            <p key={message}>{message}</p>
          ))}
        </div>
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={id('theme')} className="block text-sm font-medium">
            Primary theme
          </label>
          <p id={id('theme-hint')} className="text-xs text-muted">
            {suggestion && suggestedTheme ? `Suggested: ${suggestedTheme} (${percent(suggestion.themeConfidence)})` : 'No theme suggested'}
          </p>
          <select
            id={id('theme')}
            value={item.themeId ?? ''}
            onChange={(event) => ops.theme(key, event.target.value || null)}
            aria-describedby={`${id('theme-hint')}${errors?.themeId ? ` ${id('theme-error')}` : ''}`}
            aria-invalid={errors?.themeId ? true : undefined}
            className="block w-full rounded-md border border-border bg-surface px-3 py-2 text-text"
          >
            <option value="">None yet</option>
            {themes.map((theme) => (
              <option key={theme.id} value={theme.id}>
                {theme.name}
              </option>
            ))}
          </select>
          <div id={id('theme-error')} aria-live="polite" className="text-sm text-danger">
            {errors?.themeId?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </div>

        <fieldset className="space-y-1" aria-describedby={errors?.sectorIds ? id('sectors-error') : undefined}>
          <legend className="text-sm font-medium">Owner sectors</legend>
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {sectors.map((sector) => {
              const confidence = suggestedSectors.get(sector.id);
              const checked = item.sectorIds.includes(sector.id);
              return (
                <li key={sector.id}>
                  <label className="inline-flex min-h-8 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={checked}
                      onChange={(event) =>
                        ops.sectors(key, event.target.checked ? [...item.sectorIds, sector.id] : item.sectorIds.filter((other) => other !== sector.id))
                      }
                      className="h-4 w-4"
                    />
                    {sector.name}
                    {confidence !== undefined && <span className="text-xs text-muted">(suggested, {percent(confidence)})</span>}
                  </label>
                </li>
              );
            })}
          </ul>
          <div id={id('sectors-error')} aria-live="polite" className="text-sm text-danger">
            {errors?.sectorIds?.map((message) => (
              <p key={message}>{message}</p>
            ))}
          </div>
        </fieldset>
      </div>

      {related.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Related existing recommendations</legend>
          <ul className="space-y-1">
            {related.map((other) => (
              <li key={other.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                <label className="inline-flex min-h-8 items-center gap-2">
                  <input
                    type="checkbox"
                    checked={item.acceptedRelatedIds.includes(other.id)}
                    onChange={(event) => ops.related(key, other.id, event.target.checked)}
                    className="h-4 w-4"
                  />
                  Accept link<span className="sr-only"> to {other.code}</span>
                </label>
                <Link href={`/recommendations/${encodeURIComponent(other.code)}`} className="font-medium">
                  {other.code}
                </Link>
                <span className="min-w-0 break-words">{other.title}</span>
                <span className="text-muted">similarity {percent(other.score)}</span>
              </li>
            ))}
          </ul>
        </fieldset>
      )}

      <div role="group" aria-label={`Change recommendation ${number}`} className="flex flex-wrap gap-2">
        <button type="button" id={id('up')} className={SMALL_BUTTON} disabled={isFirst} onClick={() => ops.move(key, -1)}>
          Move up{who}
        </button>
        <button type="button" id={id('down')} className={SMALL_BUTTON} disabled={isLast} onClick={() => ops.move(key, 1)}>
          Move down{who}
        </button>
        <button type="button" id={id('merge')} className={SMALL_BUTTON} disabled={isLast} onClick={() => ops.merge(key)}>
          Merge with next
          <span className="sr-only">
            {' '}
            (recommendations {number} and {number + 1})
          </span>
        </button>
        <button
          type="button"
          id={id('split')}
          className={SMALL_BUTTON}
          aria-describedby={id('split-hint')}
          onClick={() => {
            const textarea = document.getElementById(id('text'));
            const caret = textarea instanceof HTMLTextAreaElement ? textarea.selectionStart : 0;
            ops.split(key, caret);
          }}
        >
          Split at cursor{who}
        </button>
        <span id={id('split-hint')} className="sr-only">
          Splits the text where the cursor is in the text box.
        </span>
        <button type="button" id={id('drop')} className={`${SMALL_BUTTON} text-danger`} onClick={() => ops.drop(key)}>
          Drop{who}
        </button>
      </div>
    </li>
  );
});
