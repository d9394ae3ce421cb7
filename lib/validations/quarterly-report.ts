import { z } from 'zod';
import type { FieldErrors } from '@/lib/api/errors';
import { today } from '@/lib/dates';
import { compareQuarters, parseQuarter, previousQuarter, quarterKey, quarterOf, type Quarter } from '@/lib/progress/quarters';
import { progressQuerySchema } from './progress';
import type { RawParams } from './recommendation-filters';
import { fieldErrors } from './form-data';

// The quarterly summary's input: ONE schema for the download route's query string
// (GET /api/v1/reports/quarterly?...), the page's URL (/reports?...) and the CLI's flags
// (tracker export ...). The filters are the dashboard's own fields, so a filter means the same
// items on the dashboard and in the report.

export const REPORT_FORMATS = ['pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const CSV_KINDS = ['items', 'changes'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

const QUARTER_MESSAGE = 'Enter a quarter as YYYY-Qn, e.g. 2026-Q3.';

/** The quarter before the one holding today: the newest quarter whose figures are final. */
export function lastCompleteQuarter(now = new Date()): Quarter {
  return previousQuarter(quarterOf(today(now)));
}

/** A blank value is the same as leaving the parameter out. */
function blankIsAbsent(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const quarterField = z
  .preprocess(
    blankIsAbsent,
    z
      .string({ error: QUARTER_MESSAGE })
      .trim()
      .regex(/^\d{4}-Q[1-4]$/, QUARTER_MESSAGE)
      .transform((text, context) => {
        const quarter = parseQuarter(text);
        if (!quarter) {
          context.addIssue({ code: 'custom', message: QUARTER_MESSAGE });
          return z.NEVER;
        }
        // Read at parse time: "the future" moves with the calendar. The quarter in progress is
        // allowed (its figures are as of today); a quarter that has not begun is not.
        const current = quarterOf(today());
        if (compareQuarters(quarter, current) > 0) {
          context.addIssue({ code: 'custom', message: `The quarter cannot be in the future (the current quarter is ${quarterKey(current)}).` });
          return z.NEVER;
        }
        return quarter;
      })
      // A function, so the default is worked out on each parse, not once at start-up.
      .default(() => lastCompleteQuarter()),
  )
  .meta({ description: 'The quarter, YYYY-Qn, not in the future (default: the last complete quarter).', example: '2026-Q3' });

const reportFields = {
  quarter: quarterField,
  format: z
    .preprocess(blankIsAbsent, z.enum(REPORT_FORMATS, { error: 'Choose the format pdf, xlsx or csv.' }).default('pdf'))
    .meta({ description: 'pdf (A4 report), xlsx (workbook) or csv (one table: see `csv`).' }),
  csv: z
    .preprocess(blankIsAbsent, z.enum(CSV_KINDS, { error: 'Choose the CSV items or changes.' }).default('items'))
    .meta({ description: 'With format=csv: every item in scope (items) or the status changes that took effect in the quarter (changes).' }),
  seminar: progressQuerySchema.shape.seminar,
  theme: progressQuerySchema.shape.theme,
  sector: progressQuerySchema.shape.sector,
};

export const quarterlyReportQuerySchema = z.object(reportFields);
export type QuarterlyReportQuery = z.output<typeof quarterlyReportQuerySchema>;
export type QuarterlyReportScope = Pick<QuarterlyReportQuery, 'quarter' | 'seminar' | 'theme' | 'sector'>;

export const REPORT_PARAMS = Object.keys(reportFields) as (keyof typeof reportFields)[];

/**
 * The page's reading of its URL: a parameter that cannot be read falls back to its default and
 * keeps its message, and what was typed, for the field.
 */
export function parseReportQueryLeniently(raw: RawParams): { query: QuarterlyReportQuery; errors: FieldErrors; typed: Record<string, string> } {
  const input: Record<string, string | string[]> = {};
  const typed: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || !(REPORT_PARAMS as string[]).includes(key)) continue;
    input[key] = value;
    typed[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  const errors: FieldErrors = {};
  // Each round drops at least one parameter, so this ends within REPORT_PARAMS.length + 1 rounds.
  for (let round = 0; round <= REPORT_PARAMS.length; round += 1) {
    const parsed = quarterlyReportQuerySchema.safeParse(input);
    if (parsed.success) return { query: parsed.data, errors, typed };
    for (const [path, messages] of Object.entries(fieldErrors(parsed.error))) {
      const key = path.split('.')[0] ?? '';
      (errors[key] ??= []).push(...messages);
      delete input[key];
    }
  }
  return { query: quarterlyReportQuerySchema.parse({}), errors, typed };
}

/** The report's URL parameters (quarter and filters; format and csv kind when given). */
export function reportSearchParams(scope: QuarterlyReportScope, file?: { format: ReportFormat; csv?: CsvKind }): URLSearchParams {
  const params = new URLSearchParams();
  params.set('quarter', quarterKey(scope.quarter));
  if (file) {
    params.set('format', file.format);
    if (file.format === 'csv' && file.csv) params.set('csv', file.csv);
  }
  for (const key of ['seminar', 'theme', 'sector'] as const) for (const id of scope[key]) params.append(key, id);
  return params;
}

/** The download's file name, e.g. tracker-2026-Q3.pdf or tracker-2026-Q3-changes.csv. */
export function reportFileName(quarter: string, format: ReportFormat, csv: CsvKind = 'items'): string {
  return format === 'csv' ? `tracker-${quarter}-${csv}.csv` : `tracker-${quarter}.${format}`;
}
