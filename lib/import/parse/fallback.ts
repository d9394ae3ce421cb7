// No recommendations heading and no per-item headings: the report may still recommend in
// plain prose ("The report recommends …", "It also calls for …", "The meeting further
// recommended …", "The Committee stressed the need …"). Conservative: only sentences with an
// explicit recommending verb count, and the weaker verbs only with the meeting as their subject.

import { toRecommendation, type ParsedRecommendation } from './items';
import { isDebris, lastCharEnd, type Doc } from './lines';
import { matchMarker } from './markers';

/** Recommending verbs that recommend whoever the subject is ("The report recommends …", "It calls for …"). */
const RECOMMENDING_VERB =
  /\b(?:recommends|recommended\s+that|(?:is|are)\s+recommended|proposes|proposed\s+that|urges|urged|calls\s+(?:on|upon|for)|called\s+(?:on|upon|for)|requests|requested\s+that)\b/i;

/** A deliberating body as a sentence's subject: "The meeting", "The FAO/UNEP expert meeting", "Participants", "We". */
const BODY =
  "(?:we|(?:(?:the|this|its|our)\\s+)?(?:[\\p{L}\\p{N}/&'’.-]+\\s+){0,4}?(?:meeting|committee|conference|workshop|seminar|forum|panel|council|commission|participants|delegates|delegations|members|group|assembly|session|consultation|experts|board|summit|symposium|round\\s*table|task\\s+force|mission|body))";
/** Words between the subject and its verb: "The meeting also/further/strongly recommended". */
const ADVERBS =
  '(?:(?:also|further|furthermore|again|strongly|therefore|then|unanimously|firmly|repeatedly|particularly|specifically|finally|moreover|accordingly|in\\s+particular|,)\\s*)*';
/** An introductory phrase before the subject: "Finally, ", "In this regard, ". */
const INTRO = '(?:[^,.;:]{1,60},\\s*)?';
/**
 * A sentence whose main verb recommends and whose subject is the body that met: "The meeting
 * further recommended starting …", "The Committee stressed the need for …", "Participants called
 * on donors …", "The meeting stressed that the organizations need to …" (a "that" clause after
 * stressed/agreed/concluded must say what should be done). Narrative ("The meeting was opened
 * by …", "The meeting stressed that progress had been made", "The report stresses …") is not.
 */
const BODY_RECOMMENDS = new RegExp(
  `^["“‘(]?${INTRO}${BODY}\\s+${ADVERBS}(?:` +
    [
      'recommend(?:s|ed)?\\b',
      'call(?:s|ed)?\\s+(?:on|upon|for)\\b',
      '(?:urge|propose|invite|encourage)[sd]?\\b',
      'request(?:s|ed)?\\b',
      'appeal(?:s|ed)?\\s+to\\b',
      '(?:stress|emphasi[sz]e|underline|underscore|highlight|reiterate)(?:s|d|ed)?\\s+(?:the\\s+(?:need|importance|necessity|urgency)\\b|that\\b(?=[\\s\\S]*\\b(?:should|must|shall|ought|needs?\\s+to|needed\\s+to|necessary|essential|important|crucial|imperative)\\b))',
      '(?:agree|conclude)(?:s|d)?\\s+that\\b(?=[\\s\\S]*\\b(?:should|must|shall|ought|needs?\\s+to)\\b)',
    ].join('|') +
    ')',
  'iu',
);

export function recommends(sentence: string): boolean {
  return RECOMMENDING_VERB.test(sentence) || BODY_RECOMMENDS.test(sentence.trim());
}
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
    const hits = sentences.filter((s) => recommends(text.slice(s.start, s.end)));
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
