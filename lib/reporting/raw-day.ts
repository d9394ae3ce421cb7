import { toDateOnly } from '@/lib/dates';
import type { Day } from './report-types';

/**
 * A calendar date from a raw-SQL row as "YYYY-MM-DD". PostgreSQL hands back a Date; SQLite a Date
 * for a plain column but the stored text ("2015-03-31T00:00:00.000+00:00") for an aggregate such
 * as MAX(). Calendar dates are midnight UTC, so the first ten characters are the day.
 */
export function rawDay(value: unknown): Day | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return toDateOnly(value);
  if (typeof value === 'number' || typeof value === 'bigint') return toDateOnly(new Date(Number(value)));
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- whatever else a driver hands back is reported as it prints
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10);
  throw new Error(`Not a date from the database: ${text}`);
}
