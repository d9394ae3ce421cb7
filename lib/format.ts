// Dates, numbers and percentages are formatted here and nowhere else.
// Locale and time zone come from the environment (APP_LOCALE, APP_TIME_ZONE).

const locale = () => process.env.APP_LOCALE || 'en-GB';
const timeZone = () => process.env.APP_TIME_ZONE || 'UTC';

/** A calendar date (stored as midnight UTC): always shown in UTC so it never shifts a day. */
export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A moment in time, shown in the configured time zone. */
export function formatDateTime(date: Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone() }).format(date);
}

export function formatPercent(fraction: number | null): string {
  if (fraction === null) return '–';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(fraction);
}

export function formatNumber(value: number): string {
  return new Intl.NumberFormat(locale()).format(value);
}
