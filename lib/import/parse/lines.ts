// The document as lines: offsets into the source, whitespace-collapsed text, page debris,
// and the layout facts the other rules read (paragraph gap, indentation baseline).

import { isPageNumberLine } from '../reflow';

export type Line = {
  /** Offset of the line's first character in the source. */
  offset: number;
  /** The line's characters (a rejoined line has its line breaks replaced by spaces, so offsets stay exact). */
  text: string;
  /** Whitespace collapsed and trimmed; '' for a blank line. */
  norm: string;
};

export type Doc = {
  source: string;
  lines: Line[];
  /** Offsets at which source lines start, for 1-based line numbers. */
  lineStarts: number[];
  runningHeaders: Set<string>;
  /** Skipped lines between two lines that mark a paragraph break (2 in double-spaced text). */
  paragraphGap: number;
  /** Letters that PDF extraction made of a bullet glyph ("o", "l", "§"…), seen starting several lines. */
  letterBullets: Set<string>;
};

export const WS = '[ \\t\\u00a0\\f]';

/** Sentence (or list item) finished: ".", "!", "?", ":", ";" or ":-", maybe before a closing quote. */
const ENDS_SENTENCE = /[.!?:;]["'”’)\]]*(?:\s*[-–—])?$/u;
/** A cross-reference that closes an item: "(Paragraph 42)", "(paragraph 3.21)", "( §21)", "(paras 4–6)". */
const ENDS_WITH_REFERENCE = /\(\s*(?:(?:paras?|paragraphs?|pp?|pages?|sections?|chapters?|§|¶)\.?\s*)[\w.,\s–-]{0,16}\)\s*[.;]?$/iu;
export const STARTS_CAPITAL = /^["“‘'(]?\p{Lu}/u;
export const STARTS_CAPITAL_OR_DIGIT = /^["“‘'(]?[\p{Lu}\d]/u;

export function endsSentence(norm: string): boolean {
  return ENDS_SENTENCE.test(norm) || ENDS_WITH_REFERENCE.test(norm);
}

export function indentOf(text: string): number {
  return (/^[ \t\u00a0\f]*/.exec(text)?.[0] ?? '').replace(/\f/g, '').length;
}

function makeLine(source: string, from: number, to: number): Line {
  const text = source.slice(from, to).replace(/[\r\n]/g, ' ');
  return { offset: from, text, norm: text.replace(/\s+/g, ' ').trim() };
}

function physicalLines(source: string): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  let offset = 0;
  for (const match of source.matchAll(/\r\n|\n|\r/g)) {
    out.push({ from: offset, to: match.index });
    offset = match.index + match[0].length;
  }
  out.push({ from: offset, to: source.length });
  return out;
}

/** A token that opens a list item or a heading when lines hold one word each. */
const WORD_MARKER = /^(?:\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]|\d{1,2}(?:\.\d{1,3})+\.?|[•●▪■◦○◆►➢\-–—*\uf0b7\uf0a7])$/iu;

/**
 * Some PDF extractors put every word on its own line. When most lines are one word, runs of
 * non-blank lines are rejoined into one line each, cut before list markers and around a
 * "Recommendations" heading word, so the rest of the parser sees lines again.
 */
function rejoinWordLines(source: string, raw: { from: number; to: number }[]): Line[] | null {
  const content = raw.map((r) => source.slice(r.from, r.to).trim()).filter((t) => t !== '');
  const single = content.filter((t) => !/\s/.test(t)).length;
  if (content.length < 30 || single < content.length * 0.6) return null;
  const lines: Line[] = [];
  let start = -1;
  let end = -1;
  const flush = () => {
    if (start >= 0) lines.push(makeLine(source, start, end));
    start = -1;
  };
  raw.forEach((r, k) => {
    const token = source.slice(r.from, r.to).trim();
    if (token === '') {
      flush();
      lines.push(makeLine(source, r.from, r.to));
      return;
    }
    const prevToken = k > 0 ? source.slice(raw[k - 1]?.from, raw[k - 1]?.to).trim() : '';
    const nextToken = source.slice(raw[k + 1]?.from ?? 0, raw[k + 1]?.to ?? 0).trim();
    const isHeadingWord = /^(?:recommendations?|conclusions)$/i.test(token) && /^\p{Lu}/u.test(token);
    const startsAfterSentence = prevToken === '' || /[.!?:]$/.test(prevToken);
    // A marker with the item's first word on its line ("1. Member") starts a line too.
    const markerAndWord = WORD_MARKER.test(token.split(/\s+/)[0] ?? '') && /^\S+\s+["“‘(]?\p{L}/u.test(token) && token.split(/\s+/).length === 2;
    if (WORD_MARKER.test(token) || markerAndWord || /^\d{1,2}\.\p{Lu}/u.test(token) || (isHeadingWord && startsAfterSentence)) flush();
    if (start < 0) start = r.from;
    end = r.to;
    // "Recommendations" followed by a capitalised word or a marker: a heading of its own.
    if (isHeadingWord && startsAfterSentence && (/^\p{Lu}/u.test(nextToken) || WORD_MARKER.test(nextToken))) flush();
  });
  flush();
  return lines;
}

export function splitLines(source: string): Line[] {
  const raw = physicalLines(source);
  return rejoinWordLines(source, raw) ?? raw.map((r) => makeLine(source, r.from, r.to));
}

export function isDebris(doc: Doc, line: Line): boolean {
  return line.norm !== '' && (isPageNumberLine(line.norm) || doc.runningHeaders.has(line.norm));
}

const LETTER_BULLET = /^[ \t\u00a0\f]*([olnqvwØ§üŸ¨Ø])[ \t\u00a0]+["“‘(]?\p{L}/u;

export function analyse(source: string, isMarkerLine: (doc: Doc, text: string) => boolean): Doc {
  const lines = splitLines(source);
  const lineStarts = physicalLines(source).map((r) => r.from);
  const letters = new Map<string, number>();
  for (const line of lines) {
    const m = LETTER_BULLET.exec(line.text);
    if (m?.[1]) letters.set(m[1], (letters.get(m[1]) ?? 0) + 1);
  }
  const letterBullets = new Set([...letters].filter(([, c]) => c >= 2).map(([l]) => l));
  const doc: Doc = { source, lines, lineStarts, runningHeaders: new Set(), paragraphGap: 1, letterBullets };
  // A running header/footer is a short unpunctuated line seen more than once;
  // marker lines are excluded so a bullet repeated in a summary is never lost.
  const counts = new Map<string, number>();
  for (const line of lines) {
    const n = line.norm;
    if (n.length < 3 || n.length > 60 || !/\p{L}/u.test(n) || /[.,;:!?]$/.test(n) || isMarkerLine(doc, line.text)) continue;
    counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  doc.runningHeaders = new Set([...counts].filter(([, c]) => c > 1).map(([n]) => n));
  for (const n of pageFurniture(doc, isMarkerLine)) doc.runningHeaders.add(n);

  // In double-spaced text even sentences are cut by blank lines, so a paragraph
  // break needs more blank lines than the usual gap inside a sentence.
  const midSentenceGaps: number[] = [];
  let prev = -1;
  lines.forEach((line, i) => {
    if (line.norm === '' || isDebris(doc, line)) return;
    const before = lines[prev];
    // Headings are unpunctuated but don't continue into the next line.
    if (before && !endsSentence(before.norm) && !looksLikeHeadingLine(before.norm) && /^\p{Ll}/u.test(line.norm)) {
      midSentenceGaps.push(i - prev - 1);
    }
    prev = i;
  });
  midSentenceGaps.sort((a, b) => a - b);
  const median = midSentenceGaps[Math.floor((midSentenceGaps.length - 1) / 2)];
  doc.paragraphGap = median === undefined ? 1 : median + 1;
  return doc;
}

/** A running header's or footer's form on every page: digits masked ("1/12" and "2/12" are one line), whitespace collapsed. */
function furnitureKey(norm: string): string {
  return norm.replace(/\d+/g, '0');
}

/** Content lines (not blank, not a page number) next to a page break that can be page furniture: this many at each end. */
const PAGE_EDGE_LINES = 2;

/**
 * Page furniture of any length. A browser prints its running header (the page title, often long
 * and cut with "…") and "1/2" footer after the page body, so they come last on each page; other
 * tools put them first. A line that repeats (digits aside) among the first or last lines of two or
 * more pages is furniture whatever its length, and so is any repeated line cut with "…" (a title
 * too long for the header). Returns the lines' whitespace-collapsed texts.
 */
function pageFurniture(doc: Doc, isMarkerLine: (doc: Doc, text: string) => boolean): string[] {
  const candidate = (norm: string) => norm.length >= 3 && /\p{L}/u.test(norm) && !isPageNumberLine(norm);
  // Lines cut with an ellipsis, repeated anywhere.
  const cut = new Map<string, string[]>();
  for (const line of doc.lines) {
    const n = line.norm;
    if (!candidate(n) || n.length < 12 || !/(?:…|\.\.\.)$/u.test(n) || isMarkerLine(doc, line.text)) continue;
    const key = furnitureKey(n);
    cut.set(key, [...(cut.get(key) ?? []), n]);
  }
  const out = [...cut.values()].filter((ns) => ns.length > 1).flat();
  // Lines at page edges, repeated on two or more pages.
  if (!doc.source.includes('\f')) return out;
  const pages: number[][] = [[]];
  for (const [i, line] of doc.lines.entries()) {
    if (line.text.includes('\f')) pages.push([]);
    if (line.norm !== '' && !isPageNumberLine(line.norm)) pages[pages.length - 1]?.push(i);
  }
  const edgePages = new Map<string, { pages: Set<number>; norms: string[] }>();
  pages.forEach((content, p) => {
    const edges = new Set([...content.slice(0, PAGE_EDGE_LINES), ...content.slice(-PAGE_EDGE_LINES)]);
    for (const i of edges) {
      const line = doc.lines[i];
      if (!line || !candidate(line.norm) || isMarkerLine(doc, line.text)) continue;
      const key = furnitureKey(line.norm);
      const entry = edgePages.get(key) ?? { pages: new Set<number>(), norms: [] };
      entry.pages.add(p);
      entry.norms.push(line.norm);
      edgePages.set(key, entry);
    }
  });
  for (const { pages: seen, norms } of edgePages.values()) if (seen.size > 1) out.push(...norms);
  return out;
}

/** Cheap stand-in for the heading test while measuring gaps: short and capitalised. */
function looksLikeHeadingLine(norm: string): boolean {
  return norm.length <= 60 && norm.split(' ').length <= 8 && STARTS_CAPITAL.test(norm) && /\p{Lu}/u.test(norm.slice(1));
}

/** The line ends an item: a finished sentence, or the "23)" that closes a "(Paragraph" cut by a line break. */
export function lineEnded(doc: Doc, index: number): boolean {
  const line = doc.lines[index];
  if (!line) return true;
  if (endsSentence(line.norm)) return true;
  if (/^[\d.\s]{1,8}[a-z]?\)[.;]?$/.test(line.norm)) {
    const prev = doc.lines[previousContent(doc, index)];
    return prev !== undefined && /\((?:paras?|paragraphs?|§)\.?$/i.test(prev.norm);
  }
  return false;
}

export function previousContent(doc: Doc, i: number): number {
  for (let j = i - 1; j >= 0; j--) {
    const line = doc.lines[j];
    if (line && line.norm !== '' && !isDebris(doc, line)) return j;
  }
  return -1;
}

export function nextContent(doc: Doc, i: number): number {
  for (let j = i + 1; j < doc.lines.length; j++) {
    const line = doc.lines[j];
    if (line && line.norm !== '' && !isDebris(doc, line)) return j;
  }
  return -1;
}

/** 1-based number of the source line holding `offset`. */
export function lineNumberAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((doc.lineStarts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function lastCharEnd(line: Line): number {
  return line.offset + line.text.replace(/\s+$/, '').length;
}
