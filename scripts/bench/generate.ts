// The benchmark's data generator: deterministic (the same seed gives the same rows), written straight
// through the drivers in batched transactions, into the benchmark's own database (never data/).
//
//   tsx scripts/bench/generate.ts --size M [--db sqlite|postgres] [--force]
//
// Sizes: S = the real seed only; M = 10,000 recommendations over 500 seminars, 200,000 status
// changes and 100,000 evidence notes over 14 years; L = ten times M in every table.
//
// Every history is one the app could have written: per item the first change is NOT_STARTED on the
// seminar date, later ones are valid transitions on later dates (none in the future, evidence before
// PARTIALLY_IMPLEMENTED/IMPLEMENTED), about 5% are back-dated (recorded long after they took effect,
// and valid against what was known when they were recorded), and Recommendation.status, statusDate,
// lastActivityAt and version agree with the history exactly as lib/status/recompute-status.ts would
// leave them. Each mutation has its audit row, as in the app.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { parseDateOnly, toDateOnly, today } from '@/lib/dates';
import { createClient } from '@/lib/db/client';
import { providerOf } from '@/lib/db/config';
import { migrate } from '@/lib/db/migrate';
import { recommendationCode } from '@/lib/recommendations/code';
import { runSeed } from '@/lib/seminars/seed/run-seed';
import { SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { STATUSES_NEEDING_EVIDENCE, type Status } from '@/lib/status/status';
import { databaseUrlOn } from '@/lib/test/local-database';
import { log, percentLogger } from './progress';
import { Random } from './random';
import { openWriter, type SqlWriter, type TableRows, type Value } from './sql-writer';
import * as words from './text';

export type Size = 'S' | 'M' | 'L';
export type DbKind = 'sqlite' | 'postgres';

export type DatasetSpec = {
  seminars: number;
  recommendations: number;
  /** All status changes, the first NOT_STARTED of each item included. */
  statusChanges: number;
  evidenceNotes: number;
  years: number;
  /** Staff accounts that author changes and notes. */
  users: number;
};

export const SIZES: Record<Size, DatasetSpec | null> = {
  S: null,
  M: { seminars: 500, recommendations: 10_000, statusChanges: 200_000, evidenceNotes: 100_000, years: 14, users: 40 },
  // Ten times M in every table, so each item and seminar looks the same and only the volume grows.
  L: { seminars: 5_000, recommendations: 100_000, statusChanges: 2_000_000, evidenceNotes: 1_000_000, years: 14, users: 150 },
};

/** Bump when the generated rows change, so existing benchmark databases are regenerated. */
export const GENERATOR_VERSION = 1;
export const DEFAULT_SEED = 'tracker-bench';
/**
 * The generated history ends on this day (or today, if earlier): a fixed day keeps the data set the
 * same from one day to the next.
 */
export const ANCHOR_DAY = '2026-10-31';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const BACKDATED_SHARE = 0.05;
const DELETED_EVIDENCE_SHARE = 0.03;
const LINKED_SHARE = 0.03;
const ARCHIVED_SHARE = 0.02;
const SEMINARS_PER_CHUNK = 25;

export type GenerateOptions = {
  seed?: string;
  /** Prefix of seminar codes (and of staff emails), so several generated sets can share a database. */
  prefix?: string;
  anchor?: Date;
  onProgress?: (seminarsDone: number) => void;
};

export type GeneratedSummary = {
  seminars: number;
  recommendations: number;
  statusChanges: number;
  evidenceNotes: number;
  auditRows: number;
  links: number;
  users: number;
  firstSeminar: string;
  lastSeminar: string;
  anchor: string;
};

type Change = { id: string; toStatus: Status; effective: Date; recorded: Date; authorId: string };
type Note = { id: string; date: Date; created: Date; deleted: Date | null; authorId: string; body: string; sourceTitle: string | null; sourceUrl: string | null };

// Valid next statuses, with how often each is chosen.
const TRANSITIONS: Record<Status, [Status, number][]> = {
  NOT_STARTED: [['IN_PROGRESS', 6], ['STALLED', 2], ['PARTIALLY_IMPLEMENTED', 1], ['NO_LONGER_RELEVANT', 1]],
  IN_PROGRESS: [['PARTIALLY_IMPLEMENTED', 4], ['STALLED', 3], ['IMPLEMENTED', 2], ['NOT_STARTED', 1]],
  STALLED: [['IN_PROGRESS', 6], ['NO_LONGER_RELEVANT', 1], ['NOT_STARTED', 1]],
  PARTIALLY_IMPLEMENTED: [['IMPLEMENTED', 4], ['IN_PROGRESS', 2], ['STALLED', 2]],
  IMPLEMENTED: [['PARTIALLY_IMPLEMENTED', 2], ['IN_PROGRESS', 1], ['STALLED', 1]],
  NO_LONGER_RELEVANT: [['IN_PROGRESS', 3], ['STALLED', 1]],
};

const COLUMNS = {
  User: ['id', 'email', 'name', 'passwordHash', 'role', 'active', 'sessionVersion', 'createdAt', 'updatedAt'],
  Seminar: ['id', 'codePrefix', 'title', 'kind', 'date', 'venue', 'organiser', 'sourceFileName', 'sourceText', 'version', 'createdAt', 'updatedAt'],
  Speaker: ['id', 'seminarId', 'name', 'designation', 'position'],
  Recommendation: [
    'id', 'code', 'seminarId', 'position', 'title', 'text', 'sourceStart', 'sourceEnd', 'sourceLineStart', 'sourceLineEnd',
    'primaryThemeId', 'status', 'statusDate', 'priority', 'targetDate', 'archived', 'lastActivityAt', 'version', 'createdAt', 'updatedAt',
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
class Chunk {
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

const day = (date: Date) => new Date(Math.floor(date.getTime() / DAY) * DAY);
const addMs = (date: Date, ms: number) => new Date(date.getTime() + ms);
const minDate = (a: Date, b: Date) => (a < b ? a : b);
const maxDate = (a: Date, b: Date) => (a > b ? a : b);

/** Splits `total` over the weights (largest remainder), each share at most its cap. */
export function allocate(total: number, weights: number[], caps: number[]): number[] {
  const out = new Array<number>(weights.length).fill(0);
  let left = total;
  let open = weights.map((_, index) => index).filter((index) => caps[index]! > 0);
  while (left > 0 && open.length > 0) {
    const sum = open.reduce((acc, index) => acc + weights[index]!, 0);
    const shares = open.map((index) => ({ index, exact: sum > 0 ? (left * weights[index]!) / sum : left / open.length }));
    let given = 0;
    for (const share of shares) {
      const whole = Math.min(Math.floor(share.exact), caps[share.index]! - out[share.index]!);
      out[share.index]! += whole;
      given += whole;
    }
    const remainder = shares
      .filter((share) => out[share.index]! < caps[share.index]!)
      .sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || a.index - b.index);
    for (const share of remainder) {
      if (given >= left) break;
      out[share.index]! += 1;
      given += 1;
    }
    left -= given;
    open = open.filter((index) => out[index]! < caps[index]!);
    if (given === 0) break;
  }
  if (left > 0) throw new Error(`Cannot place ${total} rows: the caps allow only ${total - left}.`);
  return out;
}

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

type Vocabulary = { themes: string[]; sectors: string[] };

async function readVocabulary(url: string): Promise<Vocabulary> {
  const client = createClient(url);
  try {
    const [themes, sectors] = await Promise.all([
      client.theme.findMany({ where: { mergedIntoId: null }, orderBy: { slug: 'asc' }, select: { id: true } }),
      client.sector.findMany({ where: { mergedIntoId: null }, orderBy: { slug: 'asc' }, select: { id: true } }),
    ]);
    if (!themes.length || !sectors.length) throw new Error('Seed the vocabulary first (lib/seminars/seed/run-seed.ts).');
    return { themes: themes.map((row) => row.id), sectors: sectors.map((row) => row.id) };
  } finally {
    await client.$disconnect();
  }
}

/**
 * Adds a generated data set of `spec`'s size to the (migrated, vocabulary-seeded) database at `url`.
 * Returns what it wrote.
 */
export async function generateDataset(url: string, spec: DatasetSpec, options: GenerateOptions = {}): Promise<GeneratedSummary> {
  const seed = options.seed ?? DEFAULT_SEED;
  const prefix = options.prefix ?? 'B';
  const random = new Random(`${seed}:${prefix}`);
  const anchorDay = options.anchor ?? minDate(parseDateOnly(ANCHOR_DAY)!, today());
  const anchorEnd = addMs(anchorDay, 18 * HOUR);
  const vocabulary = await readVocabulary(url);
  const writer = await openWriter(url);
  const summary: GeneratedSummary = {
    seminars: 0, recommendations: 0, statusChanges: 0, evidenceNotes: 0, auditRows: 0, links: 0, users: 0,
    firstSeminar: '', lastSeminar: '', anchor: toDateOnly(anchorDay),
  };
  try {
    // Staff who author the history.
    const staff: { id: string; email: string }[] = [];
    const users = new Chunk();
    const staffSince = addMs(anchorDay, -spec.years * 365.25 * DAY - 30 * DAY);
    for (let index = 1; index <= spec.users; index += 1) {
      const user = { id: random.cuid(), email: `staff${String(index).padStart(3, '0')}@${prefix.toLowerCase()}.bench.invalid` };
      staff.push(user);
      users.add('User', [user.id, user.email, words.personName(random), null, index <= 3 ? 'ADMIN' : 'EDITOR', true, 0, staffSince, staffSince]);
    }
    await writer.writeChunk(users.tables());
    summary.users = staff.length;

    // Seminar dates spread evenly over the years, ending a month before the anchor.
    const first = addMs(anchorDay, -spec.years * 365.25 * DAY);
    const span = anchorDay.getTime() - 30 * DAY - first.getTime();
    const seminarDates = Array.from({ length: spec.seminars }, (_, index) => {
      const slot = span / spec.seminars;
      return day(new Date(first.getTime() + (index + 0.5) * slot + (random.next() - 0.5) * slot * 0.6));
    }).sort((a, b) => a.getTime() - b.getTime());
    const itemsPerSeminar = seminarDates.map((_, index) => Math.floor(spec.recommendations / spec.seminars) + (index < spec.recommendations % spec.seminars ? 1 : 0));

    // How many changes and notes each item gets: more for older items, with some spread.
    const itemSeminar: number[] = itemsPerSeminar.flatMap((count, seminarIndex) => new Array<number>(count).fill(seminarIndex));
    const daysOpen = itemSeminar.map((seminarIndex) => Math.max(1, Math.round((anchorDay.getTime() - seminarDates[seminarIndex]!.getTime()) / DAY)));
    const laterChanges = allocate(
      spec.statusChanges - spec.recommendations,
      daysOpen.map((days) => days * (0.3 + 1.4 * random.next())),
      daysOpen.map((days) => days),
    );
    const notesPerItem = allocate(
      spec.evidenceNotes,
      daysOpen.map((days) => days * (0.2 + 1.6 * random.next())),
      daysOpen.map((days) => days * 3),
    );

    const earlierItems: { id: string; code: string }[] = [];
    const progress = options.onProgress;
    let itemIndex = 0;
    for (let start = 0; start < spec.seminars; start += SEMINARS_PER_CHUNK) {
      const chunk = new Chunk();
      const end = Math.min(spec.seminars, start + SEMINARS_PER_CHUNK);
      for (let seminarIndex = start; seminarIndex < end; seminarIndex += 1) {
        const count = itemsPerSeminar[seminarIndex]!;
        const items = Array.from({ length: count }, (_, offset) => ({
          changes: laterChanges[itemIndex + offset]!,
          notes: notesPerItem[itemIndex + offset]!,
        }));
        generateSeminar(chunk, {
          random, prefix, seminarIndex, date: seminarDates[seminarIndex]!, items, staff, vocabulary, anchorDay, anchorEnd, earlierItems,
        });
        itemIndex += count;
      }
      await writer.writeChunk(chunk.tables());
      summary.seminars += end - start;
      summary.recommendations += chunk.count('Recommendation');
      summary.statusChanges += chunk.count('StatusChange');
      summary.evidenceNotes += chunk.count('EvidenceNote');
      summary.auditRows += chunk.count('AuditLog');
      summary.links += chunk.count('RecommendationLink');
      progress?.(summary.seminars);
    }
    summary.firstSeminar = toDateOnly(seminarDates[0]!);
    summary.lastSeminar = toDateOnly(seminarDates.at(-1)!);
  } finally {
    await writer.close();
  }
  return summary;
}

type SeminarInput = {
  random: Random;
  prefix: string;
  seminarIndex: number;
  date: Date;
  items: { changes: number; notes: number }[];
  staff: { id: string; email: string }[];
  vocabulary: Vocabulary;
  anchorDay: Date;
  anchorEnd: Date;
  earlierItems: { id: string; code: string }[];
};

const staffIndex = new WeakMap<object, Map<string, { id: string; email: string }>>();

function staffById(staff: { id: string; email: string }[], id: string): { id: string; email: string } {
  let index = staffIndex.get(staff);
  if (!index) staffIndex.set(staff, (index = new Map(staff.map((user) => [user.id, user]))));
  return index.get(id)!;
}

function audit(chunk: Chunk, random: Random, actor: { id: string; email: string }, action: string, entityType: string, entityId: string, at: Date, before: unknown, after: unknown) {
  chunk.add('AuditLog', [
    random.cuid(), actor.id, actor.email, action, entityType, entityId,
    before === null ? null : JSON.stringify(before), after === null ? null : JSON.stringify(after), null, at,
  ]);
}

function generateSeminar(chunk: Chunk, input: SeminarInput) {
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
    seminarId, codePrefix, title, random.pick(SEMINAR_KINDS), date, words.venue(random), 'Institute of Regional Studies', null, sourceText, 1, created, created,
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
      return { id: random.cuid(), date: noteDate, created: noteCreated, deleted: null, authorId: random.pick(staff).id, body: words.evidenceBody(random), ...words.evidenceSource(random) };
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
      id, code, seminarId, index + 1, texts[index]!.title, texts[index]!.text, range.start, range.end, range.line, range.line,
      primaryThemeId, latest.toStatus, latest.effective, random.pick(['LOW', 'MEDIUM', 'MEDIUM', 'HIGH']), targetDate,
      random.chance(ARCHIVED_SHARE), lastActivity, changes.length, itemCreated, updated,
    ]);
    for (const themeId of random.sample(vocabulary.themes.filter((theme) => theme !== primaryThemeId), random.int(0, 2))) {
      chunk.add('RecommendationTheme', [id, themeId]);
    }
    for (const sectorId of random.sample(vocabulary.sectors, random.int(1, 3))) chunk.add('RecommendationSector', [id, sectorId]);
    audit(chunk, random, importer, 'recommendation.create', 'recommendation', id, itemCreated, null, { code, title: texts[index]!.title, status: 'NOT_STARTED' });

    // Status rows and their audit rows, each with what was known when it was recorded.
    byRecording.forEach((change, recordingIndex) => {
      const known = byRecording.slice(0, recordingIndex);
      const from = change === changes[0] ? null : inForce(known, change.effective);
      chunk.add('StatusChange', [
        change.id, id, from?.toStatus ?? null, change.toStatus, change.effective, change.recorded, change.authorId,
        change === changes[0] ? 'Recommended at the seminar.' : null,
      ]);
      if (change === changes[0]) return;
      const current = inForce([...known, change], anchorDay)!;
      audit(chunk, random, staffById(staff, change.authorId), 'recommendation.status_change', 'recommendation', id, change.recorded,
        { code, version: recordingIndex },
        {
          code, status: current.toStatus, statusDate: toDateOnly(current.effective), version: recordingIndex + 1,
          change: { id: change.id, fromStatus: from?.toStatus ?? null, toStatus: change.toStatus, effectiveDate: toDateOnly(change.effective), note: null, evidenceId: null },
        });
    });

    for (const note of notes) {
      chunk.add('EvidenceNote', [note.id, id, note.body, note.date, note.sourceTitle, note.sourceUrl, note.authorId, 1, note.created, note.created, note.deleted]);
      const author = staffById(staff, note.authorId);
      const view = { recommendationId: id, code, body: note.body, evidenceDate: toDateOnly(note.date), sourceTitle: note.sourceTitle, sourceUrl: note.sourceUrl };
      audit(chunk, random, author, 'evidence.create', 'evidence_note', note.id, note.created, null, view);
      if (note.deleted) audit(chunk, random, author, 'evidence.remove', 'evidence_note', note.id, note.deleted, view, { deleted: true });
    }

    if (input.earlierItems.length > 0 && random.chance(LINKED_SHARE)) {
      const other = random.pick(input.earlierItems);
      const linkId = random.cuid();
      const author = random.pick(staff);
      const at = minDate(addMs(itemCreated, random.int(1, 30) * DAY), anchorEnd);
      chunk.add('RecommendationLink', [linkId, id, other.id, 'Repeats an earlier recommendation.', author.id, at, null]);
      audit(chunk, random, author, 'recommendation.link', 'recommendation_link', linkId, at, null, { from: code, to: other.code, note: 'Repeats an earlier recommendation.' });
    }
    // A bounded sample of earlier items is enough to draw links from.
    if (input.earlierItems.length < 5_000) input.earlierItems.push({ id, code });
    else input.earlierItems[random.int(0, 4_999)] = { id, code };
  });
}

