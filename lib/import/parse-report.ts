// Finds the recommendations of a seminar report (plain text extracted from a PDF)
// and returns them verbatim with their exact place in the source. Pure: no I/O.
//
// PDF extraction loses structure, so everything here is a heuristic on lines:
// bullets may be lost, pages break mid-sentence, some files are double-spaced.
// The rules are deliberately few and documented at the point of use.

import { isPageNumberLine, reflow } from './reflow';

export { isPageNumberLine, reflow } from './reflow';
export type { ReflowOptions } from './reflow';

export type ParsedRecommendation = {
  text: string;
  /** [start, end) in the original source, first to last character of the item. */
  start: number;
  end: number;
  /** 1-based lines of the item's first and last character. */
  lineStart: number;
  lineEnd: number;
};

type Line = {
  /** Offset of the line's first character in the source. */
  offset: number;
  /** The line without its terminator. */
  text: string;
  /** Whitespace collapsed and trimmed; '' for a blank line. */
  norm: string;
};

type Doc = {
  lines: Line[];
  runningHeaders: Set<string>;
  /** Skipped lines between two lines that mark a paragraph break (2 in double-spaced text). */
  paragraphGap: number;
};

type Marker = { style: string; isGlyph: boolean; contentStart: number; ordinals: number[] };

const WS = '[ \\t\\u00a0\\f]';
// \uf0xx: Symbol-font bullets as they come out of Word-made PDFs.
const GLYPH_MARKER = new RegExp(
  `^${WS}*(?:[•●○◦▪▫■□◆◇►▶▸‣⁃∙·✓✔➢➤➔→»\\uf0a7\\uf0a8\\uf0b7\\uf076\\uf0d8\\uf0fc]|[-–—*+](?=\\s|$))${WS}*`,
  'u',
);
const NUMBER_MARKER = new RegExp(
  `^${WS}*(?:\\((\\d{1,2}|[a-z]|[ivx]{2,5})\\)|(\\d{1,2}|[a-z]|[ivx]{2,5})([.)]))(?=\\s|$)${WS}*`,
  'iu',
);
const ROMAN = /^x{0,3}(?:ix|iv|v?i{0,3})$/i;

/** Sentence (or list item) finished: ".", "!", "?", ":", ";" or ":-", maybe before a closing quote. */
const ENDS_SENTENCE = /[.!?:;]["'”’)\]]*(?:\s*[-–—])?$/u;
const STARTS_CAPITAL = /^["“‘'(]?\p{Lu}/u;
const STARTS_CAPITAL_OR_DIGIT = /^["“‘'(]?[\p{Lu}\d]/u;
const SEPARATOR = /^[\s.…_\-–—*=~·•]{3,}$/u;
const HEADING_NUMBER = /^(?:(?:chapter|section|part|annex(?:ure)?|appendix)\s+)?(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}[.)]|[A-Z][.)])\s+/i;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'to', 'with', '&']);
const TRAILING_MATTER =
  /^(?:references|bibliography|notes|endnotes|annex(?:ure)?s?|appendix|appendices|acknowledge?ments?|about\b|disclaimer|glossary|abbreviations|conclusions?\b|introduction|background)/i;

const HEADING_PREFIX = '(?:(?:the|key|main|major|policy|salient|general|specific|final|some|our)\\s+)*';
const HEADING_CORE = `(?:${HEADING_PREFIX}recommendations?|(?:the\\s+)?way\\s+(?:forward|ahead))`;
const RECOMMENDATIONS_HEADING = new RegExp(
  `^(?:(?:summary|list)\\s+of\\s+)?(?:conclusions?\\s+(?:and|&)\\s+)?${HEADING_CORE}` +
    `(?:\\s+(?:and|&)\\s+${HEADING_CORE})?(?:\\s+(?:for|to)\\s+[\\p{L} &,-]{1,40})?$`,
  'iu',
);
/** An unmarked opening paragraph that announces the list rather than being an item. */
const INTRO_WORDS = /\b(?:recommend\w*|following|as follows|as under|below|suggest\w*|propos\w*)\b/i;

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const match of source.matchAll(/\r\n|\n|\r/g)) {
    lines.push(makeLine(source, offset, match.index));
    offset = match.index + match[0].length;
  }
  lines.push(makeLine(source, offset, source.length));
  return lines;
}

function makeLine(source: string, from: number, to: number): Line {
  const text = source.slice(from, to);
  return { offset: from, text, norm: text.replace(/\s+/g, ' ').trim() };
}

