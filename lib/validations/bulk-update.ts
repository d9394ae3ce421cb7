import { z } from 'zod';
import { PRIORITIES, STATUSES } from '@/lib/status/status';
import { dateOnlySchema, optionalText } from './evidence';
import { recommendationFiltersSchema, searchParamsToObject, type RecommendationFilters } from './recommendation-filters';
import { STATUS_NOTE_MAX } from './status-change';

// One change applied to many recommendations from the list page: to the ticked rows (each posted
// with the version the page showed) or to every item matching the page's filters.

/** A bulk change is one transaction: this bounds how long it may hold locks. */
export const MAX_BULK_ITEMS = 500;

export const BULK_OPERATIONS = ['sector', 'theme', 'priority', 'status'] as const;
export type BulkOperation = (typeof BULK_OPERATIONS)[number];

function list(value: unknown): unknown {
  if (value === undefined || value === null) return [];
  const entries = Array.isArray(value) ? value : [value];
  return entries.filter((entry) => !(typeof entry === 'string' && entry.trim() === ''));
}

function blankIsAbsent(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const RELOAD = 'The form is out of date. Reload the page and try again.';

/** A ticked row: "<id>:<version it was shown at>". */
const rowSchema = z
  .string({ error: RELOAD })
  .regex(/^[A-Za-z0-9_-]{1,64}:[1-9]\d{0,8}$/, RELOAD)
  .transform((value) => {
    const [id, version] = value.split(':') as [string, string];
    return { id, expectedVersion: Number(version) };
  });

const selectedTarget = z.object({
  scope: z.literal('selected'),
  items: z.preprocess(
    list,
    z
      .array(rowSchema)
      .min(1, 'Tick at least one recommendation, or choose all that match the filters.')
      // The table and the phone-width cards both carry a box per row: the same row may come twice.
      .transform((rows) => [...new Map(rows.map((row) => [row.id, row])).values()])
      .pipe(z.array(z.object({ id: z.string(), expectedVersion: z.number() })).max(MAX_BULK_ITEMS, `Change at most ${MAX_BULK_ITEMS} at a time.`)),
  ),
});

const allMatchingTarget = z.object({
  scope: z.literal('all'),
  /** The page's query string: the filters the user saw. */
  query: z
    .string({ error: RELOAD })
    .max(8000, RELOAD)
    .transform((text, context): RecommendationFilters => {
      const parsed = recommendationFiltersSchema.safeParse(searchParamsToObject(new URLSearchParams(text)));
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: RELOAD });
        return z.NEVER;
      }
      return parsed.data;
    }),
  /** How many matched when the page was shown: a different number now means the set changed. */
  expectedCount: z.coerce.number({ error: RELOAD }).int(RELOAD).min(1, 'No recommendations match these filters.'),
  /** When the page was shown: an item edited after it was changed by someone else meanwhile. */
  asOf: z.iso.datetime({ error: RELOAD }).transform((value) => new Date(value)),
});

const change = z.discriminatedUnion(
  'operation',
  [
    z.object({
      operation: z.literal('sector'),
      sectorMode: z.enum(['add', 'replace'], { error: 'Choose whether to add the sectors or replace the owners.' }),
      sectorIds: z.preprocess(
        list,
        z
          .array(z.string().trim().min(1).max(64), { error: 'Choose sectors from the list.' })
          .min(1, 'Choose at least one sector.')
          .max(50, 'Choose at most 50 sectors.')
          .transform((ids) => [...new Set(ids)]),
      ),
    }),
    z.object({
      operation: z.literal('theme'),
      themeId: z.string({ error: 'Choose a theme.' }).trim().min(1, 'Choose a theme.').max(64, 'Choose a theme from the list.'),
    }),
    z.object({
      operation: z.literal('priority'),
      priority: z.enum(PRIORITIES, { error: 'Choose a priority: low, medium or high.' }),
    }),
    z.object({
      operation: z.literal('status'),
      status: z.enum(STATUSES, { error: 'Choose a status.' }),
      effectiveDate: dateOnlySchema('Enter the date the change took effect.'),
      note: optionalText(STATUS_NOTE_MAX, `Use a note of at most ${STATUS_NOTE_MAX} characters.`),
    }),
  ],
  { error: 'Choose what to change.' },
);

const target = z.discriminatedUnion('scope', [selectedTarget, allMatchingTarget], {
  error: 'Choose the ticked recommendations or all that match the filters.',
});

/** Both halves are checked at once, so every field's error shows together. */
export const bulkUpdateSchema = z
  .preprocess(
    (raw) =>
      raw && typeof raw === 'object' && !Array.isArray(raw)
        ? Object.fromEntries(Object.entries(raw).map(([key, value]) => [key, key === 'items' || key === 'sectorIds' ? value : blankIsAbsent(value)]))
        : raw,
    z.intersection(target, change),
  )
  .transform((input) => {
    const { scope: _scope, ...rest } = input;
    const bulkTarget: BulkTarget =
      input.scope === 'selected'
        ? { kind: 'items', items: input.items }
        : { kind: 'filter', filters: input.query, expectedCount: input.expectedCount, asOf: input.asOf };
    const bulkChange = pickChange(rest);
    return { target: bulkTarget, change: bulkChange };
  });

export type BulkTarget =
  { kind: 'items'; items: { id: string; expectedVersion: number }[] } | { kind: 'filter'; filters: RecommendationFilters; expectedCount: number; asOf: Date };

export type BulkChange = z.output<typeof change>;
export type BulkUpdateInput = { target: BulkTarget; change: BulkChange };

/** Only the change's own fields (the intersection also carries the target's). */
function pickChange(value: BulkChange): BulkChange {
  switch (value.operation) {
    case 'sector':
      return { operation: 'sector', sectorMode: value.sectorMode, sectorIds: value.sectorIds };
    case 'theme':
      return { operation: 'theme', themeId: value.themeId };
    case 'priority':
      return { operation: 'priority', priority: value.priority };
    case 'status':
      return { operation: 'status', status: value.status, effectiveDate: value.effectiveDate, note: value.note };
  }
}
