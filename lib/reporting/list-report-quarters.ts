import type { Db } from '@/lib/db';
import { today } from '@/lib/dates';
import { compareQuarters, previousQuarter, quarterKey, quarterLabel, quarterOf, quartersBetween, type Quarter } from '@/lib/progress/quarters';

export type QuarterOption = { value: string; label: string };

/**
 * The quarters one can report on, newest first: from the first seminar's quarter (or the last
 * complete one, before any seminar) to the one in progress, plus `chosen` if it lies outside.
 * One aggregate on the indexed Seminar.date.
 */
export async function listReportQuarters(db: Db, options: { chosen?: Quarter; now?: Date } = {}): Promise<QuarterOption[]> {
  const current = quarterOf(today(options.now));
  const first = await db.seminar.aggregate({ _min: { date: true } });
  const lastComplete = previousQuarter(current);
  const from = first._min.date ? quarterOf(first._min.date) : lastComplete;
  const start = [from, lastComplete, options.chosen].filter((q): q is Quarter => Boolean(q)).reduce((a, b) => (compareQuarters(a, b) <= 0 ? a : b));
  return quartersBetween(start, current)
    .reverse()
    .map((quarter) => ({
      value: quarterKey(quarter),
      label: compareQuarters(quarter, current) === 0 ? `${quarterLabel(quarter)} (in progress)` : quarterLabel(quarter),
    }));
}
