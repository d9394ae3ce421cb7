import { z } from 'zod';
import { isUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './storable-text';
import type { FieldErrors } from '@/lib/api/errors';
import { parseDateOnly, toDateOnly, today } from '@/lib/dates';
import { compareQuarters, parseQuarter, quarterKey } from '@/lib/progress/quarters';
import type { RawParams } from './recommendation-filters';
import { fieldErrors } from './form-data';

// The dashboard's filters: ONE schema for the page's URL (/dashboard?...) and the API's query string
// (GET /api/v1/progress?...). The API refuses bad input with 400 and field errors; the page keeps
// what it can read and shows the message next to the field it could not.

export const PROGRESS_GROUPINGS = ['theme', 'sector', 'seminar'] as const;
export type ProgressGrouping = (typeof PROGRESS_GROUPINGS)[number];
export const PROGRESS_INTERVALS = ['quarter'] as const;
export const CHART_KINDS = ['line', 'area'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** One query-string value or several (repeated keys); blanks dropped, so an empty <select> is "any". */
function toList(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((entry) => !(typeof entry === 'string' && entry.trim() === ''));
}

/** A blank text box is the same as leaving the parameter out. */
function blankIsAbsent(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const ids = (what: string, description: string) =>
  z
    .preprocess(
      toList,
      z
        .array(
          z
            .string()
            .trim()
            .min(1, `Choose a ${what} from the list.`)
            .max(64, `Choose a ${what} from the list.`)
            // A NUL reaching PostgreSQL is an error, not an empty result: the dashboard drops it as unreadable.
            .refine((value) => !isUnstorableText(value), UNSTORABLE_TEXT_MESSAGE),
        )
        .max(50, 'Choose at most 50.'),
    )
    .meta({ description });

const quarterParam = (description: string) =>
  z
    .preprocess(
      blankIsAbsent,
      z
        .string({ error: 'Enter a quarter as YYYY-Qn, e.g. 2015-Q1.' })
        .trim()
        .regex(/^\d{4}-Q[1-4]$/, 'Enter a quarter as YYYY-Qn, e.g. 2015-Q1.')
        .transform((text, context) => {
          const quarter = parseQuarter(text);
          if (!quarter) {
            context.addIssue({ code: 'custom', message: 'Enter a quarter as YYYY-Qn, e.g. 2015-Q1.' });
            return z.NEVER;
          }
          return quarter;
        })
        .optional(),
    )
    .meta({ description, example: '2015-Q1' });

const asOfParam = z
  .preprocess(
    blankIsAbsent,
    z
      .string({ error: 'Enter a date as YYYY-MM-DD.' })
      .trim()
      .transform((text, context) => {
        const date = parseDateOnly(text);
        if (!date) {
          context.addIssue({ code: 'custom', message: 'Enter a real date as YYYY-MM-DD, e.g. 2024-03-31.' });
          return z.NEVER;
        }
        // Read at parse time: "the future" moves with the calendar.
        if (date.getTime() > today().getTime()) {
          context.addIssue({ code: 'custom', message: `The "as of" date cannot be in the future (today is ${toDateOnly(today())}).` });
          return z.NEVER;
        }
        return date;
      })
      .optional(),
  )
  .meta({ description: 'Show everything as it stood on this day (YYYY-MM-DD, not in the future; default today).', example: '2024-03-31' });

const progressFields = {
  by: z
    .preprocess(blankIsAbsent, z.enum(PROGRESS_GROUPINGS, { error: 'Group by theme, sector or seminar.' }).default('theme'))
    .meta({ description: 'One series per primary theme, per owner sector (an item counts in each of its sectors) or per seminar.' }),
  interval: z
    .preprocess(blankIsAbsent, z.enum(PROGRESS_INTERVALS, { error: 'The only interval is quarter.' }).default('quarter'))
    .meta({ description: 'A point per calendar quarter.' }),
  from: quarterParam('First quarter shown (default: the first seminar\u2019s quarter).'),
  to: quarterParam('Last quarter shown (default: the quarter of the "as of" date).'),
  asOf: asOfParam,
  seminar: ids('seminar', 'Seminar id; repeat for several (any of them).'),
  theme: ids('theme', 'Primary theme id; repeat for several (any of them).'),
  sector: ids('sector', 'Owner sector id; repeat for several (any of them).'),
  chart: z
    .preprocess(blankIsAbsent, z.enum(CHART_KINDS, { error: 'Draw the chart as line or area.' }).default('line'))
    .meta({ description: 'The web page only: lines, or stacked areas.' }),
};

export const progressQuerySchema = z.object(progressFields).superRefine((value, context) => {
  if (value.from && value.to && compareQuarters(value.from, value.to) > 0) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'The last quarter cannot be before the first quarter.' });
  }
});

export type ProgressQuery = z.output<typeof progressQuerySchema>;
export type ProgressFilters = Pick<ProgressQuery, 'seminar' | 'theme' | 'sector' | 'from' | 'to' | 'asOf'>;

export const PROGRESS_PARAMS = Object.keys(progressFields) as (keyof typeof progressFields)[];
export const DEFAULT_PROGRESS_QUERY: ProgressQuery = progressQuerySchema.parse({});

/**
 * The page's reading of its URL: a parameter that cannot be read is left out (defaults apply) and its
 * message kept for the field, with what was typed, so the form shows both.
 */
export function parseProgressQueryLeniently(raw: RawParams): { query: ProgressQuery; errors: FieldErrors; typed: Record<string, string> } {
  const input: Record<string, string | string[]> = {};
  const typed: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || !(PROGRESS_PARAMS as string[]).includes(key)) continue;
    input[key] = value;
    typed[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  const errors: FieldErrors = {};
  // Each round drops at least one parameter, so this ends within PROGRESS_PARAMS.length + 1 rounds.
  for (let round = 0; round <= PROGRESS_PARAMS.length; round += 1) {
    const parsed = progressQuerySchema.safeParse(input);
    if (parsed.success) return { query: parsed.data, errors, typed };
    for (const [path, messages] of Object.entries(fieldErrors(parsed.error))) {
      const key = path.split('.')[0] ?? '';
      (errors[key] ??= []).push(...messages);
      delete input[key];
    }
  }
  return { query: DEFAULT_PROGRESS_QUERY, errors, typed };
}

/** The query as URL parameters, defaults left out; `changes` overrides fields (e.g. the chart kind). */
export function progressQueryToSearchParams(query: ProgressQuery, changes: Partial<ProgressQuery> = {}): URLSearchParams {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  for (const key of ['seminar', 'theme', 'sector'] as const) for (const id of next[key]) params.append(key, id);
  if (next.from) params.set('from', quarterKey(next.from));
  if (next.to) params.set('to', quarterKey(next.to));
  if (next.asOf) params.set('asOf', toDateOnly(next.asOf));
  if (next.by !== DEFAULT_PROGRESS_QUERY.by) params.set('by', next.by);
  if (next.chart !== DEFAULT_PROGRESS_QUERY.chart) params.set('chart', next.chart);
  return params;
}
