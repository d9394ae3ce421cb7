// List markers at the start of a line: bullets of any glyph (including the letters PDF
// extraction makes of them), numbers, letters, roman numerals, decimal paragraph numbers
// ("6.1.", "2.21") and per-item headings ("Recommendation 3", "RECOMMENDATION No. 3:").

import { WS, type Doc } from './lines';

export type MarkerKind = 'glyph' | 'number' | 'decimal' | 'rec';

export type Marker = {
  /** Markers of one list share a style: "glyph", "1.", "(a)", "A)", "decimal2", "rec". */
  style: string;
  kind: MarkerKind;
  /** Offset in the line's text where the item's words start. */
  contentStart: number;
  /** The positions the label can stand for: "c" is 3, "iv" is 4, "i" is 1 or 9 (the letter). */
  ordinals: number[];
  /** Decimal numbers: all components ("6.1" is [6, 1]). */
  path?: number[];
};

// \uf0xx: Symbol/Wingdings bullets as they come out of Word-made PDFs.
const GLYPH_MARKER = new RegExp(
  `^${WS}*(?:[•●○◦▪▫■□◆◇►▶▸‣⁃∙·✓✔➢➤➔→»❖✗✘◘\\uf0a7\\uf0a8\\uf0b7\\uf076\\uf0d8\\uf0fc\\uf06c\\uf06e\\uf0a1\\uf0e0]|[-–—*+](?=\\s|$))${WS}*`,
  'u',
);
const NUMBER_MARKER = new RegExp(`^${WS}*(?:\\((\\d{1,2}|[a-z]|[ivx]{2,5})\\)|(\\d{1,2}|[a-z]|[ivx]{2,5})([.)]))(?=\\s|$)${WS}*`, 'iu');
/** "1.Once": a number glued to the capital that starts the item. */
const GLUED_NUMBER = new RegExp(`^${WS}*(\\d{1,2})\\.(?=["“‘(]?\\p{Lu}\\p{Ll})`, 'u');
/** "6.1.", "2.21", "4.52": report paragraph numbers. */
const DECIMAL_MARKER = new RegExp(`^${WS}*(\\d{1,2}(?:\\.\\d{1,3}){1,3})\\.?(?=\\s|$)${WS}*`, 'u');
/** "Recommendation 3", "RECOMMENDATION No. 3:", "Recommendation 1 –", alone or before the item's words. */
const REC_HEADING = new RegExp(
  `^${WS}*recommendation${WS}+(?:no\\.?${WS}*|number${WS}+|#${WS}*)?(\\d{1,3})[a-z]?(?:${WS}*(?:[:.)–—-]|$)|${WS}+(?=["“‘(]?\\p{Lu}))${WS}*`,
  'iu',
);
const ROMAN = /^x{0,3}(?:ix|iv|v?i{0,3})$/i;

function romanValue(lower: string): number {
  const digit: Record<string, number> = { i: 1, v: 5, x: 10 };
  let total = 0;
  [...lower].forEach((ch, k) => {
    const value = digit[ch] ?? 0;
    total += value < (digit[lower[k + 1] ?? ''] ?? 0) ? -value : value;
  });
  return total;
}

function ordinals(label: string): number[] {
  if (/^\d+$/.test(label)) return [Number(label)];
  const lower = label.toLowerCase();
  const values: number[] = [];
  if (lower.length === 1) values.push(lower.charCodeAt(0) - 96);
  if (ROMAN.test(lower)) values.push(romanValue(lower));
  return values;
}

export function matchMarker(doc: Pick<Doc, 'letterBullets'> | null, text: string): Marker | null {
  const rec = REC_HEADING.exec(text);
  if (rec) return { style: 'rec', kind: 'rec', contentStart: rec[0].length, ordinals: [Number(rec[1])] };
  const glyph = GLYPH_MARKER.exec(text);
  if (glyph) return { style: 'glyph', kind: 'glyph', contentStart: glyph[0].length, ordinals: [] };
  const letter = new RegExp(`^${WS}*(\\S)${WS}+`, 'u').exec(text);
  if (letter?.[1] && doc?.letterBullets.has(letter[1]) && text.slice(letter[0].length).trim() !== '') {
    return { style: 'glyph', kind: 'glyph', contentStart: letter[0].length, ordinals: [] };
  }
  const decimal = DECIMAL_MARKER.exec(text);
  if (decimal?.[1]) {
    const path = decimal[1].split('.').map(Number);
    return { style: `decimal${path.length}`, kind: 'decimal', contentStart: decimal[0].length, ordinals: [path[path.length - 1] ?? 0], path };
  }
  const glued = GLUED_NUMBER.exec(text);
  if (glued?.[1]) return { style: '1.', kind: 'number', contentStart: glued[0].length, ordinals: [Number(glued[1])] };
  const numbered = NUMBER_MARKER.exec(text);
  if (!numbered) return null;
  const label = numbered[1] ?? numbered[2] ?? '';
  if (label.length > 1 && /^[a-z]+$/i.test(label) && !ROMAN.test(label)) return null;
  // Letters and roman numerals share a class: "i." is both, and mixing them up costs nothing here.
  const kind = /\d/.test(label) ? '1' : label === label.toUpperCase() ? 'A' : 'a';
  const style = numbered[1] !== undefined ? `(${kind})` : `${kind}${numbered[3] ?? '.'}`;
  return { style, kind: 'number', contentStart: numbered[0].length, ordinals: ordinals(label) };
}

/** `next` is the number after `prev` in the same list ("6.2" after "6.1", "c" after "b", "4" after "3"). */
export function follows(prev: Marker, next: Marker): boolean {
  if (prev.style !== next.style || next.kind === 'glyph') return false;
  if (prev.path && next.path) {
    const [a, b] = [prev.path, next.path];
    const head = (p: number[]) => p.slice(0, -1).join('.');
    return (head(a) === head(b) && (b[b.length - 1] ?? 0) === (a[a.length - 1] ?? 0) + 1) || (b[0] ?? 0) === (a[0] ?? 0) + 1;
  }
  return prev.ordinals.some((n) => next.ordinals.includes(n + 1));
}

/** "6.1" under "6.": numbered as a sub-paragraph of `parent`. */
export function isDecimalChildOf(child: Marker, parent: Marker): boolean {
  if (!child.path) return false;
  const parentPath = parent.path ?? (parent.kind === 'number' && parent.ordinals.length === 1 ? parent.ordinals : null);
  return parentPath !== null && child.path.length === parentPath.length + 1 && parentPath.every((n, k) => child.path?.[k] === n);
}
