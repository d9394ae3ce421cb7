import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { recommendationCode } from '@/lib/recommendations/code';

export type SeminarForEntry = {
  id: string;
  codePrefix: string;
  title: string;
  kind: string;
  date: Date;
  hasSourceText: boolean;
  /** The code the next item added by hand gets (after the highest position ever used). */
  nextCode: string;
  /** Every item, withdrawn ones included, in order. */
  recommendations: { code: string; title: string; archived: boolean }[];
};

/** A seminar to add recommendations to, by id or code prefix (2015, 2026B; lower case too). */
export async function getSeminarForEntry(db: Db, idOrPrefix: string, actor: Actor): Promise<SeminarForEntry | null> {
  requireRole(actor, 'EDITOR');
  const key = idOrPrefix.trim();
  const row = await db.seminar.findFirst({
    where: { OR: [{ id: key }, { codePrefix: key }, { codePrefix: key.toUpperCase() }] },
    select: {
      id: true,
      codePrefix: true,
      title: true,
      kind: true,
      date: true,
      sourceText: true,
      recommendations: { orderBy: { position: 'asc' }, select: { code: true, title: true, archived: true, position: true } },
    },
  });
  if (!row) return null;
  const { sourceText, recommendations, ...seminar } = row;
  const highest = recommendations.reduce((max, item) => Math.max(max, item.position), 0);
  return {
    ...seminar,
    hasSourceText: sourceText.length > 0,
    nextCode: recommendationCode(seminar.codePrefix, highest + 1),
    recommendations: recommendations.map(({ code, title, archived }) => ({ code, title, archived })),
  };
}
