import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { today, toDateOnly } from '@/lib/dates';
import { isOverdue as isOverdueOn } from '@/lib/status/metrics';
import { isStatus, PRIORITIES, type Priority, type Status } from '@/lib/status/status';
import { differsFromSource } from './source-span';

type Person = { id: string; name: string } | null;
type Vocabulary = { id: string; slug: string; name: string; color: string };

export type StatusHistoryEntry = {
  id: string;
  /** The status in force just before this change, in the history as it stands now (a later back-dated entry can slot in before it). */
  fromStatus: Status | null;
  toStatus: Status;
  effectiveDate: Date;
  recordedAt: Date;
  note: string | null;
  author: Person;
};

export type EvidenceEntry = {
  id: string;
  body: string;
  evidenceDate: Date;
  sourceTitle: string | null;
  sourceUrl: string | null;
  author: Person;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type RelatedLink = {
  id: string;
  /** "to": this item links to the other one; "from": the other one links here. */
  direction: 'to' | 'from';
  note: string | null;
  createdAt: Date;
  other: { id: string; code: string; title: string; status: Status };
};

export type TextRevision = {
  id: string;
  fromTitle: string;
  toTitle: string;
  fromText: string;
  toText: string;
  reason: string | null;
  recordedAt: Date;
  author: Person;
};

/** Set while the item is withdrawn (Recommendation.archived): who, when and why. */
export type Withdrawal = { at: Date | null; by: Person; reason: string | null };

export type RecommendationDetail = {
  id: string;
  code: string;
  title: string;
  text: string;
  position: number;
  seminar: { id: string; title: string; date: Date; kind: string; codePrefix: string };
  /** Where the text is in the seminar's report; the span is null for an item entered by hand whose text is not in it. */
  provenance: {
    sourceFileName: string | null;
    span: { sourceStart: number; sourceEnd: number; lineStart: number; lineEnd: number } | null;
    /** The text was corrected and no longer says what the span of the report says. */
    textDiffersFromSource: boolean;
  };
  primaryTheme: Vocabulary;
  secondaryThemes: Vocabulary[];
  sectors: Vocabulary[];
  status: Status;
  statusDate: Date;
  priority: Priority;
  targetDate: Date | null;
  /** Overdue today (lib/status/metrics.ts). */
  overdue: boolean;
  archived: boolean;
  withdrawal: Withdrawal | null;
  version: number;
  lastActivityAt: Date;
  history: StatusHistoryEntry[];
  /** Corrections of the title and text, oldest first. */
  textRevisions: TextRevision[];
  evidence: EvidenceEntry[];
  links: RelatedLink[];
};

const VOCABULARY = { id: true, slug: true, name: true, color: true } as const;
const PERSON = { select: { id: true, name: true } } as const;
const OTHER = { select: { id: true, code: true, title: true, status: true } } as const;

/** Overdue today (lib/status/metrics.ts isOverdue). */
export function isOverdue(targetDate: Date | null, status: Status, now = new Date()): boolean {
  return isOverdueOn(status, targetDate, today(now));
}

const asStatus = (value: string): Status => (isStatus(value) ? value : 'NOT_STARTED');
const asPriority = (value: string): Priority => ((PRIORITIES as readonly string[]).includes(value) ? (value as Priority) : 'MEDIUM');

/** Matches a cuid or a code; codes are also tried upper-cased, so /recommendations/2015-r03 works. */
export function idOrCodeWhere(idOrCode: string) {
  const key = idOrCode.trim();
  return { OR: [{ id: key }, { code: key }, { code: key.toUpperCase() }] };
}

/** Just enough to act on an item named by id or code (API routes). */
export function findRecommendationRef(db: Db, idOrCode: string): Promise<{ id: string; code: string; version: number } | null> {
  return db.recommendation.findFirst({ where: idOrCodeWhere(idOrCode), select: { id: true, code: true, version: true } });
}

/**
 * One recommendation with everything its page shows: history, evidence and links come in the same
 * query (Prisma issues one statement per relation, a fixed number whatever the item's size).
 */
export async function getRecommendation(db: Db, idOrCode: string, actor: Actor, now = new Date()): Promise<RecommendationDetail | null> {
  requireRole(actor, 'VIEWER');
  const row = await db.recommendation.findFirst({
    where: idOrCodeWhere(idOrCode),
    select: {
      id: true,
      code: true,
      title: true,
      text: true,
      position: true,
      sourceStart: true,
      sourceEnd: true,
      sourceLineStart: true,
      sourceLineEnd: true,
      status: true,
      statusDate: true,
      priority: true,
      targetDate: true,
      archived: true,
      archivedAt: true,
      archivedReason: true,
      archivedBy: PERSON,
      version: true,
      lastActivityAt: true,
      textRevisions: {
        orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }],
        select: { id: true, fromTitle: true, toTitle: true, fromText: true, toText: true, reason: true, recordedAt: true, author: PERSON },
      },
      seminar: { select: { id: true, title: true, date: true, kind: true, codePrefix: true, sourceFileName: true } },
      primaryTheme: { select: VOCABULARY },
      secondaryThemes: { select: { theme: { select: { ...VOCABULARY, sortOrder: true } } } },
      sectors: { select: { sector: { select: { ...VOCABULARY, sortOrder: true } } } },
      statusChanges: {
        orderBy: [{ effectiveDate: 'asc' }, { recordedAt: 'asc' }, { id: 'asc' }],
        select: { id: true, toStatus: true, effectiveDate: true, recordedAt: true, note: true, author: PERSON },
      },
      evidenceNotes: {
        where: { deletedAt: null },
        orderBy: [{ evidenceDate: 'desc' }, { createdAt: 'desc' }],
        select: {
          id: true,
          body: true,
          evidenceDate: true,
          sourceTitle: true,
          sourceUrl: true,
          version: true,
          createdAt: true,
          updatedAt: true,
          author: PERSON,
        },
      },
      linksFrom: { where: { removedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, note: true, createdAt: true, to: OTHER } },
      linksTo: { where: { removedAt: null }, orderBy: { createdAt: 'asc' }, select: { id: true, note: true, createdAt: true, from: OTHER } },
    },
  });
  if (!row) return null;

  const span =
    row.sourceStart !== null && row.sourceEnd !== null && row.sourceLineStart !== null && row.sourceLineEnd !== null
      ? { sourceStart: row.sourceStart, sourceEnd: row.sourceEnd, lineStart: row.sourceLineStart, lineEnd: row.sourceLineEnd }
      : null;
  // Only a corrected text can have drifted from its span: the report is read just then.
  const textDiffersFromSource =
    span !== null && row.textRevisions.length > 0
      ? differsFromSource(
          (await db.seminar.findUniqueOrThrow({ where: { id: row.seminar.id }, select: { sourceText: true } })).sourceText,
          { start: span.sourceStart, end: span.sourceEnd },
          row.text,
        )
      : false;
  const status = asStatus(row.status);
  const bySortOrder = <T extends { sortOrder: number }>(a: T, b: T) => a.sortOrder - b.sortOrder;
  const vocabulary = ({ id, slug, name, color }: Vocabulary) => ({ id, slug, name, color });
  const history = row.statusChanges.map((change, index, all): StatusHistoryEntry => ({
    id: change.id,
    fromStatus: index === 0 ? null : asStatus(all[index - 1]!.toStatus),
    toStatus: asStatus(change.toStatus),
    effectiveDate: change.effectiveDate,
    recordedAt: change.recordedAt,
    note: change.note,
    author: change.author,
  }));
  const other = (item: { id: string; code: string; title: string; status: string }) => ({ ...item, status: asStatus(item.status) });
  const links: RelatedLink[] = [
    ...row.linksFrom.map((link) => ({ id: link.id, direction: 'to' as const, note: link.note, createdAt: link.createdAt, other: other(link.to) })),
    ...row.linksTo.map((link) => ({ id: link.id, direction: 'from' as const, note: link.note, createdAt: link.createdAt, other: other(link.from) })),
  ].sort((a, b) => a.other.code.localeCompare(b.other.code));

  return {
    id: row.id,
    code: row.code,
    title: row.title,
    text: row.text,
    position: row.position,
    seminar: { id: row.seminar.id, title: row.seminar.title, date: row.seminar.date, kind: row.seminar.kind, codePrefix: row.seminar.codePrefix },
    provenance: { sourceFileName: row.seminar.sourceFileName, span, textDiffersFromSource },
    primaryTheme: row.primaryTheme,
    secondaryThemes: row.secondaryThemes
      .map((link) => link.theme)
      .sort(bySortOrder)
      .map(vocabulary),
    sectors: row.sectors
      .map((link) => link.sector)
      .sort(bySortOrder)
      .map(vocabulary),
    status,
    statusDate: row.statusDate,
    priority: asPriority(row.priority),
    targetDate: row.targetDate,
    overdue: isOverdue(row.targetDate, status, now),
    archived: row.archived,
    withdrawal: row.archived ? { at: row.archivedAt, by: row.archivedBy, reason: row.archivedReason } : null,
    version: row.version,
    lastActivityAt: row.lastActivityAt,
    history,
    textRevisions: row.textRevisions,
    evidence: row.evidenceNotes,
    links,
  };
}

