import type { Db } from '@/lib/db';

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

/** Suggestions for proposed recommendation texts, in the same order. Reads the database; never writes. */
export async function suggestForTexts(db: Db, texts: string[], options?: { relatedLimit?: number; excludeSeminarId?: string }): Promise<ItemSuggestion[]> {
  // First version of the contract: no suggestions yet. The classifier follows.
  void db;
  void options;
  return texts.map(() => ({ themeId: null, themeConfidence: 0, sectors: [], related: [] }));
}
