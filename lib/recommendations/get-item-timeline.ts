// The item page's history: every change to one recommendation in one timeline, for anyone who may
// read the item (viewers too), so nobody needs the administrators' audit log to learn what happened
// to it. Built from what the write paths already record in their transactions: the status history
// and evidence notes (their own tables), and the audit rows of the item, its notes and its links
// (before and after of each edit: lib/recommendations/update-recommendation.ts, bulk-update.ts,
// correct-recommendation-text.ts, withdraw-recommendation.ts, lib/taxonomy/merge-terms.ts, ...).
import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { parseDateOnly, today } from '@/lib/dates';
import { isStatus, PRIORITIES, PRIORITY_LABEL, type Priority, type Status } from '@/lib/status/status';

/** A value a field had: names (themes, sectors, a priority), a calendar date, or nothing. */
export type FieldValue = { names: string[] } | { date: Date } | null;

export type FieldChange = { field: 'priority' | 'primaryTheme' | 'secondaryThemes' | 'sectors' | 'targetDate'; from: FieldValue; to: FieldValue };

type Common = {
  id: string;
  /** The day it happened: a status change's effective date, evidence's date, otherwise the day it was recorded. */
  day: Date;
  /** When it was recorded. */
  at: Date;
  /** Who recorded it: a person's name, or what the system calls itself ("the system", "the command line"). */
  by: string;
};

export type TimelineEntry = Common &
  (
    | { kind: 'status'; fromStatus: Status | null; toStatus: Status; note: string | null }
    | { kind: 'evidence'; evidenceId: string; evidenceDate: Date; sourceTitle: string | null; excerpt: string; removed: boolean }
    | { kind: 'evidence-edited'; evidenceDate: Date; changed: ('date' | 'source' | 'text')[] }
    | { kind: 'evidence-removed'; evidenceDate: Date; excerpt: string }
    | { kind: 'fields'; changes: FieldChange[]; bulk: boolean }
    | { kind: 'merged'; what: 'theme' | 'sector'; from: string; to: string }
    | { kind: 'text'; titleChanged: boolean; fromTitle: string; fromText: string; reason: string | null }
    | { kind: 'withdrawn' | 'restored'; reason: string | null }
    | { kind: 'linked' | 'unlinked'; otherCode: string }
  );

export type TimelineKind = TimelineEntry['kind'];

/** The audit actions on the item itself that the timeline tells (status changes come from their own table). */
const ITEM_ACTIONS = [
  'recommendation.update',
  'recommendation.correct_text',
  'recommendation.withdraw',
  'recommendation.restore',
  'recommendation.theme_merged',
  'recommendation.sector_merged',
];
const NOTE_ACTIONS = ['evidence.update', 'evidence.remove'];
const LINK_ACTIONS = ['recommendation.link', 'recommendation.unlink'];

const EXCERPT_LENGTH = 160;

type Json = Record<string, unknown>;

function parse(text: string | null): Json {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
  } catch {
    return {};
  }
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []);
const asStatus = (value: string): Status => (isStatus(value) ? value : 'NOT_STARTED');