function indentOf(text: string): number {
  return (/^[ \t\u00a0\f]*/.exec(text)?.[0] ?? '').replace(/\f/g, '').length;
}

function matchMarker(text: string): Marker | null {
  const glyph = GLYPH_MARKER.exec(text);
  if (glyph) return { style: 'glyph', isGlyph: true, contentStart: glyph[0].length, ordinals: [] };
  const numbered = NUMBER_MARKER.exec(text);
  if (!numbered) return null;
  const label = numbered[1] ?? numbered[2] ?? '';
  if (label.length > 1 && /^[a-z]+$/i.test(label) && !ROMAN.test(label)) return null;
  // Letters and roman numerals share a class: "i." is both, and mixing them up costs nothing here.
  const kind = /\d/.test(label) ? '1' : label === label.toUpperCase() ? 'A' : 'a';
  const style = numbered[1] !== undefined ? `(${kind})` : `${kind}${numbered[3] ?? '.'}`;
  return { style, isGlyph: false, contentStart: numbered[0].length, ordinals: ordinals(label) };
}

/** The positions a label can stand for: "c" is 3, "iv" is 4, "i" is 1 or 9 (the letter). */
function ordinals(label: string): number[] {
  if (/^\d+$/.test(label)) return [Number(label)];
  const lower = label.toLowerCase();
  const values: number[] = [];
  if (lower.length === 1) values.push(lower.charCodeAt(0) - 96);
  if (ROMAN.test(lower)) {
    const digit: Record<string, number> = { i: 1, v: 5, x: 10 };
    let total = 0;
    [...lower].forEach((ch, k) => {
      const value = digit[ch] ?? 0;
      total += value < (digit[lower[k + 1] ?? ''] ?? 0) ? -value : value;
    });
    values.push(total);
  }
  return values;
}

function endsSentence(norm: string): boolean {
  return ENDS_SENTENCE.test(norm);
}

/** Short, unpunctuated, Title Case or ALL CAPS: "Interactive Session", "4. WAY FORWARD". */
function isHeadingLike(norm: string): boolean {
  const text = norm.replace(HEADING_NUMBER, '').replace(/\s*:-?$/, '');
  if (text === '' || text.length > 60 || /[.,;!?]$/.test(text) || !STARTS_CAPITAL.test(text)) return false;
  const words = text.split(' ');
  if (words.length > 8) return false;
  const significant = words.filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w));
  return capitalised.length >= Math.max(1, significant.length * 0.75);
}

function isRecommendationsHeading(norm: string): boolean {
  const text = norm
    .replace(HEADING_NUMBER, '')
    .replace(/\s*(?::\s*-?|[-–—])$/, '')
    .trim();
  return STARTS_CAPITAL.test(text) && RECOMMENDATIONS_HEADING.test(text);
}

function isDebris(doc: Doc, line: Line): boolean {
  return line.norm !== '' && (isPageNumberLine(line.norm) || doc.runningHeaders.has(line.norm));
}

