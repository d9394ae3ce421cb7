// One generated seminar with its recommendations, their status histories, evidence notes, links
// and audit rows, as rows for the data generator (generate.ts) to write. The rules every history
// keeps are listed at the top of generate.ts.
import { toDateOnly } from '@/lib/dates';
import { recommendationCode } from '@/lib/recommendations/code';
import { SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { STATUSES_NEEDING_EVIDENCE, type Status } from '@/lib/status/status';
import type { Random } from './random';
import type { TableRows, Value } from './sql-writer';
import * as words from './text';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
const BACKDATED_SHARE = 0.05;
const DELETED_EVIDENCE_SHARE = 0.03;
const LINKED_SHARE = 0.03;
const ARCHIVED_SHARE = 0.02;

type Change = { id: string; toStatus: Status; effective: Date; recorded: Date; authorId: string };
type Note = {
  id: string;
  date: Date;
  created: Date;
  deleted: Date | null;
  authorId: string;
  body: string;
  sourceTitle: string | null;
  sourceUrl: string | null;
};

// Valid next statuses, with how often each is chosen.
const TRANSITIONS: Record<Status, [Status, number][]> = {
  NOT_STARTED: [
    ['IN_PROGRESS', 6],
    ['STALLED', 2],
    ['PARTIALLY_IMPLEMENTED', 1],
    ['NO_LONGER_RELEVANT', 1],
  ],
  IN_PROGRESS: [
    ['PARTIALLY_IMPLEMENTED', 4],
    ['STALLED', 3],
    ['IMPLEMENTED', 2],
    ['NOT_STARTED', 1],
  ],
  STALLED: [
    ['IN_PROGRESS', 6],
    ['NO_LONGER_RELEVANT', 1],
    ['NOT_STARTED', 1],
  ],
  PARTIALLY_IMPLEMENTED: [
    ['IMPLEMENTED', 4],
    ['IN_PROGRESS', 2],
    ['STALLED', 2],
  ],
  IMPLEMENTED: [
    ['PARTIALLY_IMPLEMENTED', 2],
    ['IN_PROGRESS', 1],
    ['STALLED', 1],
  ],
  NO_LONGER_RELEVANT: [
    ['IN_PROGRESS', 3],
    ['STALLED', 1],
  ],
};

const COLUMNS = {
  User: ['id', 'email', 'name', 'passwordHash', 'role', 'active', 'sessionVersion', 'createdAt', 'updatedAt'],
  Seminar: ['id', 'codePrefix', 'title', 'kind', 'date', 'venue', 'organiser', 'sourceFileName', 'sourceText', 'version', 'createdAt', 'updatedAt'],
  Speaker: ['id', 'seminarId', 'name', 'designation', 'position'],
  Recommendation: [
    'id',
    'code',
    'seminarId',
    'position',
    'title',
    'text',
    'sourceStart',
    'sourceEnd',
    'sourceLineStart',
    'sourceLineEnd',
    'primaryThemeId',
    'status',
    'statusDate',
    'priority',
    'targetDate',
    'archived',
    'lastActivityAt',
    'version',
    'createdAt',
    'updatedAt',
  ],
  RecommendationTheme: ['recommendationId', 'themeId'],
  RecommendationSector: ['recommendationId', 'sectorId'],
  RecommendationLink: ['id', 'fromId', 'toId', 'note', 'createdById', 'createdAt', 'removedAt'],
  StatusChange: ['id', 'recommendationId', 'fromStatus', 'toStatus', 'effectiveDate', 'recordedAt', 'authorId', 'note'],
  EvidenceNote: ['id', 'recommendationId', 'body', 'evidenceDate', 'sourceTitle', 'sourceUrl', 'authorId', 'version', 'createdAt', 'updatedAt', 'deletedAt'],
  AuditLog: ['id', 'actorId', 'actorLabel', 'action', 'entityType', 'entityId', 'before', 'after', 'ip', 'createdAt'],
} as const;
type Table = keyof typeof COLUMNS;

/** Rows of one chunk, per table, written parents first. */
export class Chunk {
  readonly rows = new Map<Table, Value[][]>();
  add(table: Table, row: Value[]) {
    let list = this.rows.get(table);
    if (!list) this.rows.set(table, (list = []));
    list.push(row);
  }
  count(table: Table): number {
    return this.rows.get(table)?.length ?? 0;
  }
  tables(): TableRows[] {
    return (Object.keys(COLUMNS) as Table[]).flatMap((table) => {
      const rows = this.rows.get(table);
      return rows?.length ? [{ table, columns: COLUMNS[table], rows }] : [];
    });
  }
}

export const day = (date: Date) => new Date(Math.floor(date.getTime() / DAY) * DAY);
export const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
export const minDate = (a: Date, b: Date) => (a < b ? a : b);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);

