// Names and examples for the display settings page: what each locale and time zone is called,
// and how dates and numbers look in them.
import { supportedTimeZones, type DisplaySettings } from '@/lib/format';
import { DISPLAY_LOCALES } from '@/lib/validations/display-settings';

export type Choice = { value: string; label: string };
export type ChoiceGroup = { label: string; options: Choice[] };

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });

/** "en-GB" -> "English (United Kingdom)". */
export function localeName(locale: string): string {
  try {
    return languageNames.of(locale) ?? locale;
  } catch {
    return locale;
  }
}

/** The zone's offset from UTC at `at`, e.g. "UTC+05:00" (or "UTC"). */
export function utcOffset(timeZone: string, at: Date): string {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value;
  return !name || name === 'GMT' ? 'UTC' : name.replace(/^GMT/, 'UTC');
}

export function describeDisplaySettings(settings: DisplaySettings): string {
  return `${localeName(settings.locale)} (${settings.locale}), with times in ${settings.timeZone}`;
}

/** The curated locales, by name, plus `current` when it is something else the server supports. */
export function localeChoices(current: string | null): Choice[] {
  const locales: string[] = [...DISPLAY_LOCALES];
  if (current && !locales.includes(current)) locales.push(current);
  return locales.map((locale) => ({ value: locale, label: `${localeName(locale)} — ${locale}` })).sort((a, b) => a.label.localeCompare(b.label, 'en'));
}

/** Every IANA time zone the server knows, by region, each with its current offset. */
export function timeZoneChoices(current: string | null, at: Date): ChoiceGroup[] {
  const zones = supportedTimeZones();
  if (current && !zones.includes(current)) zones.push(current);
  const groups = new Map<string, Choice[]>();
  for (const zone of zones) {
    const region = zone.includes('/') ? zone.slice(0, zone.indexOf('/')) : 'Universal';
    if (!groups.has(region)) groups.set(region, []);
    groups.get(region)!.push({ value: zone, label: `${zone} (${utcOffset(zone, at)})` });
  }
  const universal = groups.get('Universal') ?? [];
  groups.delete('Universal');
  return [
    { label: 'Universal', options: universal },
    ...[...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en')).map(([label, options]) => ({ label, options })),
  ];
}
