// Where a recommendation's text sits in its seminar's report ("view in source"), for items entered
// by hand, and whether an item's text still says what its span says.
import { reflow } from '@/lib/import/reflow';

export type SourceSpan = { start: number; end: number; lineStart: number; lineEnd: number };

/** Whitespace runs as one space, trimmed: how two texts are compared here. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const lineOf = (source: string, offset: number) => source.slice(0, offset).split('\n').length;

/**
 * The span of `text` in `source`, whitespace normalised on both sides (the report's line breaks
 * and indentation do not have to be typed), or null when the text is not in the report (or is
 * blank). The first occurrence wins.
 */
export function findSourceSpan(source: string, text: string): SourceSpan | null {
  const needle = normaliseWhitespace(text);
  if (!needle || !source) return null;
  // The source normalised, with each kept character's offset in the original.
  let flat = '';
  const offsets: number[] = [];
  let pendingSpace = false;
  for (let index = 0; index < source.length; index += 1) {
    const char = source[index]!;
    if (/\s/.test(char)) {
      pendingSpace = flat.length > 0;
      continue;
    }
    if (pendingSpace) {
      flat += ' ';
      offsets.push(index - 1);
      pendingSpace = false;
    }
    flat += char;
    offsets.push(index);
  }
  const found = flat.indexOf(needle);
  if (found < 0) return null;
  const start = offsets[found]!;
  const end = offsets[found + needle.length - 1]! + 1;
  return { start, end, lineStart: lineOf(source, start), lineEnd: lineOf(source, end - 1) };
}

/**
 * Whether `text` no longer says what the span of the report says: neither the span re-flowed (how
 * imported items are stored) nor the span with its whitespace normalised (how hand-entered items
 * are found) equals it. False when there is no span to compare with.
 */
export function differsFromSource(source: string, span: { start: number | null; end: number | null }, text: string): boolean {
  if (span.start === null || span.end === null || !source) return false;
  const raw = source.slice(Math.max(0, span.start), Math.max(0, span.end));
  return reflow(raw) !== text && normaliseWhitespace(raw) !== normaliseWhitespace(text);
}
