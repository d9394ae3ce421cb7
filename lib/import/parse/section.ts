// Where the recommendations are: the section under a recommendations heading, or, when the
// report has none, the run of per-item headings ("Recommendation 1" …).

import { isPageNumberLine } from '../reflow';
import { endsSentence, isDebris, lineEnded, nextContent, previousContent, STARTS_CAPITAL_OR_DIGIT, type Doc } from './lines';
import { endsWithColon, headingNumber, isHeadingLike, isRecommendationsHeading, isSubheadingText, TRAILING_MATTER } from './headings';
import { matchMarker } from './markers';

const SEPARATOR = /^[\s.…_\-–—*=~·•]{3,}$/u;

export type Section = {
  /** First line of the heading (or of the first per-item heading when there is no section heading). */
  heading: number;
  /** Content lines of the section, blank and debris lines left out. */
  body: number[];
};

/** A heading starts a block: nothing before it, a blank line, a finished sentence or another heading. */
function startsBlock(doc: Doc, i: number): boolean {
  const j = previousContent(doc, i);
  const prev = doc.lines[j];
  return !prev || i - j > 1 || endsSentence(prev.norm) || isHeadingLike(prev.norm);
}

/** The heading stands alone: it starts a block, or what follows it starts one. */
function standsAlone(doc: Doc, i: number, last: number): boolean {
  if (startsBlock(doc, i)) return true;
  const k = nextContent(doc, last);
  const next = doc.lines[k];
  return !next || k - last > 1 || STARTS_CAPITAL_OR_DIGIT.test(next.norm) || matchMarker(doc, next.text) !== null;
}

/** Heading candidates in order: [first line, last line] (a heading may be split over two lines). */
function headingCandidates(doc: Doc): [number, number][] {
  const out: [number, number][] = [];
  doc.lines.forEach((line, i) => {
    // A running header may repeat the heading ("Recommendations" atop every page): its first occurrence counts.
    if (line.norm === '' || isPageNumberLine(line.norm)) return;
    const next = doc.lines[i + 1];
    if (isRecommendationsHeading(line.norm)) {
      if (standsAlone(doc, i, i)) out.push([i, i]);
      return;
    }
    // "SUMMARY OF CONCLUSIONS" / "AND RECOMMENDATIONS"
    if (
      next &&
      next.norm !== '' &&
      !endsSentence(line.norm) &&
      line.norm.length <= 60 &&
      /^(?:and|&|of|for|on|to|in|the)\b/i.test(next.norm) &&
      isRecommendationsHeading(`${line.norm} ${next.norm}`) &&
      standsAlone(doc, i, i + 1)
    ) {
      out.push([i, i + 1]);
    }
  });
  return out;
}

/** A heading-like line inside the section that heads more of the list: what follows it is an item. */
function headsListContent(doc: Doc, i: number): boolean {
  let k = nextContent(doc, i);
  for (let steps = 0; k >= 0 && steps < 4; steps++) {
    const line = doc.lines[k];
    if (!line) return false;
    if (matchMarker(doc, line.text)) return true;
    if (!(isHeadingLike(line.norm) || isSubheadingText(line.norm) || endsWithColon(line.norm))) return false;
    k = nextContent(doc, k);
  }
  return false;
}

function comparePaths(a: number[], b: number[]): number {
  for (let k = 0; k < Math.min(a.length, b.length); k++) if ((a[k] ?? 0) !== (b[k] ?? 0)) return (a[k] ?? 0) - (b[k] ?? 0);
  return 0;
}

/** Content lines from `from` on, until something ends the section. */
export function sectionBody(doc: Doc, from: number, headingNorm: string | null): number[] {
  const body: number[] = [];
  const headNum = headingNorm ? headingNumber(headingNorm) : null;
  let prev = -1;
  let content = false; // anything but headings and lead-ins seen yet
  for (let j = from; j < doc.lines.length; j++) {
    const line = doc.lines[j];
    if (!line || line.norm === '' || isDebris(doc, line)) continue;
    if (SEPARATOR.test(line.norm)) break;
    const marker = matchMarker(doc, line.text);
    // Another recommendations heading ("8.2 Recommendations" inside "8 Session on Workshop Recommendations"): a new section.
    if (content && isRecommendationsHeading(line.norm) && (!marker || isHeadingLike(line.norm))) break;
    const num = headingNumber(line.norm);
    if (
      headNum &&
      num &&
      num.dotted === headNum.dotted &&
      num.path.length <= headNum.path.length &&
      comparePaths(num.path, headNum.path) > 0 &&
      isHeadingLike(line.norm)
    ) {
      break; // "8.3 Summary" after "8.2 Recommendations"
    }
    if (marker) {
      const rest = line.text.slice(marker.contentStart).replace(/\s+/g, ' ').trim();
      if (isHeadingLike(rest) && TRAILING_MATTER.test(rest)) break;
      if (
        marker.kind === 'decimal' &&
        isHeadingLike(rest) &&
        rest.split(' ').length <= 3 &&
        body.some((b) => matchMarker(doc, doc.lines[b]?.text ?? '')?.kind !== 'decimal' && matchMarker(doc, doc.lines[b]?.text ?? '') !== null)
      ) {
        break; // a numbered heading after a list of another kind
      }
    } else if (isHeadingLike(line.norm)) {
      if (TRAILING_MATTER.test(line.norm)) break;
      const afterSentence = prev < 0 || lineEnded(doc, prev);
      if (afterSentence && content && !headsListContent(doc, j)) break;
    }
    if (!(isHeadingLike(line.norm) || isSubheadingText(line.norm) || endsWithColon(line.norm)) || marker) content = true;
    body.push(j);
    prev = j;
  }
  return body;
}

export function headingCandidatesWithBodies(doc: Doc): Section[] {
  return headingCandidates(doc)
    .map(([first, last]) => ({
      heading: first,
      body: sectionBody(doc, last + 1, [first, last].map((k) => doc.lines[k]?.norm ?? '').join(' ')),
    }))
    .filter((s) => s.body.length > 0);
}

/** No section heading: the per-item headings are the section, from the first one on. */
export function perItemHeadingSection(doc: Doc): Section | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i];
    if (!line || line.norm === '' || isDebris(doc, line)) continue;
    if (matchMarker(doc, line.text)?.kind === 'rec' && startsBlock(doc, i)) {
      const body = sectionBody(doc, i, null);
      if (body.length > 0) return { heading: i, body };
    }
  }
  return null;
}
