// No recommendations heading and no per-item headings: the report may still recommend in
// plain prose ("The report recommends …", "It also calls for …"). Conservative: only
// sentences with an explicit recommending verb count.

import { toRecommendation, type ParsedRecommendation } from './items';
import { isDebris, lastCharEnd, type Doc } from './lines';
import { matchMarker } from './markers';

const RECOMMENDING_VERB =
  /\b(?:recommends|recommended\s+that|(?:is|are)\s+recommended|proposes|proposed\s+that|urges|urged|calls\s+(?:on|upon|for)|called\s+(?:on|upon|for)|requests|requested\s+that)\b/i;
const ABBREVIATION = /\b(?:No|Nos|Dr|Mr|Mrs|Ms|St|Art|para|paras|cf|vs|etc|e\.g|i\.e|Inc|Ltd|Co|Jr|Sr|Prof|Gen|Col|Rev|Hon|[A-Z])\.$/;

/** Sentence start offsets within `text` (0 first). */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[.!?]["”’)\]]*\s+(?=["“‘(]?\p{Lu})/gu)) {
    const before = text.slice(0, m.index + 1);
    if (ABBREVIATION.test(before)) continue;
    starts.push(m.index + m[0].length);
  }
  return starts;
}

export function recommendingSentences(doc: Doc): ParsedRecommendation[] {
  const items: ParsedRecommendation[] = [];
  // Paragraphs: runs of content lines between blank lines.
  const paragraphs: { start: number; end: number }[] = [];
  let open: { start: number; end: number } | null = null;
  for (const line of doc.lines) {
    if (line.norm === '' || isDebris(doc, line)) {
      if (line.norm === '') open = null;
      continue;
    }
    const marker = matchMarker(doc, line.text);
    const from = line.offset + (marker ? marker.contentStart : line.text.length - line.text.trimStart().length);
    if (!open || marker) {
      open = { start: from, end: lastCharEnd(line) };
      paragraphs.push(open);
    } else open.end = lastCharEnd(line);
  }
  for (const p of paragraphs) {
    const text = doc.source.slice(p.start, p.end);
    const starts = sentenceStarts(text);
    const sentences = starts.map((s, k) => ({ start: s, end: starts[k + 1] ?? text.length }));
    const hits = sentences.filter((s) => RECOMMENDING_VERB.test(text.slice(s.start, s.end)));
    if (hits.length === 0) continue;
    if (hits.length === 1) {
      const item = toRecommendation(doc, p.start, p.end);
      if (item) items.push(item);
      continue;
    }
    // Several in one paragraph: each from its recommending sentence to the next one.
    hits.forEach((h, k) => {
      const stop = hits[k + 1]?.start ?? text.length;
      const raw = text.slice(h.start, stop);
      const item = toRecommendation(doc, p.start + h.start, p.start + h.start + raw.trimEnd().length);
      if (item) items.push(item);
    });
  }
  return items;
}