/** Markdown as one short plain line, for a glance in the timeline. */
export function excerptOf(body: string): string {
  const plain = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > EXCERPT_LENGTH ? `${plain.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : plain;
}

/** "the system", "the command line", or the label the row was written with (an email, "sample data"). */
function actorName(actor: { name: string } | null, label: string): string {
  if (actor) return actor.name;
  if (label === 'system') return 'the system';
  if (label === 'cli') return 'the command line';
  return label;
}

type AuditRow = { id: string; action: string; entityId: string | null; before: string | null; after: string | null; createdAt: Date; by: string };
type Names = { themes: Map<string, string>; sectors: Map<string, string> };

const UPDATE_FIELDS = ['priority', 'primaryThemeId', 'secondaryThemeIds', 'sectorIds', 'targetDate'] as const;

function fieldValue(key: (typeof UPDATE_FIELDS)[number], value: unknown, names: Names): FieldValue {
  const named = (list: string[], from: Map<string, string>) => ({ names: list.map((id) => from.get(id) ?? 'a removed entry') });
  switch (key) {
    case 'priority':
      return (PRIORITIES as readonly unknown[]).includes(value) ? { names: [PRIORITY_LABEL[value as Priority]] } : null;
    case 'primaryThemeId':
      return typeof value === 'string' ? named([value], names.themes) : null;
    case 'secondaryThemeIds':
      return ids(value).length ? named(ids(value), names.themes) : null;
    case 'sectorIds':
      return ids(value).length ? named(ids(value), names.sectors) : null;
    case 'targetDate': {
      const date = typeof value === 'string' ? parseDateOnly(value) : null;
      return date ? { date } : null;
    }
  }
}

const FIELD_OF: Record<(typeof UPDATE_FIELDS)[number], FieldChange['field']> = {
  priority: 'priority',
  primaryThemeId: 'primaryTheme',
  secondaryThemeIds: 'secondaryThemes',
  sectorIds: 'sectors',
  targetDate: 'targetDate',
};

/** The theme and sector ids that edits of the item name, to be looked up once. */
function namedIds(rows: AuditRow[]): { themes: string[]; sectors: string[] } {
  const themes = new Set<string>();
  const sectors = new Set<string>();
  for (const row of rows) {
    if (row.action !== 'recommendation.update') continue;
    for (const side of [parse(row.before), parse(row.after)]) {
      if (typeof side.primaryThemeId === 'string') themes.add(side.primaryThemeId);
      for (const id of ids(side.secondaryThemeIds)) themes.add(id);
      for (const id of ids(side.sectorIds)) sectors.add(id);
    }
  }
  return { themes: [...themes], sectors: [...sectors] };
}

function auditEntry(row: AuditRow, names: Names): TimelineEntry | null {
  const before = parse(row.before);
  const after = parse(row.after);
  const common = { id: row.id, day: today(row.createdAt), at: row.createdAt, by: row.by };
  switch (row.action) {
    case 'recommendation.update': {
      const changes = UPDATE_FIELDS.filter((key) => key in before || key in after).map((key) => ({
        field: FIELD_OF[key],
        from: fieldValue(key, before[key], names),
        to: fieldValue(key, after[key], names),
      }));
      return changes.length ? { ...common, kind: 'fields', changes, bulk: after.bulk === true } : null;
    }
    case 'recommendation.theme_merged':
    case 'recommendation.sector_merged': {
      const what = row.action === 'recommendation.theme_merged' ? 'theme' : 'sector';
      return { ...common, kind: 'merged', what, from: text(before[what]) ?? '', to: text(after[what]) ?? '' };
    }
    case 'recommendation.correct_text':
      return {
        ...common,
        kind: 'text',
        titleChanged: before.title !== after.title,
        fromTitle: text(before.title) ?? '',
        fromText: text(before.text) ?? '',
        reason: text(after.reason),
      };
    case 'recommendation.withdraw':
      return { ...common, kind: 'withdrawn', reason: text(after.reason) };
    case 'recommendation.restore':
      return { ...common, kind: 'restored', reason: text(before.reason) };
    case 'evidence.update': {
      const changed: ('date' | 'source' | 'text')[] = [];
      if (before.evidenceDate !== after.evidenceDate) changed.push('date');
      if (before.sourceTitle !== after.sourceTitle || before.sourceUrl !== after.sourceUrl) changed.push('source');
      if (before.body !== after.body) changed.push('text');
      const evidenceDate = parseDateOnly(text(after.evidenceDate) ?? '') ?? row.createdAt;
      return { ...common, kind: 'evidence-edited', evidenceDate, changed };
    }
    case 'evidence.remove': {
      const evidenceDate = parseDateOnly(text(before.evidenceDate) ?? '') ?? row.createdAt;
      return { ...common, kind: 'evidence-removed', evidenceDate, excerpt: excerptOf(text(before.body) ?? '') };
    }
    case 'recommendation.link':
    case 'recommendation.unlink':
      return null; // told by linkEntry, which knows which end is this item
    default:
      return null;
  }
}

function linkEntry(row: AuditRow, code: string): TimelineEntry | null {
  const link = parse(row.action === 'recommendation.link' ? row.after : row.before);
  const from = text(link.from);
  const to = text(link.to);
  const otherCode = from === code ? to : from;
  if (!otherCode) return null;
  return {
    id: row.id,
    day: today(row.createdAt),
    at: row.createdAt,
    by: row.by,
    kind: row.action === 'recommendation.link' ? 'linked' : 'unlinked',
    otherCode,
  };
}

/** Newest first: by the day it happened, then by when it was recorded (a back-dated change sits at its day). */
export function compareEntries(a: Pick<Common, 'day' | 'at' | 'id'>, b: Pick<Common, 'day' | 'at' | 'id'>): number {
  return b.day.getTime() - a.day.getTime() || b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * Every change to one recommendation, newest first, each with who recorded it and when; null when
 * there is no such item. A fixed number of statements whatever the item's history: the item with
 * its status changes, evidence notes and link ids; all the audit rows of the item, its notes and
 * its links in one query; the names of the themes and sectors those rows name, once.
 */
export async function getItemTimeline(db: Db, recommendationId: string, actor: Actor): Promise<TimelineEntry[] | null> {
  requireRole(actor, 'VIEWER');
  const PERSON = { select: { name: true } } as const;
  const item = await db.recommendation.findUnique({
    where: { id: recommendationId },
    select: {
      id: true,
      code: true,
      statusChanges: {
        orderBy: [{ effectiveDate: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
        select: { id: true, toStatus: true, effectiveDate: true, recordedAt: true, note: true, author: PERSON },
      },
      // Removed notes too: their adding is part of the history (their removal is in the audit rows).
      evidenceNotes: { select: { id: true, body: true, evidenceDate: true, sourceTitle: true, createdAt: true, deletedAt: true, author: PERSON } },
      linksFrom: { select: { id: true } },
      linksTo: { select: { id: true } },
    },
  });
  if (!item) return null;

  const noteIds = item.evidenceNotes.map((note) => note.id);
  const linkIds = [...item.linksFrom, ...item.linksTo].map((link) => link.id);
  const audit = await db.auditLog.findMany({
    where: {
      OR: [
        { entityType: 'recommendation', entityId: item.id, action: { in: ITEM_ACTIONS } },
        ...(noteIds.length ? [{ entityType: 'evidence_note', entityId: { in: noteIds }, action: { in: NOTE_ACTIONS } }] : []),
        ...(linkIds.length ? [{ entityType: 'recommendation_link', entityId: { in: linkIds }, action: { in: LINK_ACTIONS } }] : []),
      ],
    },
    select: { id: true, action: true, entityId: true, before: true, after: true, createdAt: true, actorLabel: true, actor: PERSON },
  });
  const rows: AuditRow[] = audit.map(({ actor: person, actorLabel, ...row }) => ({ ...row, by: actorName(person, actorLabel) }));

  const wanted = namedIds(rows);
  const [themes, sectors] = [
    wanted.themes.length ? await db.theme.findMany({ where: { id: { in: wanted.themes } }, select: { id: true, name: true } }) : [],
    wanted.sectors.length ? await db.sector.findMany({ where: { id: { in: wanted.sectors } }, select: { id: true, name: true } }) : [],
  ];
  const names: Names = { themes: new Map(themes.map((row) => [row.id, row.name])), sectors: new Map(sectors.map((row) => [row.id, row.name])) };

  const entries: TimelineEntry[] = [];
  item.statusChanges.forEach((change, index, all) => {
    entries.push({
      id: change.id,
      kind: 'status',
      day: change.effectiveDate,
      at: change.recordedAt,
      by: actorName(change.author, 'system'),
      // The status in force just before, in the history as it stands now (as the item page always said).
      fromStatus: index === 0 ? null : asStatus(all[index - 1]!.toStatus),
      toStatus: asStatus(change.toStatus),
      note: change.note,
    });
  });
  for (const note of item.evidenceNotes) {
    entries.push({
      id: note.id,
      kind: 'evidence',
      day: note.evidenceDate,
      at: note.createdAt,
      by: actorName(note.author, 'system'),
      evidenceId: note.id,
      evidenceDate: note.evidenceDate,
      sourceTitle: note.sourceTitle,
      excerpt: excerptOf(note.body),
      removed: note.deletedAt !== null,
    });
  }
  for (const row of rows) {
    const entry = LINK_ACTIONS.includes(row.action) ? linkEntry(row, item.code) : auditEntry(row, names);
    if (entry) entries.push(entry);
  }
  return entries.sort(compareEntries);
}
