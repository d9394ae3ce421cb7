// From a draft's items to the rows confirm creates: a short title from the text, and the lines of
// the span. An item the editor typed (no span) is created without one, as items entered by hand are.
import type { NewRecommendation } from '@/lib/recommendations/create-recommendations';
import type { DraftItem } from './draft-types';

export const DERIVED_TITLE_MAX = 120;

/** The first sentence, or the first words up to DERIVED_TITLE_MAX characters with an ellipsis. */
export function titleFromText(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const sentence = /^(.+?[.!?;])(\s|$)/.exec(flat)?.[1] ?? flat;
  const candidate = sentence.replace(/[.;]$/, '');
  if (candidate.length <= DERIVED_TITLE_MAX) return candidate;
  const cut = candidate.slice(0, DERIVED_TITLE_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > DERIVED_TITLE_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.-]+$/, '')}…`;
}

function lineAt(lineStarts: number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low + 1;
}

/** Items in the draft's order; every item must have its primary theme (checked before). */
export function draftItemsToRecommendations(sourceText: string, items: DraftItem[]): NewRecommendation[] {
  const lineStarts = [0];
  for (let i = 0; i < sourceText.length; i++) if (sourceText[i] === '\n') lineStarts.push(i + 1);
  return items.map((item) => ({
    title: titleFromText(item.text),
    text: item.text.trim(),
    span:
      item.start !== null && item.end !== null
        ? { start: item.start, end: item.end, lineStart: lineAt(lineStarts, item.start), lineEnd: lineAt(lineStarts, Math.max(item.start, item.end - 1)) }
        : null,
    primaryThemeId: item.themeId!,
    sectorIds: item.sectorIds,
    priority: 'MEDIUM',
  }));
}
