import type { Db } from '@/lib/db';

/** What an audit entry's ids stand for, read for a whole page at once (one query per kind of record, never one per row). */
export type AuditNames = {
  users: Map<string, { name: string; email: string }>;
  /** Recommendation id → code. */
  recommendations: Map<string, string>;
  /** Evidence note id → its recommendation's code. */
  evidence: Map<string, string>;
  seminars: Map<string, { codePrefix: string; title: string }>;
  themes: Map<string, string>;
  sectors: Map<string, string>;
};

export const EMPTY_NAMES: AuditNames = {
  users: new Map(),
  recommendations: new Map(),
  evidence: new Map(),
  seminars: new Map(),
  themes: new Map(),
  sectors: new Map(),
};

export type AuditRowForNames = { actorId: string | null; entityType: string; entityId: string | null; before: unknown; after: unknown };

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

/** Theme and sector ids an entry's recorded data refers to (an item's edit, a bulk change). */
function termIds(row: AuditRowForNames): { themes: string[]; sectors: string[] } {
  const themes: string[] = [];
  const sectors: string[] = [];
  for (const side of [row.before, row.after]) {
    const data = asRecord(side);
    const change = asRecord(data.change);
    themes.push(...strings(data.primaryThemeId), ...strings(data.secondaryThemeIds), ...strings(change.primaryThemeId));
    sectors.push(...strings(data.sectorIds), ...strings(change.sectorIds));
  }
  if (row.entityType === 'theme' && row.entityId) themes.push(row.entityId);
  if (row.entityType === 'sector' && row.entityId) sectors.push(row.entityId);
  return { themes, sectors };
}

/** Reads the names, codes and titles a page of audit entries refers to, in one batch per kind. */
export async function readAuditNames(db: Db, rows: AuditRowForNames[]): Promise<AuditNames> {
  const ids = (type: string) => [...new Set(rows.filter((row) => row.entityType === type && row.entityId).map((row) => row.entityId!))];
  const userIds = [...new Set([...rows.map((row) => row.actorId).filter((id): id is string => id !== null), ...ids('user')])];
  const terms = rows.map(termIds);
  const themeIds = [...new Set(terms.flatMap((term) => term.themes))];
  const sectorIds = [...new Set(terms.flatMap((term) => term.sectors))];
  const recommendationIds = ids('recommendation');
  const evidenceIds = ids('evidence_note');
  const seminarIds = ids('seminar');
  const [users, recommendations, evidence, seminars, themes, sectors] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    recommendationIds.length ? db.recommendation.findMany({ where: { id: { in: recommendationIds } }, select: { id: true, code: true } }) : [],
    evidenceIds.length
      ? db.evidenceNote.findMany({ where: { id: { in: evidenceIds } }, select: { id: true, recommendation: { select: { code: true } } } })
      : [],
    seminarIds.length ? db.seminar.findMany({ where: { id: { in: seminarIds } }, select: { id: true, codePrefix: true, title: true } }) : [],
    themeIds.length ? db.theme.findMany({ where: { id: { in: themeIds } }, select: { id: true, name: true } }) : [],
    sectorIds.length ? db.sector.findMany({ where: { id: { in: sectorIds } }, select: { id: true, name: true } }) : [],
  ]);
  return {
    users: new Map(users.map((user) => [user.id, { name: user.name, email: user.email }])),
    recommendations: new Map(recommendations.map((item) => [item.id, item.code])),
    evidence: new Map(evidence.map((note) => [note.id, note.recommendation.code])),
    seminars: new Map(seminars.map((seminar) => [seminar.id, { codePrefix: seminar.codePrefix, title: seminar.title }])),
    themes: new Map(themes.map((theme) => [theme.id, theme.name])),
    sectors: new Map(sectors.map((sector) => [sector.id, sector.name])),
  };
}
