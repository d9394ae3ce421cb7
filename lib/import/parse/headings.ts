// What a line is when it is not an item: a section heading, a sub-heading, a lead-in
// sentence, a response to a recommendation, or matter that follows the section.

import { STARTS_CAPITAL } from './lines';

export const HEADING_NUMBER = /^(?:(?:chapter|section|part|annex(?:ure)?|appendix)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}[.)]|[A-Z][.)])\s+/i;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', '&']);
export const TRAILING_MATTER =
  /^(?:references|bibliography|notes|endnotes|annex(?:ure)?s?|appendix|appendices|acknowledge?ments?|about\b|disclaimer|glossary|abbreviations|conclusions?\b(?!\s+(?:and|&|and\/or)\s+recommend)|introduction|background|summary$|list of (?:witnesses|participants|abbreviations)|participants|formal minutes|witnesses)/i;
/** Finite verbs that make a line a sentence, not a heading. */
const SENTENCE_VERB =
  /\b(?:should|must|shall|will|would|could|can|may|might|is|are|was|were|be|been|being|has|have|had|do|does|did|need|needs|recommends?|recommended|urges?|calls?|proposes?|suggests?|notes?|agreed|welcomed|believes?|considers?)\b/i;

/** Short, unpunctuated, Title Case or ALL CAPS: "Interactive Session", "4. WAY FORWARD". */
export function isHeadingLike(norm: string): boolean {
  const text = norm.replace(HEADING_NUMBER, '').replace(/\s*:-?$/, '');
  if (text === '' || text.length > 60 || /[.,;!?]$/.test(text) || !STARTS_CAPITAL.test(text)) return false;
  const words = text.split(' ');
  if (words.length > 8) return false;
  const significant = words.filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
  return capitalised.length >= Math.max(1, significant.length * 0.75);
}

/**
 * A sub-heading in any case: "Detention practices", "Relations with the Department and other
 * public bodies", "For the attention of Governments". Short, no final punctuation, starts with
 * a capital, and has no finite verb (a sentence cut off by extraction usually has one).
 */
export function isSubheadingText(norm: string): boolean {
  const text = norm.replace(HEADING_NUMBER, '');
  if (text === '' || text.length > 100 || /[.,;:!?)\]"”’-]$/u.test(text) || !STARTS_CAPITAL.test(text)) return false;
  if (text.split(' ').length > 12 || SENTENCE_VERB.test(text)) return false;
  return /\p{L}{3}/u.test(text);
}

const HEADING_WORDS = /\b(?:recommendations?|way\s+(?:forward|ahead)|next\s+steps|proposals?\s+for\s+action|action\s+points)\b/i;

/**
 * A recommendations section heading, spelt in any of the usual ways: "Recommendations",
 * "Conclusions and recommendations", "Summary of main recommendations", "CONCULSIONS AND/OR
 * RECOMMENDATIONS", "Islamabad - Conference Recommendations", "8.2 Recommendations",
 * "Recommendations to the government of Australia", "The way forward". Not a per-item heading
 * ("Recommendation 3") and not a sentence ("The following recommendations were made").
 */
export function isRecommendationsHeading(norm: string): boolean {
  const text = norm
    .replace(HEADING_NUMBER, '')
    .replace(/\s*(?::\s*-?|[-–—])$/, '')
    .trim();
  if (!STARTS_CAPITAL.test(text) || !HEADING_WORDS.test(text)) return false;
  if (/\brecommendation\s+(?:no\.?\s*)?\d/i.test(text)) return false;
  const words = text.split(' ');
  if (/[.;!?,]$/.test(text) || text.length > 90 || words.length > 12) return false;
  // A longer line must look like a heading (mostly capitalised), not a lead-in sentence.
  const significant = words.filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
  if (words.length > 6 && capitalised.length < significant.length * 0.6) return false;
  const verbs = text.replace(/\b(?:and\/or|and|or)\b/gi, ' ');
  return !SENTENCE_VERB.test(verbs.replace(HEADING_WORDS, ' '));
}

/** The numbering of a heading: "8.2 Recommendations" is [8, 2]; "6 Conclusions" is [6]. */
export function headingNumber(norm: string): { path: number[]; dotted: boolean } | null {
  const m = /^(\d{1,2}(?:\.\d{1,2})*)(\.?)\s+\S/.exec(norm);
  if (!m?.[1]) return null;
  return { path: m[1].split('.').map(Number), dotted: m[2] === '.' };
}

/** Ends with ":" (or ":-", ":—"): announces what follows. */
export function endsWithColon(text: string): boolean {
  return /:\s*[-–—]?$/.test(text);
}

/** An opening sentence that announces the list: "The principal recommendations are set out below." */
export function announcesList(text: string): boolean {
  return (
    /\b(?:the following|as follows|as under|following (?:are|recommendations|conclusions)|below|set out in this|are set out|are listed|listed here)\b/i.test(
      text,
    ) && /\b(?:recommend\w*|conclu\w*|suggest\w*|propos\w*|points?|measures|actions)\b/i.test(text)
  );
}

/** "Response:", "Government response", "The Government's response": an answer to the item, not the item. */
export function isResponse(text: string): boolean {
  return /^(?:the\s+)?(?:government(?:'s|’s)?\s+)?response\b|^(?:committee\s+)?comment\s*:/i.test(text);
}