/** The JSON API's view: calendar dates as YYYY-MM-DD, moments as ISO timestamps. */
export function recommendationToJson(item: RecommendationDetail) {
  return {
    ...item,
    seminar: { ...item.seminar, date: toDateOnly(item.seminar.date) },
    statusDate: toDateOnly(item.statusDate),
    targetDate: item.targetDate ? toDateOnly(item.targetDate) : null,
    lastActivityAt: toDateOnly(item.lastActivityAt),
    history: item.history.map((entry) => ({ ...entry, effectiveDate: toDateOnly(entry.effectiveDate), recordedAt: entry.recordedAt.toISOString() })),
    evidence: item.evidence.map(evidenceToJson),
    links: item.links.map((link) => ({ ...link, createdAt: link.createdAt.toISOString() })),
    withdrawal: item.withdrawal && { ...item.withdrawal, at: item.withdrawal.at?.toISOString() ?? null },
    textRevisions: item.textRevisions.map((revision) => ({ ...revision, recordedAt: revision.recordedAt.toISOString() })),
  };
}

export function evidenceToJson(entry: EvidenceEntry) {
  return { ...entry, evidenceDate: toDateOnly(entry.evidenceDate), createdAt: entry.createdAt.toISOString(), updatedAt: entry.updatedAt.toISOString() };
}

export type FieldOptions = { themes: { id: string; name: string }[]; sectors: { id: string; name: string }[] };

/** Themes and sectors that can be chosen (not merged into another), in their display order. */
export async function getFieldOptions(db: Db): Promise<FieldOptions> {
  const [themes, sectors] = [
    await db.theme.findMany({ where: { mergedIntoId: null }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
    await db.sector.findMany({ where: { mergedIntoId: null }, orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }], select: { id: true, name: true } }),
  ];
  return { themes, sectors };
}
