// How dates and numbers look with given display settings: the settings page's preview, computed
// on the server for the saved settings and in the browser while the administrator chooses.
import { formattersFor, type DisplaySettings } from '@/lib/format';

export const EXAMPLE_DATE = new Date(Date.UTC(2015, 1, 12));
export const EXAMPLE_NUMBER = 1234567.5;
export const EXAMPLE_PERCENT = 0.425;

export type DisplayExamples = { date: string; dateTime: string; number: string; percent: string };

/** A seminar date, the given moment, a count and a share, as they would be shown with `settings`. */
export function displayExamples(settings: DisplaySettings, now: Date): DisplayExamples {
  const format = formattersFor(settings);
  return {
    date: format.date(EXAMPLE_DATE),
    dateTime: format.dateTime(now),
    number: format.number(EXAMPLE_NUMBER),
    percent: format.percent(EXAMPLE_PERCENT),
  };
}