// ---------------------------------------------------------------------------------------------
// The benchmark's own databases: bench/.data/bench-<size>.db, or tracker_bench_<size> on BENCH_POSTGRES_URL.

export const BENCH_DATA_DIR = path.join(process.cwd(), 'bench', '.data');
const MANIFEST_KEY = 'bench.dataset';

export type Manifest = { generatorVersion: number; size: Size; seed: string; generated: GeneratedSummary | null; seconds: number };

export function benchDatabaseUrl(size: Size, db: DbKind): string {
  if (db === 'sqlite') return `file:${path.join(BENCH_DATA_DIR, `bench-${size}.db`)}`;
  const server = process.env.BENCH_POSTGRES_URL;
  if (!server) throw new Error('--db postgres needs BENCH_POSTGRES_URL, e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres');
  return databaseUrlOn(server, `tracker_bench_${size.toLowerCase()}`);
}

async function readManifest(url: string): Promise<Manifest | null> {
  if (providerOf(url) === 'sqlite' && !existsSync(url.slice('file:'.length))) return null;
  const client = createClient(url);
  try {
    const row = await client.setting.findUnique({ where: { key: MANIFEST_KEY } });
    return row ? (JSON.parse(row.value) as Manifest) : null;
  } catch {
    return null; // no database, or not migrated
  } finally {
    await client.$disconnect();
  }
}