function analyse(source: string): Doc {
  const lines = splitLines(source);
  // A running header/footer is a short unpunctuated line seen more than once;
  // marker lines are excluded so a bullet repeated in a summary is never lost.
  const counts = new Map<string, number>();
  for (const line of lines) {
    const n = line.norm;
    if (n.length < 3 || n.length > 60 || !/\p{L}/u.test(n) || /[.,;:!?]$/.test(n) || matchMarker(line.text)) continue;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  const runningHeaders = new Set([...counts].filter(([, c]) => c > 1).map(([n]) => n));
  const doc: Doc = { lines, runningHeaders, paragraphGap: 1 };

  // In double-spaced text even sentences are cut by blank lines, so a paragraph
  // break needs more blank lines than the usual gap inside a sentence.
  const midSentenceGaps: number[] = [];
  let prev = -1;
  lines.forEach((line, i) => {
    if (line.norm === '' || isDebris(doc, line)) return;
    const before = lines[prev];
    // Headings are unpunctuated but don't continue into the next line.
    if (before && !endsSentence(before.norm) && !isHeadingLike(before.norm)) midSentenceGaps.push(i - prev - 1);
    prev = i;
  });
  midSentenceGaps.sort((a, b) => a - b);
  const median = midSentenceGaps[Math.floor((midSentenceGaps.length - 1) / 2)];
  doc.paragraphGap = median === undefined ? 1 : median + 1;
  return doc;
}

function previousContent(doc: Doc, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (doc.lines[j]?.norm !== '') return j;
  return -1;
}

/** A heading starts a block: nothing before it, a blank line, a finished sentence or another heading. */
function startsBlock(doc: Doc, i: number): boolean {
  const j = previousContent(doc, i);
  const prev = doc.lines[j];
  return !prev || i - j > 1 || endsSentence(prev.norm) || isHeadingLike(prev.norm);
}

function endsSection(line: Line, prevNorm: string | null): boolean {
  if (SEPARATOR.test(line.norm)) return true;
  const marker = matchMarker(line.text);
  if (marker) {
    const rest = line.text.slice(marker.contentStart).replace(/\s+/g, ' ').trim();
    return isHeadingLike(rest) && TRAILING_MATTER.test(rest);
  }
  if (!isHeadingLike(line.norm)) return false;
  return prevNorm === null || endsSentence(prevNorm) || TRAILING_MATTER.test(line.norm);
}

type Section = { heading: number; body: number[] };

function nextContent(doc: Doc, i: number): Line | undefined {
  return doc.lines.slice(i + 1).find((line) => line.norm !== '' && !isDebris(doc, line));
}

/** "Energy" over a bulleted group inside the section: skipped, the list goes on. */
function isSubheading(doc: Doc, i: number, listSoFar: boolean): boolean {
  const line = doc.lines[i];
  if (!line || !listSoFar || SEPARATOR.test(line.norm) || TRAILING_MATTER.test(line.norm) || matchMarker(line.text)) {
    return false;
  }
  const next = nextContent(doc, i);
  return next !== undefined && matchMarker(next.text) !== null;
}

/** Content lines of the section under the heading at `heading` (blank, debris and sub-heading lines left out). */
function sectionBody(doc: Doc, heading: number): number[] {
  const body: number[] = [];
  let prevNorm: string | null = null;
  let marked = false;
  for (let j = heading + 1; j < doc.lines.length; j++) {
    const line = doc.lines[j];
    if (!line || line.norm === '' || isDebris(doc, line)) continue;
    if (endsSection(line, prevNorm)) {
      if (isSubheading(doc, j, body.length === 0 || marked)) continue;
      break;
    }
    body.push(j);
    marked ||= matchMarker(line.text) !== null;
    prevNorm = line.norm;
  }
  return body;
}

function locateSection(doc: Doc): Section | null {
  for (let i = 0; i < doc.lines.length; i++) {
    const line = doc.lines[i];
    if (!line || !isRecommendationsHeading(line.norm) || !startsBlock(doc, i)) continue;
    const body = sectionBody(doc, i);
    // Nothing under it: a table-of-contents entry or a stray phrase, keep looking.
    if (body.length > 0) return { heading: i, body };
  }
  return null;
}

function lastCharEnd(line: Line): number {
  return line.offset + line.text.replace(/\s+$/, '').length;
}

/**
 * The recommendations section, heading included: [first character of the heading,
 * last character of the section's last line), or null when the text has none.
 * The first heading that has content under it wins, so a table-of-contents entry is skipped.
 */
export function findRecommendationsSection(source: string): { start: number; end: number } | null {
  const doc = analyse(source);
  const section = locateSection(doc);
  const heading = section && doc.lines[section.heading];
  const last = section && doc.lines[section.body[section.body.length - 1] ?? -1];
  if (!heading || !last) return null;
  return { start: heading.offset + indentOf(heading.text), end: lastCharEnd(last) };
}

type Segment = { style: string | null; parts: { line: number; from: number }[] };

function segment(doc: Doc, body: number[]): Segment[] {
  const unmarked = body.filter((i) => !matchMarker(doc.lines[i]?.text ?? ''));
  const baseline = Math.min(...unmarked.map((i) => indentOf(doc.lines[i]?.text ?? '')));
  const segments: Segment[] = [];
  let current: Segment | null = null;
  let lastNumber: { style: string; ordinals: number[] } | null = null;
  let prev = -1;
  for (const i of body) {
    const line = doc.lines[i];
    if (!line) continue;
    const prevLine = doc.lines[prev];
    const ended = !prevLine || endsSentence(prevLine.norm);
    const marker = matchMarker(line.text);
    // Mid-sentence ("... grew by\n5. percent") numbering is believed only when it
    // continues the list's sequence, so items without final punctuation still split.
    const continuesList =
      marker !== null &&
      lastNumber?.style === marker.style &&
      lastNumber.ordinals.some((n) => marker.ordinals.includes(n + 1));
    if (marker && (marker.isGlyph || !current || ended || continuesList)) {
      current = { style: marker.style, parts: [] };
      segments.push(current);
      if (!marker.isGlyph) lastNumber = { style: marker.style, ordinals: marker.ordinals };
      if (line.text.slice(marker.contentStart).trim() !== '') current.parts.push({ line: i, from: marker.contentStart });
    } else {
      const indent = indentOf(line.text);
      // Lost bullet: an indented capital after a finished sentence. Paragraph: same after a blank-line gap.
      const startsItem =
        ended &&
        ((indent > baseline && STARTS_CAPITAL.test(line.norm)) ||
          (i - prev - 1 >= doc.paragraphGap && STARTS_CAPITAL_OR_DIGIT.test(line.norm)));
      if (!current || (startsItem && current.parts.length > 0)) {
        current = { style: null, parts: [] };
        segments.push(current);
      }
      current.parts.push({ line: i, from: line.text.length - line.text.trimStart().length });
    }
    prev = i;
  }
  return segments.filter((s) => s.parts.length > 0);
}

function toRecommendation(source: string, doc: Doc, seg: Segment): ParsedRecommendation | null {
  const first = seg.parts[0];
  const lastPart = seg.parts[seg.parts.length - 1];
  const firstLine = first && doc.lines[first.line];
  const lastLine = lastPart && doc.lines[lastPart.line];
  if (!first || !lastPart || !firstLine || !lastLine) return null;
  const start = firstLine.offset + first.from;
  const end = lastCharEnd(lastLine);
  const text = reflow(source.slice(start, end), { isDebrisLine: (l) => doc.runningHeaders.has(l) });
  return { text, start, end, lineStart: first.line + 1, lineEnd: lastPart.line + 1 };
}

export function parseRecommendations(source: string): ParsedRecommendation[] {
  const doc = analyse(source);
  const section = locateSection(doc);
  if (!section) return [];
  const items = segment(doc, section.body)
    .map((seg) => ({ seg, item: toRecommendation(source, doc, seg) }))
    .filter((x): x is { seg: Segment; item: ParsedRecommendation } => x.item !== null);
  // Drop the sentence that introduces the list ("... are as following:-").
  while (items.length > 1) {
    const [head, ...rest] = items;
    if (!head || head.seg.style !== null) break;
    const announcesList =
      /:\s*[-–—]?$/.test(head.item.text) ||
      (INTRO_WORDS.test(head.item.text) && rest.every((x) => x.seg.style !== null));
    if (!announcesList) break;
    items.shift();
  }
  return items.map((x) => x.item);
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE_PATTERNS: { re: RegExp; parts: (m: RegExpExecArray) => [string, string, string] }[] = [
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'gi'),
    parts: (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''],
  },
  {
    re: new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'gi'),
    parts: (m) => [m[3] ?? '', m[1] ?? '', m[2] ?? ''],
  },
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, parts: (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? ''] },
];

function isoDate(year: string, month: string, day: string): string | null {
  const m = /^\d+$/.test(month) ? Number(month) : MONTHS.indexOf(month.slice(0, 3).toLowerCase()) + 1;
  const y = Number(year);
  const d = Number(day);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Best effort: the first quoted multi-word phrase (or a heading-like first line) and the first full date. */
export function parseReportMetadata(source: string): { title: string | null; date: string | null } {
  const flat = source.replace(/\s+/g, ' ');
  const quoted = [...flat.slice(0, 3000).matchAll(/[“"]([^“”"]{3,150})[”"]/g)]
    .map((m) => (m[1] ?? '').trim())
    .find((t) => /^\p{L}/u.test(t) && t.includes(' '));
  const firstLine = splitLines(source).find((l) => l.norm !== '')?.norm;
  const title = quoted ?? (firstLine && isHeadingLike(firstLine) ? firstLine : null);

  let date: { at: number; iso: string } | null = null;
  for (const { re, parts } of DATE_PATTERNS) {
    for (const m of flat.matchAll(re)) {
      const iso = isoDate(...parts(m));
      if (iso && (!date || m.index < date.at)) date = { at: m.index, iso };
      if (iso) break;
    }
  }
  return { title, date: date?.iso ?? null };
}