function nextStatus(random: Random, current: Status, evidenceBefore: boolean): Status {
  let options = TRANSITIONS[current].filter(([status]) => evidenceBefore || !STATUSES_NEEDING_EVIDENCE.includes(status));
  if (options.length === 0) options = [[current === 'IN_PROGRESS' ? 'STALLED' : 'IN_PROGRESS', 1]];
  const total = options.reduce((acc, [, weight]) => acc + weight, 0);
  let roll = random.next() * total;
  for (const [status, weight] of options) {
    roll -= weight;
    if (roll < 0) return status;
  }
  return options.at(-1)![0];
}

/** Order in which recompute-status.ts reads a history: effective date, then recorded time, then id. */
function byEffective(a: Change, b: Change): number {
  return a.effective.getTime() - b.effective.getTime() || a.recorded.getTime() - b.recorded.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The change in force on `at` among `known`, as change-status.ts finds it. */
function inForce(known: Change[], at: Date): Change | null {
  let found: Change | null = null;
  for (const change of known) if (change.effective <= at && (!found || byEffective(change, found) > 0)) found = change;
  return found;
}

/**
 * Whether every change was valid when it was recorded: its status differs from the one in force on
 * its date among the changes recorded before it. Back-dating can break this (a later change may
 * repeat the status the back-dated one displaces); the caller then records the item's changes in order.
 */
function recordedValidly(changes: Change[]): boolean {
  return changes.every((change, index) => {
    if (index === 0) return true;
    const known = changes.filter((other) => other !== change && other.recorded < change.recorded);
    return inForce(known, change.effective)?.toStatus !== change.toStatus;
  });
}

export type Vocabulary = { themes: string[]; sectors: string[] };
export type Staff = { id: string; email: string };

export type SeminarInput = {
  random: Random;
  prefix: string;
  seminarIndex: number;
  date: Date;
  items: { changes: number; notes: number }[];
  staff: Staff[];
  vocabulary: Vocabulary;
  anchorDay: Date;
  anchorEnd: Date;
  earlierItems: { id: string; code: string }[];
};

const staffIndex = new WeakMap<Staff[], Map<string, Staff>>();

function staffById(staff: Staff[], id: string): Staff {
  let index = staffIndex.get(staff);
  if (!index) staffIndex.set(staff, (index = new Map(staff.map((user) => [user.id, user]))));
  return index.get(id)!;
}

function audit(chunk: Chunk, random: Random, actor: Staff, action: string, entityType: string, entityId: string, at: Date, before: unknown, after: unknown) {
  chunk.add('AuditLog', [
    random.cuid(),
    actor.id,
    actor.email,
    action,
    entityType,
    entityId,
    before === null ? null : JSON.stringify(before),
    after === null ? null : JSON.stringify(after),
    null,
    at,
  ]);
}

export function generateSeminar(chunk: Chunk, input: SeminarInput) {
  const { random, date, staff, vocabulary, anchorDay, anchorEnd } = input;
  const seminarId = random.cuid();
  const codePrefix = `${input.prefix}${String(input.seminarIndex + 1).padStart(4, '0')}`;
  const title = words.seminarTitle(random, date.getUTCFullYear());
  const created = minDate(addMs(date, random.int(1, 72) * HOUR), anchorEnd);
  const importer = random.pick(staff);

  // The report's text: a header, then the numbered recommendations, whose ranges the items point to.
  const texts = input.items.map(() => {
    const itemTitle = words.recommendationTitle(random);
    return { title: itemTitle, text: words.recommendationText(random, itemTitle) };
  });
  let sourceText = `${title}\n${words.venue(random)}, ${toDateOnly(date)}\n\nRecommendations\n\n`;
  const ranges = texts.map(({ text }, index) => {
    const lead = `${index + 1}. `;
    const startLine = sourceText.split('\n').length;
    const start = sourceText.length + lead.length;
    sourceText += `${lead}${text}\n\n`;
    return { start, end: start + text.length, line: startLine };
  });
  chunk.add('Seminar', [
    seminarId,
    codePrefix,
    title,
    random.pick(SEMINAR_KINDS),
    date,
    words.venue(random),
    'Institute of Regional Studies',
    null,
    sourceText,
    1,
    created,
    created,
  ]);
  const speakers = random.int(2, 4);
  for (let position = 1; position <= speakers; position += 1) {
    chunk.add('Speaker', [random.cuid(), seminarId, words.personName(random), words.designation(random), position]);
  }
  audit(chunk, random, importer, 'seminar.create', 'seminar', seminarId, created, null, { title, date: toDateOnly(date) });

  const openDays = Math.max(1, Math.round((anchorDay.getTime() - date.getTime()) / DAY));
  input.items.forEach((plan, index) => {
    const id = random.cuid();
    const code = recommendationCode(codePrefix, index + 1);
    const itemCreated = addMs(created, index * 1000);

    // Evidence first: a status that needs evidence is only chosen once a note exists before it.
    const notes: Note[] = Array.from({ length: plan.notes }, () => {
      const noteDate = addMs(date, random.int(0, openDays) * DAY);
      const noteCreated = minDate(maxDate(addMs(noteDate, random.int(1, 20) * HOUR), addMs(itemCreated, 60_000)), anchorEnd);
      return {
        id: random.cuid(),
        date: noteDate,
        created: noteCreated,
        deleted: null,
        authorId: random.pick(staff).id,
        body: words.evidenceBody(random),
        ...words.evidenceSource(random),
      };
    }).sort((a, b) => a.date.getTime() - b.date.getTime());
    if (notes.length >= 2) {
      for (const note of notes) {
        if (random.chance(DELETED_EVIDENCE_SHARE)) note.deleted = minDate(addMs(note.created, random.int(1, 200) * DAY), anchorEnd);
      }
    }
    const kept = notes.filter((note) => !note.deleted);

    // The history: NOT_STARTED on the seminar date, then valid transitions on distinct later days.
    const days = new Set<number>();
    while (days.size < Math.min(plan.changes, openDays)) days.add(random.int(1, openDays));
    const changes: Change[] = [{ id: random.cuid(), toStatus: 'NOT_STARTED', effective: date, recorded: itemCreated, authorId: importer.id }];
    for (const offset of [...days].sort((a, b) => a - b)) {
      const effective = addMs(date, offset * DAY);
      // Evidence entered at least a day before the change is on record when the change is.
      const evidenceBefore = kept.some((note) => note.created.getTime() <= effective.getTime() - DAY);
      const toStatus = nextStatus(random, changes.at(-1)!.toStatus, evidenceBefore);
      const recorded = minDate(maxDate(addMs(effective, random.int(1, 96) * HOUR), addMs(itemCreated, 60_000)), anchorEnd);
      changes.push({ id: random.cuid(), toStatus, effective, recorded, authorId: random.pick(staff).id });
    }
    const inOrder = changes.map((change) => change.recorded);
    for (const change of changes.slice(1)) {
      if (random.chance(BACKDATED_SHARE)) change.recorded = minDate(addMs(change.effective, random.int(60, 720) * DAY + random.int(1, 10) * HOUR), anchorEnd);
    }
    if (!recordedValidly(changes)) changes.forEach((change, i) => (change.recorded = inOrder[i]!));

    // The item as recompute-status.ts leaves it.
    const latest = [...changes].sort(byEffective).at(-1)!;
    const latestNote = kept.at(-1);
    const lastActivity = latestNote && latestNote.date > latest.effective ? latestNote.date : latest.effective;
    const byRecording = [...changes].sort((a, b) => a.recorded.getTime() - b.recorded.getTime());
    const updated = byRecording.at(-1)!.recorded;
    const targetDate = random.chance(0.4) ? addMs(date, random.int(180, 1800) * DAY) : null;
    const primaryThemeId = random.pick(vocabulary.themes);
    const range = ranges[index]!;
    chunk.add('Recommendation', [
      id,
      code,
      seminarId,
      index + 1,
      texts[index]!.title,
      texts[index]!.text,
      range.start,
      range.end,
      range.line,
      range.line,
      primaryThemeId,
      latest.toStatus,
      latest.effective,
      random.pick(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH']),
      targetDate,
      random.chance(ARCHIVED_SHARE),
      lastActivity,
      changes.length,
      itemCreated,
      updated,
    ]);
    for (const themeId of random.sample(
      vocabulary.themes.filter((theme) => theme !== primaryThemeId),
      random.int(0, 2),
    )) {
      chunk.add('RecommendationTheme', [id, themeId]);
    }
    for (const sectorId of random.sample(vocabulary.sectors, random.int(1, 3))) chunk.add('RecommendationSector', [id, sectorId]);
    audit(chunk, random, importer, 'recommendation.create', 'recommendation', id, itemCreated, null, {
      code,
      title: texts[index]!.title,
      status: 'NOT_STARTED',
    });

    // Status rows and their audit rows, each with what was known when it was recorded.
    byRecording.forEach((change, recordingIndex) => {
      const known = byRecording.slice(0, recordingIndex);
      const from = change === changes[0] ? null : inForce(known, change.effective);
      chunk.add('StatusChange', [
        change.id,
        id,
        from?.toStatus ?? null,
        change.toStatus,
        change.effective,
        change.recorded,
        change.authorId,
        change === changes[0] ? 'Recommended at the seminar.' : null,
      ]);
      if (change === changes[0]) return;
      const current = inForce([...known, change], anchorDay)!;
      audit(
        chunk,
        random,
        staffById(staff, change.authorId),
        'recommendation.status_change',
        'recommendation',
        id,
        change.recorded,
        { code, version: recordingIndex },
        {
          code,
          status: current.toStatus,
          statusDate: toDateOnly(current.effective),
          version: recordingIndex + 1,
          change: {
            id: change.id,
            fromStatus: from?.toStatus ?? null,
            toStatus: change.toStatus,
            effectiveDate: toDateOnly(change.effective),
            note: null,
            evidenceId: null,
          },
        },
      );
    });

    for (const note of notes) {
      chunk.add('EvidenceNote', [
        note.id,
        id,
        note.body,
        note.date,
        note.sourceTitle,
        note.sourceUrl,
        note.authorId,
        1,
        note.created,
        note.created,
        note.deleted,
      ]);
      const author = staffById(staff, note.authorId);
      const view = {
        recommendationId: id,
        code,
        body: note.body,
        evidenceDate: toDateOnly(note.date),
        sourceTitle: note.sourceTitle,
        sourceUrl: note.sourceUrl,
      };
      audit(chunk, random, author, 'evidence.create', 'evidence_note', note.id, note.created, null, view);
      if (note.deleted) audit(chunk, random, author, 'evidence.remove', 'evidence_note', note.id, note.deleted, view, { deleted: true });
    }

    if (input.earlierItems.length > 0 && random.chance(LINKED_SHARE)) {
      const other = random.pick(input.earlierItems);
      const linkId = random.cuid();
      const author = random.pick(staff);
      const at = minDate(addMs(itemCreated, random.int(1, 30) * DAY), anchorEnd);
      chunk.add('RecommendationLink', [linkId, id, other.id, 'Repeats an earlier recommendation.', author.id, at, null]);
      audit(chunk, random, author, 'recommendation.link', 'recommendation_link', linkId, at, null, {
        from: code,
        to: other.code,
        note: 'Repeats an earlier recommendation.',
      });
    }
    // A bounded sample of earlier items is enough to draw links from.
    if (input.earlierItems.length < 5_000) input.earlierItems.push({ id, code });
    else input.earlierItems[random.int(0, 4_999)] = { id, code };
  });
}
