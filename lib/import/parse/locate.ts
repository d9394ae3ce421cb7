// Choosing the section: of the headings that have items under them, the first with at least
// two substantial items (so a title page's "Digest of recommendations" or a table-of-contents
// entry loses to the real section); else per-item headings; else nothing.

import { recommendingSentences } from './fallback';
import { readItems, type ParsedRecommendation } from './items';
import { endsSentence, type Doc } from './lines';
import { headingCandidatesWithBodies, perItemHeadingSection, type Section } from './section';

export type Located = { section: Section; items: ParsedRecommendation[] };

export function locate(doc: Doc): Located | null {
  const readings = headingCandidatesWithBodies(doc)
    .map((section) => {
      const { items, marked } = readItems(doc, section.body);
      const strong = items.filter((i) => marked || endsSentence(i.text)).length;
      return { section, items, strong };
    })
    .filter((x) => x.items.length > 0);
  const best =
    readings.find((x) => x.strong >= 2) ??
    readings.reduce<(typeof readings)[number] | undefined>((a, x) => (x.strong > (a?.strong ?? 0) ? x : a), undefined) ??
    readings[0];
  if (best) return { section: best.section, items: best.items };
  const perItem = perItemHeadingSection(doc);
  if (perItem) {
    const { items } = readItems(doc, perItem.body);
    if (items.length > 0) return { section: perItem, items };
  }
  return null;
}

export function fallbackOrEmpty(doc: Doc): ParsedRecommendation[] {
  return recommendingSentences(doc);
}
