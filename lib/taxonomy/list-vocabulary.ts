import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { TermKind } from '@/lib/validations/taxonomy';

export type VocabularyTerm = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  color: string;
  /** The concurrency token for the edit form, as ISO text. */
  updatedAt: string;
  /** Recommendations using it as primary theme (0 for sectors). */
  primaryCount: number;
  /** Secondary-theme or sector links. */
  linkCount: number;
  /** Every reference a merge would move: primary + links. */
  usageCount: number;
};

export type MergedTerm = { id: string; name: string; color: string; mergedInto: { id: string; name: string } | null };

export type Vocabulary = { kind: TermKind; terms: VocabularyTerm[]; merged: MergedTerm[] };

/**
 * A kind's terms for the admin page: active ones in display order with their usage counts
 * (counted by the database), and merged ones apart, each naming the term it went into.
 */
export async function listVocabulary(db: Db, kind: TermKind, actor: Actor): Promise<Vocabulary> {
  requireRole(actor, 'ADMIN');
  const order = [{ sortOrder: 'asc' as const }, { name: 'asc' as const }];
  const base = { id: true, slug: true, name: true, description: true, color: true, updatedAt: true, mergedIntoId: true } as const;
  const rows =
    kind === 'theme'
      ? (await db.theme.findMany({ orderBy: order, select: { ...base, _count: { select: { primaryOf: true, secondaryOf: true } } } })).map(
          ({ _count, ...row }) => ({ ...row, primaryCount: _count.primaryOf, linkCount: _count.secondaryOf }),
        )
      : (await db.sector.findMany({ orderBy: order, select: { ...base, _count: { select: { recommendations: true } } } })).map(({ _count, ...row }) => ({
          ...row,
          primaryCount: 0,
          linkCount: _count.recommendations,
        }));

  const names = new Map(rows.map((row) => [row.id, row.name]));
  const terms: VocabularyTerm[] = [];
  const merged: MergedTerm[] = [];
  for (const { mergedIntoId, updatedAt, ...row } of rows) {
    if (mergedIntoId) {
      const intoName = names.get(mergedIntoId);
      merged.push({
        id: row.id,
        name: row.name,
        color: row.color,
        mergedInto: intoName ? { id: mergedIntoId, name: intoName } : null,
      });
    } else {
      terms.push({ ...row, updatedAt: updatedAt.toISOString(), usageCount: row.primaryCount + row.linkCount });
    }
  }
  merged.sort((a, b) => a.name.localeCompare(b.name));
  return { kind, terms, merged };
}
