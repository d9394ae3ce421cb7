// Cutting a section into items. First the lines are grouped into segments (a marker starts
// one; so do a paragraph break, a lost bullet's indent and a sub-heading). Then the segments
// are read as a list: per-item headings, a marked list (with nested sub-lists and lead-ins),
// an indented list whose bullets were lost, or plain paragraphs.

import { reflow } from '../reflow';
import { announcesList, endsWithColon, isHeadingLike, isResponse, isSubheadingText } from './headings';
import { endsSentence, indentOf, lastCharEnd, lineEnded, lineNumberAt, STARTS_CAPITAL, STARTS_CAPITAL_OR_DIGIT, type Doc } from './lines';
import { follows, isDecimalChildOf, matchMarker, type Marker } from './markers';

export type ParsedRecommendation = {
  text: string;
  /** [start, end) in the original source, first to last character of the item. */
  start: number;
  end: number;
  /** 1-based lines of the item's first and last character. */
  lineStart: number;
  lineEnd: number;
};

type Part = { line: number; from: number };
type Seg = { marker: Marker | null; style: string | null; parts: Part[]; indent: number };

function segText(doc: Doc, seg: Seg): string {
  return seg.parts
    .map((p) => (doc.lines[p.line]?.text ?? '').slice(p.from))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * What follows line `k` makes it a sub-heading: a marker, or a capital after a paragraph
 * break, or another heading. (A short unpunctuated line running on into a capitalised line
 * is more often a wrapped sentence.)
 */
function headsSomething(doc: Doc, body: number[], k: number): boolean {
  const i = body[k] ?? -1;
  const next = doc.lines[body[k + 1] ?? -1];
  if (next === undefined) return false;
  if (matchMarker(doc, next.text) !== null) return true;
  const gap = (body[k + 1] ?? 0) - i - 1 >= doc.paragraphGap;
  if (!STARTS_CAPITAL_OR_DIGIT.test(next.norm)) return false;
  if (gap || isHeadingLike(next.norm) || endsWithColon(next.norm)) return true;
  // A chain of sub-headings ("Powers and Procedure" / "The case for a fixed term") over a marked item.
  return k + 2 < body.length && isSubheadingText(next.norm) && headsSomething(doc, body, k + 1);
}

export function segment(doc: Doc, body: number[]): Seg[] {
  const unmarked = body.filter((i) => !matchMarker(doc, doc.lines[i]?.text ?? ''));
  const baseline = Math.min(...unmarked.map((i) => indentOf(doc.lines[i]?.text ?? '')));
  const segments: Seg[] = [];
  const lastByStyle = new Map<string, Marker>();
  let current: Seg | null = null;
  let prev = -1;
  let prevWasSub = false;
  // Wrap width of indented text: a sentence that ends well short of it ends a paragraph.
  const indented = body.map((i) => doc.lines[i]?.text ?? '').filter((t) => indentOf(t) > baseline);
  const width = Math.max(0, ...indented.map((t) => t.trimEnd().length));
  body.forEach((i, k) => {
    const line = doc.lines[i];
    if (!line) return;
    // A marker alone on its line ("RECOMMENDATION 2", "•") is followed by its words.
    const ended = prev < 0 || prevWasSub || lineEnded(doc, prev) || (current !== null && current.parts.length === 0);
    const marker = matchMarker(doc, line.text);
    const prevLine = doc.lines[prev];
    // A marker under an unpunctuated sub-heading ("The case for a fixed term" / "1. Members …") is believed too.
    const underHeading = prevLine !== undefined && (isSubheadingText(prevLine.norm) || isHeadingLike(prevLine.norm));
    const last = marker ? lastByStyle.get(marker.style) : undefined;
    // Mid-sentence ("... grew by\n5. percent") numbering is believed only when it
    // continues the list's sequence, so items without final punctuation still split.
    const continuesList = marker !== null && last !== undefined && follows(last, marker);
    if (marker && (marker.kind === 'glyph' || !current || ended || continuesList || underHeading)) {
      current = { marker, style: marker.style, parts: [], indent: indentOf(line.text) };
      segments.push(current);
      lastByStyle.set(marker.style, marker);
      if (line.text.slice(marker.contentStart).trim() !== '') current.parts.push({ line: i, from: marker.contentStart });
      prevWasSub = false;
    } else {
      const indent = indentOf(line.text);
      const gap = prev >= 0 && i - prev - 1 >= doc.paragraphGap;
      const sub = ended && isSubheadingText(line.norm) && headsSomething(doc, body, k);
      // Lost bullet: an indented capital after a finished sentence. Paragraph: same after a blank-line gap.
      // Lost bullet: the line is indented deeper than the one before (the bullet's place kept), or,
      // when items and their wrapped lines share one indent, the sentence before ended short of the margin.
      const prevIndent = prevLine ? indentOf(prevLine.text) : 0;
      const prevShort = prevLine !== undefined && prevLine.text.trimEnd().length < width * 0.8;
      const lostBullet =
        current?.style === null && indent > baseline && STARTS_CAPITAL.test(line.norm) && (indent > prevIndent || (indent === prevIndent && prevShort));
      const startsItem =
        sub ||
        prevWasSub ||
        (ended &&
          (lostBullet ||
            (gap && STARTS_CAPITAL_OR_DIGIT.test(line.norm)) ||
            // Text after a finished marked item and a blank line: its own segment (continuation or trailing matter).
            (gap && current !== null && current.style !== null)));
      if (!current || (startsItem && current.parts.length > 0)) {
        current = { marker: null, style: null, parts: [], indent };
        segments.push(current);
      }
      current.parts.push({ line: i, from: line.text.length - line.text.trimStart().length });
      prevWasSub = sub;
    }
    prev = i;
  });
  return segments.filter((s) => s.parts.length > 0 || s.style === 'rec');
}

type Reading = { doc: Doc; segs: Seg[]; texts: string[] };

function isSub(r: Reading, k: number): boolean {
  const seg = r.segs[k];
  if (!seg) return false;
  const text = r.texts[k] ?? '';
  if (seg.style === null) return seg.parts.length === 1 && isSubheadingText(text);
  // "A. Energy" over a bulleted group.
  const next = r.segs[k + 1];
  return next !== undefined && next.style !== null && next.style !== seg.style && isHeadingLike(text) && !endsSentence(text);
}

function isLeadIn(r: Reading, k: number): boolean {
  return r.segs[k]?.style === null && endsWithColon(r.texts[k] ?? '');
}

/** "6. … supports them:" over "6.1", "6.2": a numbered lead-in whose sub-points are the items. */
function isGroupHead(r: Reading, k: number): boolean {
  const seg = r.segs[k];
  const next = r.segs[k + 1];
  const text = r.texts[k] ?? '';
  if (!seg?.marker || !next?.marker || next.style === seg.style) return isSub(r, k);
  if (!endsWithColon(text)) return isSub(r, k);
  return isDecimalChildOf(next.marker, seg.marker) || text.split(' ').length <= 12;
}

/** Per-item headings: everything from one heading to the next, answers and sub-headings left out. */
function readPerItemHeadings(r: Reading): Seg[][] {
  const items: Seg[][] = [];
  let current: Seg[] | null = null;
  let skipping = false;
  const lastRec = r.segs.map((s) => s.style).lastIndexOf('rec');
  r.segs.forEach((seg, k) => {
    if (seg.style === 'rec') {
      current = [seg];
      items.push(current);
      skipping = false;
      return;
    }
    if (!current || skipping) return;
    const text = r.texts[k] ?? '';
    if (seg.style === null && (isResponse(text) || isSub(r, k))) {
      skipping = true;
      return;
    }
    if (k > lastRec && seg.style === null && itemEnded(r, current)) {
      skipping = true;
      return;
    }
    current.push(seg);
  });
  return items;
}

function itemEnded(r: Reading, item: Seg[]): boolean {
  const last = item[item.length - 1];
  const lastPart = last?.parts[last.parts.length - 1];
  return lastPart === undefined || lineEnded(r.doc, lastPart.line);
}

/** A marked list: items of the top style, with nested sub-lists and continuation paragraphs. */
function readMarkedList(r: Reading, top: string): Seg[][] {
  const items: Seg[][] = [];
  let current: Seg[] | null = null;
  let skipping = false;
  const lastTop = r.segs.map((s) => s.style).lastIndexOf(top);
  r.segs.forEach((seg, k) => {
    if (seg.style === top) {
      current = [seg];
      items.push(current);
      skipping = false;
      return;
    }
    if (!current || skipping) return;
    const text = r.texts[k] ?? '';
    const afterLast = k > lastTop;
    if (seg.style === null && isResponse(text)) {
      skipping = true;
      return;
    }
    if (isSub(r, k) || isLeadIn(r, k)) {
      if (afterLast) skipping = true;
      return;
    }
    if (seg.style === null && afterLast && itemEnded(r, current)) {
      skipping = true;
      return;
    }
    current.push(seg);
  });
  return items;
}

function topStyle(r: Reading): string | null {
  const styles: string[] = [];
  r.segs.forEach((s) => {
    if (s.style !== null && !styles.includes(s.style)) styles.push(s.style);
  });
  for (const style of styles) {
    const ks = r.segs.map((s, k) => (s.style === style ? k : -1)).filter((k) => k >= 0);
    if (ks.every((k) => isGroupHead(r, k))) continue;
    return style;
  }
  return null;
}

/** Bullets lost, hanging indent kept: every item from the first indented one on starts indented. */
function indentedList(r: Reading): boolean {
  const indents = r.segs.filter((s) => s.style === null).map((s) => s.indent);
  const baseline = Math.min(...indents);
  const first = r.segs.findIndex((s, k) => s.indent > baseline && !isSub(r, k));
  if (first < 0) return false;
  const rest = r.segs.slice(first).filter((_, j) => !isSub(r, first + j));
  if (rest.length < 2 || !rest.every((s) => s.indent > baseline)) return false;
  r.segs.forEach((s, k) => {
    if (k >= first && s.indent > baseline) s.style = 'indent';
  });
  return true;
}

/** Plain paragraphs: lead-ins, sub-headings and answers left out. */
function readParagraphs(r: Reading): Seg[][] {
  const keep = r.segs.map((_, k) => k);
  const subs = keep.filter((k) => isSub(r, k));
  let ks = subs.length * 2 < keep.length ? keep.filter((k) => !subs.includes(k)) : keep;
  ks = ks.filter((k) => !isResponse(r.texts[k] ?? ''));
  while (ks.length > 1) {
    const head = r.texts[ks[0] ?? -1] ?? '';
    if (!(endsWithColon(head) || (announcesList(head) && head.split(/[.!?]\s/).length <= 2 && ks.length > 2))) break;
    ks = ks.slice(1);
  }
  return ks.map((k) => [r.segs[k]]).filter((x): x is Seg[] => x[0] !== undefined);
}

export function toRecommendation(doc: Doc, start: number, end: number): ParsedRecommendation | null {
  if (end <= start) return null;
  const text = reflow(doc.source.slice(start, end), { isDebrisLine: (l) => doc.runningHeaders.has(l) });
  if (text === '') return null;
  return { text, start, end, lineStart: lineNumberAt(doc, start), lineEnd: lineNumberAt(doc, end - 1) };
}

function itemFromSegs(doc: Doc, segs: Seg[]): ParsedRecommendation | null {
  const parts = segs.flatMap((s) => s.parts);
  const first = parts[0];
  const last = parts[parts.length - 1];
  const firstLine = first && doc.lines[first.line];
  const lastLine = last && doc.lines[last.line];
  if (!first || !firstLine || !lastLine) return null;
  const start = firstLine.offset + first.from + (firstLine.text.slice(first.from).length - firstLine.text.slice(first.from).trimStart().length);
  return toRecommendation(doc, start, lastCharEnd(lastLine));
}

export type ItemsReading = { items: ParsedRecommendation[]; marked: boolean };

export function readItems(doc: Doc, body: number[]): ItemsReading {
  const segs = segment(doc, body);
  const r: Reading = { doc, segs, texts: segs.map((s) => segText(doc, s)) };
  let groups: Seg[][];
  let marked = true;
  if (segs.some((s) => s.style === 'rec')) groups = readPerItemHeadings(r);
  else {
    const top = topStyle(r);
    if (top !== null) groups = readMarkedList(r, top);
    else if (indentedList(r)) groups = readMarkedList(r, 'indent');
    else {
      groups = readParagraphs(r);
      marked = false;
    }
  }
  const items = groups.map((g) => itemFromSegs(doc, g)).filter((x): x is ParsedRecommendation => x !== null);
  return { items, marked };
}
