// One audit entry as a sentence an administrator reads ("Eddie Editor changed 2015-R03 from No longer
// relevant to Partially implemented, effective 15 Mar 2024"), with the fields it changed. Pure: the
// names the ids stand for come in `names`, read for the whole page at once (audit-names.ts).
import { ROLE_LABEL } from '@/lib/auth/roles';
import { formatDate, formatNumber } from '@/lib/format';
import { PRIORITY_LABEL, STATUS_LABEL } from '@/lib/status/status';
import type { AuditNames } from './audit-names';

/** A piece of the sentence: plain text, or a name or code with the page it links to. */
export type SentencePart = string | { text: string; href: string };
export type FieldChange = { field: string; from: string | null; to: string | null };
export type AuditDescription = { sentence: SentencePart[]; changes: FieldChange[] };

export type DescribableEntry = {
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

type Data = Record<string, unknown>;
const asData = (value: unknown): Data => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {});
const text = (value: unknown): string | null => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null);

export const recommendationHref = (code: string) => `/recommendations/${encodeURIComponent(code)}`;
export const userHref = (id: string) => `/admin/users#user-${id}`;
const codeLink = (code: string): SentencePart => ({ text: code, href: recommendationHref(code) });

function day(value: unknown): string | null {
  const raw = text(value);
  if (!raw || !/^\d{4}-\d{2}-\d{2}/.test(raw)) return raw;
  const date = new Date(`${raw.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? raw : formatDate(date);
}

const statusLabel = (value: unknown) => STATUS_LABEL[value as keyof typeof STATUS_LABEL] ?? text(value);
const priorityLabel = (value: unknown) => PRIORITY_LABEL[value as keyof typeof PRIORITY_LABEL] ?? text(value);
const roleLabel = (value: unknown) => ROLE_LABEL[value as keyof typeof ROLE_LABEL] ?? text(value);

const FIELD_LABEL: Record<string, string> = {
  status: 'Status',
  statusDate: 'Status since',
  priority: 'Priority',
  targetDate: 'Target date',
  primaryThemeId: 'Primary theme',
  secondaryThemeIds: 'Other themes',
  sectorIds: 'Owner sectors',
  title: 'Title',
  text: 'Text',
  reason: 'Reason',
  body: 'Evidence',
  evidenceDate: 'Evidence date',
  sourceTitle: 'Source',
  sourceUrl: 'Web address',
  role: 'Role',
  name: 'Name',
  email: 'Email',
  description: 'Description',
  color: 'Colour',
  date: 'Date',
  kind: 'Kind',
  venue: 'Venue',
  locale: 'Locale',
  timeZone: 'Time zone',
  order: 'Order',
  note: 'Note',
};

/** "sourceUrl" → "Source url" for a field this file does not know. */
const fieldLabel = (key: string) =>
  FIELD_LABEL[key] ??
  key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/^./, (first) => first.toUpperCase())
    .replace(/ ([A-Z])/g, (_, c: string) => ` ${c.toLowerCase()}`);

/** A recorded value as an administrator reads it: labels for codes, names for ids, days as dates. */
function valueText(key: string, value: unknown, names: AuditNames): string | null {
  if (value === null || value === undefined) return null;
  const list = (ids: unknown, map: Map<string, string>) =>
    Array.isArray(ids) ? ids.map((id) => map.get(String(id)) ?? String(id)).join(', ') || 'none' : null;
  switch (key) {
    case 'status':
      return statusLabel(value);
    case 'priority':
      return priorityLabel(value);
    case 'role':
      return roleLabel(value);
    case 'primaryThemeId':
      return typeof value === 'string' ? (names.themes.get(value) ?? value) : JSON.stringify(value);
    case 'secondaryThemeIds':
      return list(value, names.themes);
    case 'sectorIds':
      return list(value, names.sectors);
    case 'statusDate':
    case 'targetDate':
    case 'evidenceDate':
    case 'date':
    case 'effectiveDate':
      return day(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) return value.join(', ');
  return JSON.stringify(value);
}

/** Recorded bookkeeping, not something an administrator changed. */
const NOT_A_FIELD = new Set(['version', 'code', 'recommendationId', 'bulk', 'change', 'id', 'updatedAt', 'createdAt', 'slug', 'sortOrder']);

/** The fields whose recorded value differs between before and after, in the after's order. */
export function fieldChanges(before: unknown, after: unknown, names: AuditNames): FieldChange[] {
  const from = asData(before);
  const to = asData(after);
  const keys = [...new Set([...Object.keys(to), ...Object.keys(from)])].filter((key) => !NOT_A_FIELD.has(key));
  return keys
    .filter((key) => JSON.stringify(from[key] ?? null) !== JSON.stringify(to[key] ?? null))
    .map((key) => ({ field: fieldLabel(key), from: valueText(key, from[key], names), to: valueText(key, to[key], names) }));
}

/** Every field of one side (a record created or removed). */
function fieldsOf(data: unknown, names: AuditNames, side: 'from' | 'to', keys?: string[]): FieldChange[] {
  const record = asData(data);
  return (keys ?? Object.keys(record))
    .filter((key) => !NOT_A_FIELD.has(key) && record[key] !== undefined && record[key] !== null)
    .map((key) => {
      const value = valueText(key, record[key], names);
      return { field: fieldLabel(key), from: side === 'from' ? value : null, to: side === 'to' ? value : null };
    });
}

function actorPart(entry: DescribableEntry, names: AuditNames): SentencePart {
  const user = entry.actorId ? names.users.get(entry.actorId) : undefined;
  if (user && entry.actorId) return { text: user.name || user.email, href: userHref(entry.actorId) };
  return entry.actorLabel === 'sample data'
    ? 'The sample data loader'
    : entry.actorLabel === 'cli' || entry.actorLabel === 'system'
      ? 'The system'
      : entry.actorLabel;
}

function userPart(id: string | null, names: AuditNames, fallback = 'a user'): SentencePart {
  const user = id ? names.users.get(id) : undefined;
  return user && id ? { text: user.name || user.email, href: userHref(id) } : fallback;
}

/** The recommendation an entry is about: its code from the recorded data, else from its id. */
function itemPart(entry: DescribableEntry, names: AuditNames): SentencePart {
  const code =
    text(asData(entry.after).code) ??
    text(asData(entry.before).code) ??
    (entry.entityId ? (entry.entityType === 'evidence_note' ? names.evidence.get(entry.entityId) : names.recommendations.get(entry.entityId)) : undefined);
  return code ? codeLink(code) : 'a recommendation';
}

const quoted = (value: unknown) => `“${text(value) ?? '?'}”`;
const plural = (count: number, one: string, many = `${one}s`) => `${formatNumber(count)} ${count === 1 ? one : many}`;

function describeRecommendation(verb: string, entry: DescribableEntry, names: AuditNames, actor: SentencePart): AuditDescription {
  const before = asData(entry.before);
  const after = asData(entry.after);
  const item = itemPart(entry, names);
  switch (verb) {
    case 'create':
      return { sentence: [actor, ' added ', item, `: ${quoted(after.title)}`], changes: [] };
    case 'status_change': {
      const change = asData(after.change);
      const from = change.fromStatus ?? before.status;
      const to = change.toStatus ?? after.status;
      const effective = day(change.effectiveDate ?? after.statusDate);
      const sentence: SentencePart[] = from
        ? [actor, ' changed ', item, ` from ${statusLabel(from)} to ${statusLabel(to)}`]
        : [actor, ' set ', item, ` to ${statusLabel(to)}`];
      if (effective) sentence.push(`, effective ${effective}`);
      const changes: FieldChange[] = [];
      if (text(change.note)) changes.push({ field: 'Note', from: null, to: text(change.note) });
      if (change.evidenceId) changes.push({ field: 'Evidence', from: null, to: 'added with the change' });
      if (after.status !== to) changes.push({ field: 'Current status', from: statusLabel(before.status), to: statusLabel(after.status) });
      return { sentence, changes };
    }
    case 'update': {
      const changes = fieldChanges(before, after, names);
      const how = after.bulk ? ' (in a bulk change)' : '';
      if (changes.length === 1) {
        const [only] = changes;
        return {
          sentence: [actor, ` changed the ${only!.field.toLowerCase()} of `, item, ` from ${only!.from ?? 'none'} to ${only!.to ?? 'none'}${how}`],
          changes,
        };
      }
      return { sentence: [actor, ' edited ', item, how], changes };
    }
    case 'correct_text':
      return { sentence: [actor, ' corrected the wording of ', item], changes: fieldChanges(before, after, names) };
    case 'bulk_update': {
      const change = asData(after.change);
      const changed = Array.isArray(after.changed) ? after.changed.map(String) : [];
      const what =
        change.operation === 'status'
          ? `set the status to ${statusLabel(change.status)}, effective ${day(change.effectiveDate)},`
          : change.operation === 'priority'
            ? `set the priority to ${priorityLabel(change.priority)}`
            : change.operation === 'theme'
              ? `set the primary theme to ${valueText('primaryThemeId', change.primaryThemeId, names)}`
              : change.operation === 'sector'
                ? `${change.mode === 'remove' ? 'removed' : change.mode === 'replace' ? 'set the owner sectors to' : 'added'} ${valueText('sectorIds', change.sectorIds, names)}${change.mode === 'remove' ? ' from the owner sectors' : change.mode === 'replace' ? '' : ' to the owner sectors'}`
                : 'made a bulk change';
      const sentence: SentencePart[] = [actor, ` ${what} of ${plural(changed.length, 'recommendation')} at once`];
      const changes: FieldChange[] = [{ field: 'Changed', from: null, to: changed.join(', ') || 'none' }];
      const unchanged = Array.isArray(after.unchanged) ? after.unchanged.map(String) : [];
      if (unchanged.length) changes.push({ field: 'Already so', from: null, to: unchanged.join(', ') });
      return { sentence, changes };
    }
    case 'link':
      return {
        sentence: [actor, ' linked ', codeLink(String(after.from)), ' to ', codeLink(String(after.to))],
        changes: fieldsOf(after, names, 'to', ['note']),
      };
    case 'unlink':
      return { sentence: [actor, ' removed the link between ', codeLink(String(before.from)), ' and ', codeLink(String(before.to))], changes: [] };
    case 'theme_merged':
    case 'sector_merged': {
      const kind = verb === 'theme_merged' ? 'theme' : 'sector';
      return { sentence: [actor, ` merged the ${kind} ${quoted(before[kind])} into ${quoted(after[kind])}, which moved `, item], changes: [] };
    }
  }
  return fallback(entry, names, actor);
}

function describeEvidence(verb: string, entry: DescribableEntry, names: AuditNames, actor: SentencePart): AuditDescription {
  const item = itemPart(entry, names);
  const keys = ['evidenceDate', 'sourceTitle', 'sourceUrl', 'body'];
  if (verb === 'create') return { sentence: [actor, ' added evidence to ', item], changes: fieldsOf(entry.after, names, 'to', keys) };
  if (verb === 'update') return { sentence: [actor, ' edited evidence on ', item], changes: fieldChanges(entry.before, entry.after, names) };
  if (verb === 'remove') return { sentence: [actor, ' removed evidence from ', item], changes: fieldsOf(entry.before, names, 'from', keys) };
  return fallback(entry, names, actor);
}

function describeUser(verb: string, entry: DescribableEntry, names: AuditNames, actor: SentencePart): AuditDescription {
  const after = asData(entry.after);
  const target = userPart(entry.entityId, names, text(after.email) ?? 'a user');
  switch (verb) {
    case 'create':
      return {
        sentence: [actor, ' added the user ', target, ` as ${roleLabel(after.role) ?? 'a user'}`],
        changes: fieldsOf(after, names, 'to', ['name', 'email', 'role']),
      };
    case 'create_first_admin':
      return { sentence: [actor, ' set up the first administrator account'], changes: fieldsOf(after, names, 'to', ['name', 'email']) };
    case 'role_change':
      return { sentence: [actor, ' changed the role of ', target, ` from ${roleLabel(asData(entry.before).role)} to ${roleLabel(after.role)}`], changes: [] };
    case 'password_change':
      return { sentence: [actor, ' changed their password'], changes: [] };
    case 'password_reset_link':
      return { sentence: [actor, ' issued a set-password link for ', target, `, valid until ${day(after.expiresAt) ?? '?'}`], changes: [] };
    case 'password_set':
      return { sentence: [actor, ' set a new password with a set-password link'], changes: [] };
  }
  return fallback(entry, names, actor);
}

function describeAuth(verb: string, entry: DescribableEntry, names: AuditNames, actor: SentencePart): AuditDescription {
  const from = entry.ip ? [` from ${entry.ip}`] : [];
  if (verb === 'sign_in') return { sentence: [actor, ' signed in', ...from], changes: [] };
  if (verb === 'sign_out') return { sentence: [actor, ' signed out'], changes: [] };
  if (verb === 'sign_in_failed')
    return {
      sentence: [`A sign-in as ${entry.actorLabel}`, ...from, ` was refused (${text(asData(entry.after).reason) ?? 'no reason recorded'})`],
      changes: [],
    };
  return fallback(entry, names, actor);
}

function describeTerm(kind: 'theme' | 'sector', verb: string, entry: DescribableEntry, names: AuditNames, actor: SentencePart): AuditDescription {
  const before = asData(entry.before);
  const after = asData(entry.after);
  const current = entry.entityId ? (kind === 'theme' ? names.themes : names.sectors).get(entry.entityId) : undefined;
  const name = quoted(after.name ?? before.name ?? current);
  switch (verb) {
    case 'create':
      return { sentence: [actor, ` added the ${kind} ${name}`], changes: fieldsOf(after, names, 'to', ['description', 'color']) };
    case 'update':
      return { sentence: [actor, ` edited the ${kind} ${quoted(before.name ?? current)}`], changes: fieldChanges(before, after, names) };
    case 'merge':
      return { sentence: [actor, ` merged the ${kind} ${quoted(asData(before.source).name)} into ${quoted(asData(before.target).name)}`], changes: [] };
    case 'reorder':
      return { sentence: [actor, ` reordered the ${kind}s`], changes: fieldChanges(before, after, names) };
  }
  return fallback(entry, names, actor);
}

function describeOther(entry: DescribableEntry, names: AuditNames, actor: SentencePart): AuditDescription {
  const before = asData(entry.before);
  const after = asData(entry.after);
  const seminar = entry.entityId ? names.seminars.get(entry.entityId) : undefined;
  const seminarPart: SentencePart = entry.entityId
    ? { text: quoted(after.title ?? seminar?.title), href: `/admin/seminars/${encodeURIComponent(entry.entityId)}` }
    : quoted(after.title);
  switch (entry.action) {
    case 'seminar.create':
      return {
        sentence: [actor, ' added the seminar ', seminarPart, after.date ? ` of ${day(after.date)}` : ''],
        changes: fieldsOf(after, names, 'to', ['codePrefix', 'kind', 'venue']),
      };
    case 'seminar.update':
      return { sentence: [actor, ' edited the seminar ', seminarPart], changes: fieldChanges(before, after, names) };
    case 'token.create':
      return { sentence: [actor, ` created the API token ${quoted(after.name)} (${after.scope === 'write' ? 'read and write' : 'read only'})`], changes: [] };
    case 'token.revoke':
      return { sentence: [actor, ` revoked the API token ${quoted(after.name)}`], changes: [] };
    case 'import.create':
      return {
        sentence: [actor, ` uploaded ${quoted(after.sourceFileName)} to import, with ${plural(Number(after.items ?? 0), 'recommendation')} found`],
        changes: [],
      };
    case 'import.confirm':
      return {
        sentence: [
          actor,
          ` confirmed an import: seminar ${text(after.codePrefix) ?? '?'} with ${plural(Number(after.recommendations ?? 0), 'recommendation')}`,
        ],
        changes: [],
      };
    case 'import.discard':
      return { sentence: [actor, ' discarded an import draft'], changes: [] };
    case 'settings.update':
      return { sentence: [actor, ' changed the display settings'], changes: fieldChanges(before, after, names) };
    case 'demo.load':
      return {
        sentence: [
          actor,
          ` loaded the sample data: ${plural(Number(after.statusChanges ?? 0), 'status change')} and ${plural(Number(after.evidence ?? 0), 'evidence note')}`,
        ],
        changes: [],
      };
  }
  return fallback(entry, names, actor);
}

/** An action this file does not know: still a readable line, with what changed. */
function fallback(entry: DescribableEntry, names: AuditNames, actor: SentencePart): AuditDescription {
  const record = entry.entityType.replace(/_/g, ' ');
  return {
    sentence: [actor, ` recorded “${entry.action}” on a ${record}`],
    changes: entry.before ? fieldChanges(entry.before, entry.after, names) : fieldsOf(entry.after, names, 'to'),
  };
}

export function describeAuditEntry(entry: DescribableEntry, names: AuditNames): AuditDescription {
  const label = actorPart(entry, names);
  // A label starts the sentence: "tracker command line" reads as "Tracker command line".
  const actor = typeof label === 'string' ? label.replace(/^./, (first) => first.toUpperCase()) : label;
  const [area = '', verb = ''] = entry.action.split('.', 2);
  switch (area) {
    case 'recommendation':
      return describeRecommendation(verb, entry, names, actor);
    case 'evidence':
      return describeEvidence(verb, entry, names, actor);
    case 'user':
      return describeUser(verb, entry, names, actor);
    case 'auth':
      return describeAuth(verb, entry, names, actor);
    case 'theme':
    case 'sector':
      return describeTerm(area, verb, entry, names, actor);
  }
  return describeOther(entry, names, actor);
}

/** The sentence as plain text (tests, screen-reader labels). */
export const sentenceText = (sentence: SentencePart[]) => sentence.map((part) => (typeof part === 'string' ? part : part.text)).join('');
