// Suggestions for the import review screen (issue 24): for each proposed recommendation text, a
// primary theme and owner sectors with a confidence, and existing recommendations that say much the
// same thing, with a similarity score, which the editor may accept as links. Learned in-process from
// the items already classified (model.ts; no network, no downloaded model) and retrained whenever
// the data changes (load.ts). Read-only, so it needs no actor: the caller's route checks the role.
import type { Db } from '@/lib/db';
import { currentModel } from './load';
import { RELATED_MIN_SCORE, SECTOR_MIN_SIMILARITY, SECTOR_NEIGHBOURS } from './model';

export { RELATED_MIN_SCORE } from './model';

export type ItemSuggestion = {
  /** Suggested primary theme (a Theme id), or null when nothing is learned yet. */
  themeId: string | null;
  /** 0..1: how sure the classifier is of the theme. */
  themeConfidence: number;
  /** Suggested owner sectors (Sector ids), most likely first, with a confidence 0..1 each. */
  sectors: { id: string; confidence: number }[];
  /** Existing recommendations that say much the same thing, best first, score 0..1. */
  related: { id: string; code: string; title: string; score: number }[];
};

/** Related items returned per text unless `relatedLimit` says otherwise. */
export const DEFAULT_RELATED_LIMIT = 5;

/**
 * Suggestions for proposed recommendation texts, in the same order. Reads the database; never writes.
 *
 * - `themeId` is null (confidence 0) when nothing is learned yet or the text shares no telling word
 *   with the classified items. Themes and sectors merged into others are suggested as their survivors.
 * - `sectors`: at most 4, each with confidence at least 0.3.
 * - `related`: items not archived, with cosine similarity at least RELATED_MIN_SCORE (0.25), at most
 *   `relatedLimit` (default 5), none from `excludeSeminarId` (the seminar being imported, whose own
 *   items would otherwise match themselves). Sectors and themes still learn from that seminar's items.
 */
export async function suggestForTexts(db: Db, texts: string[], options?: { relatedLimit?: number; excludeSeminarId?: string }): Promise<ItemSuggestion[]> {
  if (texts.length === 0) return [];
  const model = await currentModel(db);
  const relatedLimit = Math.max(0, Math.floor(options?.relatedLimit ?? DEFAULT_RELATED_LIMIT));
  const excluded = options?.excludeSeminarId ? model.inSeminar(options.excludeSeminarId) : undefined;
  return texts.map((text) => {
    // One pass over the postings serves all three: the theme, the neighbours for sectors (any
    // seminar) and the related items (not the excluded seminar).
    const { theme, neighbours, related } = model.analyse(text, {
      neighbours: SECTOR_NEIGHBOURS,
      minNeighbourScore: SECTOR_MIN_SIMILARITY,
      related: relatedLimit,
      minRelatedScore: RELATED_MIN_SCORE,
      skip: excluded,
    });
    return {
      themeId: theme.themeId,
      themeConfidence: round(theme.confidence),
      sectors: model.sectors(neighbours).map((sector) => ({ id: sector.id, confidence: round(sector.confidence) })),
      related: related.map(({ index, score }) => ({ ...model.item(index), score: round(score) })),
    };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
