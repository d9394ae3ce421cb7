// Finds the recommendations of a seminar report (plain text extracted from a PDF, a web page
// or a DOCX) and returns them verbatim with their exact place in the source. Pure: no I/O.
//
// Extraction loses structure, so everything here is a heuristic on lines: bullets may be lost
// or flattened to a letter, pages break mid-sentence, some files are double-spaced, some put
// one word on each line. The rules live in lib/import/parse/, documented at the point of use:
//   lines.ts     lines, page debris, paragraph gap, one-word-per-line rejoining
//   markers.ts   bullets, numbers, letters, roman and decimal numbers, "Recommendation 3" headings
//   headings.ts  section headings, sub-headings, lead-ins, responses, trailing matter
//   section.ts   where the section starts and ends
//   items.ts     cutting the section into items
//   fallback.ts  no section at all: sentences with a recommending verb
//   metadata.ts  title, date and venue

import { fallbackOrEmpty, locate } from './parse/locate';
import { analyse, lastCharEnd } from './parse/lines';
import { matchMarker } from './parse/markers';

export { isPageNumberLine, reflow } from './reflow';
export type { ReflowOptions } from './reflow';
export type { ParsedRecommendation } from './parse/items';
export { parseReportMetadata } from './parse/metadata';
export type { ReportMetadata } from './parse/metadata';

import type { ParsedRecommendation } from './parse/items';

function analyseSource(source: string) {
  return analyse(source, (doc, text) => matchMarker(doc, text) !== null);
}

/**
 * The recommendations section, heading included: [first character of the heading,
 * last character of the section's last line), or null when the text has none.
 */
export function findRecommendationsSection(source: string): { start: number; end: number } | null {
  const doc = analyseSource(source);
  const found = locate(doc);
  if (!found) return null;
  const heading = doc.lines[found.section.heading];
  const last = doc.lines[found.section.body[found.section.body.length - 1] ?? -1];
  if (!heading || !last) return null;
  return { start: heading.offset + (heading.text.length - heading.text.trimStart().length), end: lastCharEnd(last) };
}

export function parseRecommendations(source: string): ParsedRecommendation[] {
  const doc = analyseSource(source);
  const found = locate(doc);
  return found ? found.items : fallbackOrEmpty(doc);
}
