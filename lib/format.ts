// Dates, numbers and percentages are formatted here and nowhere else.
//
// The locale and time zone are the administrator's display settings (/admin/settings), which
// default to the environment (APP_LOCALE, APP_TIME_ZONE). Formatters are synchronous and called
// from everywhere (pages, messages built in lib/, reports, the CLI), so they read the settings
// from a process-wide snapshot that lib/settings/display-settings-cache.ts keeps current; without
// one (unit tests, a script that never loaded it) the environment applies.

export type DisplaySettings = { locale: string; timeZone: string };

export const FALLBACK_DISPLAY_SETTINGS: DisplaySettings = { locale: 'en-GB', timeZone: 'UTC' };

/** True when this runtime can format dates and numbers in `locale` (a BCP 47 tag). */
export function isSupportedLocale(locale: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    return (
      canonical !== undefined &&
      Intl.DateTimeFormat.supportedLocalesOf([canonical]).length === 1 &&
      Intl.NumberFormat.supportedLocalesOf([canonical]).length === 1
    );
  } catch {
    return false;
  }
}

/** The locale's canonical spelling ("en-gb" -> "en-GB"), or null when it is not supported. */
export function canonicalLocale(locale: string): string | null {
  return isSupportedLocale(locale) ? Intl.getCanonicalLocales(locale)[0]! : null;
}

// IANA names only ("Asia/Karachi", "UTC"): the runtime would also take offsets such as "+05:00".
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

let zoneSpellings: Map<string, string> | null = null;

/** The IANA time zones this runtime knows, by canonical name, with UTC (which the list leaves out) first. */
export function supportedTimeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
}

/**
 * The IANA time zone's usual spelling ("asia/karachi" -> "Asia/Karachi"), or null when unknown.
 * A name the runtime accepts but does not list (an alias such as "Asia/Kolkata" on some versions)
 * is kept as given rather than swapped for another name of the same zone.
 */
export function canonicalTimeZone(timeZone: string): string | null {
  if (!IANA_NAME.test(timeZone)) return null;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    return null;
  }
  zoneSpellings ??= new Map(supportedTimeZones().map((zone) => [zone.toLowerCase(), zone]));
  return zoneSpellings.get(timeZone.toLowerCase()) ?? timeZone;
}

/** APP_LOCALE and APP_TIME_ZONE, each replaced by the built-in default when unset or not usable. */
export function environmentDisplaySettings(env: Record<string, string | undefined> = process.env): DisplaySettings {
  return {
    locale: (env.APP_LOCALE && canonicalLocale(env.APP_LOCALE)) || FALLBACK_DISPLAY_SETTINGS.locale,
    timeZone: (env.APP_TIME_ZONE && canonicalTimeZone(env.APP_TIME_ZONE)) || FALLBACK_DISPLAY_SETTINGS.timeZone,
  };
}

// On globalThis, not in a module variable: Next.js may load this module more than once in one
// process (server components, route handlers and server actions are bundled separately), and
// all of them must see the same settings.
const SNAPSHOT = Symbol.for('recommendation-tracker.display-settings');
type Holder = { [SNAPSHOT]?: DisplaySettings };

/** The settings every formatter uses from now on, in this process. */
export function setDisplaySettings(settings: DisplaySettings | null): void {
  (globalThis as Holder)[SNAPSHOT] = settings ?? undefined;
}

let fromEnvironment: { key: string; settings: DisplaySettings } | null = null;

/** The settings in force: the last ones loaded, or the environment's. */
export function displaySettings(): DisplaySettings {
  const loaded = (globalThis as Holder)[SNAPSHOT];
  if (loaded) return loaded;
  const key = `${process.env.APP_LOCALE ?? ''}|${process.env.APP_TIME_ZONE ?? ''}`;
  if (fromEnvironment?.key !== key) fromEnvironment = { key, settings: environmentDisplaySettings() };
  return fromEnvironment.settings;
}

// Building an Intl formatter costs far more than using one, and a list page formats hundreds of
// values: keep one per locale, time zone and style.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, create: () => F): F {
  let formatter = formatters.get(key) as F | undefined;
  if (!formatter) {
    if (formatters.size > 200) formatters.clear();
    formatter = create();
    formatters.set(key, formatter);
  }
  return formatter;
}

export type Formatters = {
  /** A calendar date (stored as midnight UTC): always shown in UTC so it never shifts a day. */
  date: (date: Date) => string;
  /** A moment in time, shown in the time zone. */
  dateTime: (date: Date) => string;
  percent: (fraction: number | null) => string;
  number: (value: number) => string;
};

/** Formatters for given settings (the settings page's preview); pages use the functions below. */
export function formattersFor({ locale, timeZone }: DisplaySettings): Formatters {
  return {
    date: (date) => cached(`date|${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })).format(date),
    dateTime: (date) =>
      cached(`datetime|${locale}|${timeZone}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })).format(date),
    percent: (fraction) =>
      fraction === null
        ? '–'
        : cached(`percent|${locale}`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 })).format(fraction),
    number: (value) => cached(`number|${locale}`, () => new Intl.NumberFormat(locale)).format(value),
  };
}

/** A calendar date (stored as midnight UTC): always shown in UTC so it never shifts a day. */
export function formatDate(date: Date): string {
  return formattersFor(displaySettings()).date(date);
}

/** A moment in time, shown in the configured time zone. */
export function formatDateTime(date: Date): string {
  return formattersFor(displaySettings()).dateTime(date);
}

export function formatPercent(fraction: number | null): string {
  return formattersFor(displaySettings()).percent(fraction);
}

export function formatNumber(value: number): string {
  return formattersFor(displaySettings()).number(value);
}

/** The time zone moments are shown in (the audit log's date filters count days in it). */
export function displayTimeZone(): string {
  return displaySettings().timeZone;
}
