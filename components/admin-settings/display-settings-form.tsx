'use client';

import { useState } from 'react';
import { updateDisplaySettingsAction } from '@/app/(app)/admin/settings/actions';
import { Button } from '@/components/ui/button';
import { useActionToast } from '@/components/ui/action-toast';
import { SelectField, type SelectChoice, type SelectOption } from '@/components/ui/field';
import { FormMessage } from '@/components/ui/form-message';
import { useKeptForm } from '@/components/ui/use-kept-form';
import type { DisplaySettings } from '@/lib/format';
import { displayExamples, type DisplayExamples } from '@/lib/settings/display-examples';

type Props = {
  /** What is saved; null is "the server's default". */
  stored: { locale: string | null; timeZone: string | null };
  /** The server's default (APP_LOCALE, APP_TIME_ZONE). */
  defaults: DisplaySettings;
  locales: SelectChoice[];
  timeZones: { label: string; options: SelectChoice[] }[];
  /** The preview for what is saved, computed on the server. */
  examples: DisplayExamples;
  /** ISO time the page was made: the preview's "now". */
  now: string;
};

/** Locale and time zone, with a preview of how dates and numbers will look before saving. */
export function DisplaySettingsForm({ stored, defaults, locales, timeZones, examples, now }: Props) {
  const { state, action, pending, onSubmit } = useKeptForm(updateDisplaySettingsAction);
  useActionToast(state);
  const [locale, setLocale] = useState(state.values?.locale ?? stored.locale ?? '');
  const [timeZone, setTimeZone] = useState(state.values?.timeZone ?? stored.timeZone ?? '');
  const errors = state.errors ?? {};

  const chosen: DisplaySettings = { locale: locale || defaults.locale, timeZone: timeZone || defaults.timeZone };
  const unchanged = locale === (stored.locale ?? '') && timeZone === (stored.timeZone ?? '');
  // The server's preview until something else is chosen, so the first render matches the server's.
  const preview = unchanged ? examples : previewIn(chosen, now);

  const localeOptions: SelectOption[] = [{ value: '', label: `Server default — ${defaults.locale} (APP_LOCALE)` }, ...locales];
  const timeZoneOptions: SelectOption[] = [{ value: '', label: `Server default — ${defaults.timeZone} (APP_TIME_ZONE)` }, ...timeZones];

  return (
    <form action={action} onSubmit={onSubmit} className="space-y-4" noValidate aria-label="Display settings">
      <FormMessage state={state} announced />
      <SelectField
        name="locale"
        label="Locale"
        options={localeOptions}
        value={locale}
        onChange={(event) => setLocale(event.target.value)}
        hint="The language and region whose conventions dates and numbers follow: the order of day and month, month names, separators."
        errors={errors.locale}
      />
      <SelectField
        name="timeZone"
        label="Time zone"
        options={timeZoneOptions}
        value={timeZone}
        onChange={(event) => setTimeZone(event.target.value)}
        hint="Times are shown in this IANA time zone. Offsets are today’s, and change with daylight saving time."
        errors={errors.timeZone}
      />
      <figure className="space-y-2 rounded-md border border-border bg-surface-muted p-3 text-sm">
        <figcaption className="font-medium">{unchanged ? 'As shown now' : 'As it will be shown once saved'}</figcaption>
        {preview ? (
          <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]" lang={chosen.locale}>
            <dt className="text-muted" lang="en">
              A date
            </dt>
            <dd>{preview.date}</dd>
            <dt className="text-muted" lang="en">
              Now, with the time
            </dt>
            <dd>{preview.dateTime}</dd>
            <dt className="text-muted" lang="en">
              A number
            </dt>
            <dd>{preview.number}</dd>
            <dt className="text-muted" lang="en">
              A percentage
            </dt>
            <dd>{preview.percent}</dd>
          </dl>
        ) : (
          <p>This browser cannot show a preview for this choice; the server checks it when you save.</p>
        )}
      </figure>
      <Button type="submit" disabled={pending}>
        {pending ? 'Saving…' : 'Save settings'}
      </Button>
    </form>
  );
}

/** Formatted by this browser, which may not know every locale or zone the server does. */
function previewIn(settings: DisplaySettings, now: string): DisplayExamples | null {
  try {
    return displayExamples(settings, new Date(now));
  } catch {
    return null;
  }
}
