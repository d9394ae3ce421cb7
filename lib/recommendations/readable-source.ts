// "View in source" as readable text: the report's extracted text cut into paragraphs and re-flowed
// (line breaks, double spacing, hyphen splits, page numbers and running headers and footers gone),
// with one range of the raw text [start, end) marked out in it. Uses the import's own reading of
// the layout (lib/import/parse/lines.ts: page debris, the paragraph gap, list markers) and its
// re-flow (lib/import/reflow.ts), the same that made an imported item's text from its span, so the
// highlighted words are the item's words. Pure: no I/O.
import { reflow } from '@/lib/import/reflow';
import { analyse, endsSentence, indentOf, isDebris, lastCharEnd, type Doc, type Line } from '@/lib/import/parse/lines';
import { matchMarker } from '@/lib/import/parse/markers';

/** A run of a paragraph's text, marked when it is in the highlighted range. */
export type SourcePiece = { text: string; highlighted: boolean };

/** A paragraph as shown; `heading` for a short unpunctuated line of its own (a section title). */
export type SourceParagraph = { pieces: SourcePiece[]; heading: boolean };

const isMarker = (doc: Pick<Doc, 'letterBullets'>, text: string) => matchMarker(doc, text) !== null;

/** Short, capitalised, unpunctuated: a title on a line of its own, after which a paragraph starts. */
function headingLike(norm: string): boolean {
  return norm.length <= 60 && norm.split(' ').length <= 8 && /^\p{Lu}/u.test(norm) && !endsSentence(norm) && !/[,;]$/.test(norm);
}

/**
 * The content lines grouped into paragraphs. A new paragraph starts at a list marker, and after a
 * finished sentence (or a title) at a gap of blank lines as wide as the document's paragraph gap (2
 * in double-spaced text, where single blank lines cut sentences) or at any gap before a line indented
 * more than the last (a first-line indent). A sentence cut by blank lines or a page break (page
 * numbers, running headers) runs on: text is never split mid-sentence.
 */
function paragraphsOf(doc: Doc): Line[][] {
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  let blanks = 0;
  for (const line of doc.lines) {
    if (line.norm === '') {
      blanks += 1;
      continue;
    }
    if (isDebris(doc, line)) continue;
    const previous = current.at(-1);
    const finished = previous !== undefined && (endsSentence(previous.norm) || headingLike(previous.norm));
    const indented = previous !== undefined && indentOf(line.text) > indentOf(previous.text);
    const breaks = isMarker(doc, line.text) || (finished && (blanks >= doc.paragraphGap || (blanks > 0 && indented)));
    if (previous && breaks) {
      paragraphs.push(current);
      current = [];
    }
    current.push(line);
    blanks = 0;
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

const HEADING_MAX = 80;

function looksLikeHeading(doc: Doc, lines: Line[]): boolean {
  const only = lines[0];
  return (
    lines.length === 1 &&
    only !== undefined &&
    only.norm.length <= HEADING_MAX &&
    !endsSentence(only.norm) &&
    !/[,;]$/.test(only.norm) &&
    !isMarker(doc, only.text)
  );
}

/**
 * The report as paragraphs, with [start, end) of the raw text highlighted (clamped to the text).
 * Each paragraph is re-flowed in up to three runs: before, inside and after the range, so the
 * highlight starts and ends exactly where the range does; a run that began at a space keeps one.
 */
export function readableSource(source: string, range: { start: number; end: number }): SourceParagraph[] {
  const doc = analyse(source, isMarker);
  const start = Math.max(0, Math.min(range.start, source.length));
  const end = Math.max(start, Math.min(range.end, source.length));
  const options = { isDebrisLine: (norm: string) => doc.runningHeaders.has(norm) };
  return paragraphsOf(doc).map((lines) => {
    const from = lines[0]!.offset;
    const to = lastCharEnd(lines.at(-1)!);
    const cuts = [from, ...[start, end].filter((cut) => cut > from && cut < to), to];
    const pieces: SourcePiece[] = [];
    for (let index = 0; index < cuts.length - 1; index += 1) {
      const [a, b] = [cuts[index]!, cuts[index + 1]!];
      const text = reflow(source.slice(a, b), options);
      if (!text) continue;
      const spaced = pieces.length > 0 && (/\s/.test(source[a - 1] ?? '') || /\s/.test(source[a] ?? ''));
      pieces.push({ text: spaced ? ` ${text}` : text, highlighted: a >= start && b <= end && start < end });
    }
    return { pieces, heading: looksLikeHeading(doc, lines) };
  });
}
