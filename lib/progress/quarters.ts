// Calendar quarters, the dashboard's time step. Pure functions on UTC calendar dates (dates are
// stored as midnight UTC, lib/dates.ts), so a quarter never shifts with the server's time zone.

export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4 };

/** A quarter of the dashboard's series: where the status of every item is read (`at`). */
export type QuarterPoint = {
  /** "2015-Q1": the URL and API spelling. */
  key: string;
  /** "2015 Q1": what people read. */
  label: string;
  /** quarterIndex: consecutive quarters have consecutive numbers. */
  index: number;
  start: Date;
  end: Date;
  /** The day the quarter is measured on: its last day, or the "as of" date in the quarter that holds it. */
  at: Date;
};

const DAY_MS = 86_400_000;
const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;

export function quarterOf(date: Date): Quarter {
  return { year: date.getUTCFullYear(), quarter: (Math.floor(date.getUTCMonth() / 3) + 1) as Quarter['quarter'] };
}

/** Quarters in order as whole numbers, so they compare and step like integers. */
export function quarterIndex(q: Quarter): number {
  return q.year * 4 + (q.quarter - 1);
}

export function quarterFromIndex(index: number): Quarter {
  return { year: Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] };
}

export function compareQuarters(a: Quarter, b: Quarter): number {
  return quarterIndex(a) - quarterIndex(b);
}

export function previousQuarter(q: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(q) - 1);
}

/** First day of the quarter, midnight UTC. */
export function quarterStart(q: Quarter): Date {
  return new Date(Date.UTC(q.year, (q.quarter - 1) * 3, 1));
}

/** Last day of the quarter (inclusive), midnight UTC: the day before the next quarter starts. */
export function quarterEnd(q: Quarter): Date {
  return new Date(Date.UTC(q.year, q.quarter * 3, 1) - DAY_MS);
}

export function quarterKey(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function quarterLabel(q: Quarter): string {
  return `${q.year} Q${q.quarter}`;
}

/** "2026-Q3" as a quarter; null for anything else (years 1900 to 2999). */
export function parseQuarter(text: string): Quarter | null {
  const match = QUARTER_KEY.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return null;
  return { year, quarter: Number(match[2]) as Quarter['quarter'] };
}

/** Every quarter from `first` to `last`, both included; empty when `first` is after `last`. */
export function quartersBetween(first: Quarter, last: Quarter): Quarter[] {
  const out: Quarter[] = [];
  for (let index = quarterIndex(first); index <= quarterIndex(last); index += 1) out.push(quarterFromIndex(index));
  return out;
}

export function toQuarterPoint(q: Quarter, asOf: Date): QuarterPoint {
  const end = quarterEnd(q);
  return {
    key: quarterKey(q),
    label: quarterLabel(q),
    index: quarterIndex(q),
    start: quarterStart(q),
    end,
    at: end.getTime() > asOf.getTime() ? asOf : end,
  };
}

/**
 * The dashboard's quarters: from the first seminar's quarter to the quarter holding `asOf` (today
 * unless looking back), narrowed to [from, to] when given. No seminar yet means no quarters.
 */
export function dashboardQuarters(options: { firstSeminarDate: Date | null; asOf: Date; from?: Quarter; to?: Quarter }): QuarterPoint[] {
  if (!options.firstSeminarDate) return [];
  const first = quarterOf(options.firstSeminarDate);
  const last = quarterOf(options.asOf);
  const start = options.from && compareQuarters(options.from, first) > 0 ? options.from : first;
  const end = options.to && compareQuarters(options.to, last) < 0 ? options.to : last;
  return quartersBetween(start, end).map((q) => toQuarterPoint(q, options.asOf));
}