async function recreateDatabase(url: string): Promise<void> {
  if (providerOf(url) === 'sqlite') {
    const file = url.slice('file:'.length);
    mkdirSync(path.dirname(file), { recursive: true });
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true });
    return;
  }
  const name = new URL(url).pathname.slice(1);
  if (!/^tracker_bench_[a-z]$/.test(name)) throw new Error(`Refusing to drop ${name}: the benchmark only recreates tracker_bench_<size>.`);
  const admin = new pg.Client({ connectionString: process.env.BENCH_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
}

/**
 * The benchmark database of `size`, generated unless one from the same generator version and seed
 * is already there (then it is reused, with whatever earlier benchmark runs added to it).
 */
export async function prepareBenchDataset(size: Size, db: DbKind, options: { force?: boolean; seed?: string } = {}): Promise<{ url: string; manifest: Manifest }> {
  const url = benchDatabaseUrl(size, db);
  const seed = options.seed ?? DEFAULT_SEED;
  const existing = options.force ? null : await readManifest(url);
  if (existing && existing.generatorVersion === GENERATOR_VERSION && existing.seed === seed && existing.size === size) {
    log(`data: reusing the ${size} data set in ${db === 'sqlite' ? path.relative(process.cwd(), url.slice(5)) : new URL(url).pathname.slice(1)}`);
    return { url, manifest: existing };
  }
  const started = Date.now();
  log(`data: creating the ${size} data set (${db})`);
  await recreateDatabase(url);
  await migrate(url);
  const client = createClient(url);
  try {
    await runSeed(client);
  } finally {
    await client.$disconnect();
  }
  const spec = SIZES[size];
  let generated: GeneratedSummary | null = null;
  if (spec) {
    const report = percentLogger(`data: generating ${spec.recommendations.toLocaleString('en')} recommendations`, spec.seminars, 10);
    generated = await generateDataset(url, spec, { seed, onProgress: report });
    log(`data: wrote ${generated.statusChanges.toLocaleString('en')} status changes, ${generated.evidenceNotes.toLocaleString('en')} evidence notes, ${generated.auditRows.toLocaleString('en')} audit rows`);
  }
  if (providerOf(url) === 'postgresql') {
    // Autovacuum would analyse the fresh tables within minutes; doing it now makes runs repeatable.
    const analyse = new pg.Client({ connectionString: url });
    await analyse.connect();
    await analyse.query('ANALYZE');
    await analyse.end();
  }
  const manifest: Manifest = { generatorVersion: GENERATOR_VERSION, size, seed, generated, seconds: (Date.now() - started) / 1000 };
  const writer = createClient(url);
  try {
    await writer.setting.upsert({ where: { key: MANIFEST_KEY }, create: { key: MANIFEST_KEY, value: JSON.stringify(manifest) }, update: { value: JSON.stringify(manifest) } });
  } finally {
    await writer.$disconnect();
  }
  log(`data: ready in ${manifest.seconds.toFixed(0)} s`);
  return { url, manifest };
}

function flag(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const size = (flag('--size') ?? 'S').toUpperCase() as Size;
  const db = (flag('--db') ?? 'sqlite') as DbKind;
  if (!(size in SIZES) || !['sqlite', 'postgres'].includes(db)) {
    console.error('Usage: tsx scripts/bench/generate.ts --size S|M|L [--db sqlite|postgres] [--force]');
    process.exit(2);
  }
  const { url, manifest } = await prepareBenchDataset(size, db, { force: process.argv.includes('--force') });
  console.log(JSON.stringify({ database: providerOf(url) === 'sqlite' ? url : new URL(url).pathname.slice(1), ...manifest }));
}
