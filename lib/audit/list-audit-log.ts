import { z } from 'zod';
import type { Db, Tx } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { FieldErrors } from '@/lib/api/errors';
import { parseDateOnly } from '@/lib/dates';
import { displayTimeZone } from '@/lib/format';
import { readAuditNames } from './audit-names';
import { describeAuditEntry, type AuditDescription } from './describe-audit-entry';

export const AUDIT_PAGE_SIZE = 50;

/** Prefix of the `user` filter for actors without an account (the command line, sample data; "system" and "cli" in older rows): they have only a label. */
export const LABEL_ACTOR_PREFIX = 'label:';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use at most ${max} characters.`)
    .optional()
    .transform((value) => (value ? value : undefined));

const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const date = parseDateOnly(value);
    if (!date) context.addIssue({ code: 'custom', message: 'Enter a date as YYYY-MM-DD.' });
    return date ?? undefined;
  });

/** The audit page's filters, all from the URL. Dates are calendar days, both ends included. */
export const auditLogFilterSchema = z
  .object({
    user: optionalText(260),
    entityType: optionalText(64),
    action: optionalText(100),
    entityId: optionalText(64),
    /** A recommendation's code: its own entries, its evidence's, its links' and bulk changes that reached it. */
    code: optionalText(64),
    /** Sign-ins and sign-outs are left out unless asked for ("show"), or unless the action filter names one. */
    signIns: z
      .string()
      .optional()
      .transform((value) => value === 'show'),
    from: optionalDay,
    to: optionalDay,
    page: z.coerce
      .number({ error: 'Pages are numbered from 1.' })
      .int('Pages are numbered from 1.')
      .min(1, 'Pages are numbered from 1.')
      .max(1_000_000)
      .catch(1),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: 'The end date is before the start date.', path: ['to'] });
export type AuditLogFilters = z.infer<typeof auditLogFilterSchema>;

/**
 * Reads the filters from the URL's query. A filter that does not parse is reported and left
 * out, so one bad date does not throw away the rest of the search.
 */
export function parseAuditLogFilters(query: Record<string, string | string[] | undefined>): { filters: AuditLogFilters; errors: FieldErrors } {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') raw[key] = first;
  }
  const errors: FieldErrors = {};
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const parsed = auditLogFilterSchema.safeParse(raw);
    if (parsed.success) return { filters: parsed.data, errors };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      (errors[key] ??= []).push(issue.message);
      delete raw[key];
    }
  }
  return { filters: auditLogFilterSchema.parse({}), errors };
}

export type AuditLogEntry = {
  id: string;
  createdAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Pretty-printed JSON, or null when the entry has none. */
  before: string | null;
  after: string | null;
  ip: string | null;
} & AuditDescription;

export type AuditLogPage = { entries: AuditLogEntry[]; total: number; page: number; pageCount: number; pageSize: number };

const DAY_MS = 86_400_000;

/** The UTC offset of `timeZone` at `instant`, in milliseconds (e.g. +5 h for Asia/Karachi). */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClockAsUtc = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a calendar day (given as midnight UTC) starts in `timeZone`. Times on the page are
 * shown in the configured zone, so "from 3 March" must mean 3 March there, not in UTC. The second
 * look-up corrects for a daylight-saving change between the guess and the answer.
 */
export function startOfDayInZone(day: Date, timeZone: string): Date {
  const guess = day.getTime() - zoneOffsetMs(day, timeZone);
  return new Date(day.getTime() - zoneOffsetMs(new Date(guess), timeZone));
}

/** The actions that record a session starting or ending, hidden by default: they would drown the changes. */
export const SESSION_ACTIONS = ['auth.sign_in', 'auth.sign_out'];

/** The entries about one recommendation, found through its id and the ids of its evidence and links (one query each, all indexed). */
async function codeWhere(db: Db, code: string) {
  const item = await db.recommendation.findFirst({ where: { OR: [{ code }, { code: code.toUpperCase() }] }, select: { id: true, code: true } });
  if (!item) return { id: '__no_such_recommendation__' };
  const [notes, links] = await Promise.all([
    db.evidenceNote.findMany({ where: { recommendationId: item.id }, select: { id: true } }),
    db.recommendationLink.findMany({ where: { OR: [{ fromId: item.id }, { toId: item.id }] }, select: { id: true } }),
  ]);
  return {
    OR: [
      { entityType: 'recommendation', entityId: item.id },
      ...(notes.length ? [{ entityType: 'evidence_note', entityId: { in: notes.map((note) => note.id) } }] : []),
      ...(links.length ? [{ entityType: 'recommendation_link', entityId: { in: links.map((link) => link.id) } }] : []),
      // A bulk change is one entry for many items; it lists their codes, quoted.
      { action: 'recommendation.bulk_update', after: { contains: `"${item.code}"` } },
    ],
  };
}

function whereOf(filters: AuditLogFilters, timeZone: string) {
  const { user } = filters;
  const actor =
    user === undefined ? {} : user.startsWith(LABEL_ACTOR_PREFIX) ? { actorId: null, actorLabel: user.slice(LABEL_ACTOR_PREFIX.length) } : { actorId: user };
  const createdAt =
    filters.from || filters.to
      ? {
          ...(filters.from ? { gte: startOfDayInZone(filters.from, timeZone) } : {}),
          ...(filters.to ? { lt: startOfDayInZone(new Date(filters.to.getTime() + DAY_MS), timeZone) } : {}),
        }
      : undefined;
  return {
    ...actor,
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityId ? { entityId: filters.entityId } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(!filters.signIns && !filters.action ? { action: { notIn: SESSION_ACTIONS } } : {}),
  };
}

function parsed(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

function pretty(json: string | null): string | null {
  if (json === null) return null;
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    // Written by hand or by an older version: show it as it is rather than hide it.
    return json;
  }
}

/** One page of the audit log, newest first (ties broken by id so pages never overlap). */
/** `timeZone`: the one times are shown in (lib/format.ts), so a day in the filter is that day on the page. */
export async function listAuditLog(db: Db, filters: AuditLogFilters, actor: Actor, timeZone = displayTimeZone()): Promise<AuditLogPage> {
  requireRole(actor, 'ADMIN');
  const base = whereOf(filters, timeZone);
  const where = filters.code ? { AND: [base, await codeWhere(db, filters.code)] } : base;
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        createdAt: true,
        actorId: true,
        actorLabel: true,
        action: true,
        entityType: true,
        entityId: true,
        before: true,
        after: true,
        ip: true,
      },
    }),
  ]);
  const data = rows.map((row) => ({ ...row, before: parsed(row.before), after: parsed(row.after) }));
  const names = await readAuditNames(db, data);
  return {
    entries: rows.map((row, index) => ({ ...row, before: pretty(row.before), after: pretty(row.after), ...describeAuditEntry(data[index]!, names) })),
    total,
    page: filters.page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    pageSize: AUDIT_PAGE_SIZE,
  };
}

export type AuditFilterOptions = {
  actors: { value: string; label: string }[];
  entityTypes: string[];
  actions: string[];
};

/**
 * The distinct values of one indexed column, walked through an index one value at a time (a
 * "loose index scan": a seek per distinct value, not a read of every row), in ascending order.
 * The log grows by every change ever made, so a GROUP BY here would read all of it on each view:
 * 0.7 s at the benchmark's M size (300,000 entries) and ten times that at L. Each step is written
 * in the index's own order, so that PostgreSQL too reads it as a seek: `actorId IS NULL` does not
 * fix the first column for its planner as an equality would.
 */
const WALKS = {
  action: { where: 'TRUE', order: '"action"' },
  entityType: { where: 'TRUE', order: '"entityType"' },
  labelWithoutAccount: { where: '"actorId" IS NULL', order: '"actorId", "actorLabel"' },
} as const;

async function distinctValues(db: Db, walk: keyof typeof WALKS): Promise<string[]> {
  const { where, order } = WALKS[walk];
  const column = walk === 'labelWithoutAccount' ? '"actorLabel"' : `"${walk}"`;
  // Only the literals above reach the SQL, never input.
  const step = (after: string) => `SELECT ${column} FROM "AuditLog" WHERE ${where} AND ${column} ${after} ORDER BY ${order} LIMIT 1`;
  const rows = await db.$queryRawUnsafe<{ value: string }[]>(
    `WITH RECURSIVE walk(value) AS (
       SELECT * FROM (${step('IS NOT NULL')}) AS first
       UNION ALL
       SELECT (${step('> walk.value')}) FROM walk WHERE walk.value IS NOT NULL
     )
     SELECT value FROM walk WHERE value IS NOT NULL ORDER BY value`,
  );
  return rows.map((row) => row.value);
}

/**
 * The choices for the filter form, each read through an index (never a load or a scan of the log
 * itself): people who have entries, under their current email; actors without an account
 * (the command line, sample data) under their label; every entity type and action.
 */
export async function listAuditFilterOptions(db: Db, actor: Actor): Promise<AuditFilterOptions> {
  requireRole(actor, 'ADMIN');
  const [people, labels, entityTypes, actions] = await Promise.all([
    db.user.findMany({ where: { auditLogs: { some: {} } }, select: { id: true, email: true } }),
    distinctValues(db, 'labelWithoutAccount'),
    distinctValues(db, 'entityType'),
    distinctValues(db, 'action'),
  ]);
  const actors = [
    ...people.map((person) => ({ value: person.id, label: person.email })),
    ...labels.map((label) => ({ value: `${LABEL_ACTOR_PREFIX}${label}`, label: `${label} (no account)` })),
  ];
  return { actors: actors.sort((a, b) => a.label.localeCompare(b.label)), entityTypes, actions };
}

/** The latest audit entry for one entity: who to name when an edit meets a conflict. */
export async function lastAuditEntry(
  tx: Tx | Db,
  entityType: string,
  entityId: string,
): Promise<{ actorLabel: string; action: string; createdAt: Date } | null> {
  return tx.auditLog.findFirst({
    where: { entityType, entityId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { actorLabel: true, action: true, createdAt: true },
  });
}
