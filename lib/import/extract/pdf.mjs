// @ts-check
// PDF → text, run inside the extraction worker (worker.mjs). Plain JavaScript so that Node can load
// it in a worker thread without a TypeScript loader (see index.ts for why).
//
// Text comes from unpdf (pdf.js's serverless build: no native code, no network, no eval). pdf.js
// gives positioned text items; they are laid out here the way `pdftotext` lays out a page, because
// that is what lib/import/parse-report.ts and reflow.ts were written for:
// - items on the same baseline (in content order) form one line; a gap between items becomes a space;
// - a vertical gap clearly larger than the page's usual line pitch (or a jump back up, i.e. a new
//   column) becomes a blank line, so paragraphs are separated by blank lines;
// - a line that starts right of the page's left text margin keeps that indentation as spaces
//   (parse-report reads an indented capital after a finished sentence as a lost bullet);
// - pages are joined by "\n\f" (a form feed at the start of the next page's first line, like
//   pdftotext): parse-report and reflow.ts treat \f as whitespace and drop page-number lines and
//   running headers themselves;
// - in a document of 3 or more pages, a line repeated at the same height on most pages (a running
//   header or footer, digits aside) is dropped here, whatever its length (findPageFurniture).

import { getDocumentProxy } from 'unpdf';
import { Refusal } from './refusal.mjs';

/**
 * @typedef {{ str: string; transform: number[]; width: number; height: number; hasEOL?: boolean }} PdfTextItem
 * @typedef {{ text: string; x: number; y: number; size: number; endX: number }} PdfLine
 */

/** Font size of an item: the length of its transform's vertical axis (falls back to its height). */
function sizeOf(/** @type {PdfTextItem} */ item) {
  const [, , c = 0, d = 0] = item.transform;
  const size = Math.hypot(c, d);
  return size > 0 ? size : item.height > 0 ? item.height : 10;
}

function median(/** @type {number[]} */ values) {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/**
 * Lines of one page from pdf.js text items, in content order.
 * @param {PdfTextItem[]} items
 * @returns {PdfLine[]}
 */
export function groupLines(items) {
  /** @type {PdfLine[]} */
  const lines = [];
  /** @type {PdfLine | null} */
  let line = null;
  for (const item of items) {
    if (typeof item.str !== 'string' || !Array.isArray(item.transform)) continue;
    if (item.str === '') continue; // pdf.js's empty end-of-line markers: positions decide lines here
    const x = item.transform[4] ?? 0;
    const y = item.transform[5] ?? 0;
    const size = sizeOf(item);
    const sameLine = line !== null && Math.abs(y - line.y) <= 0.5 * Math.max(size, line.size) && x >= line.endX - Math.max(size, line.size); // not a jump back to the left: that is a new line
    if (line !== null && sameLine) {
      const gap = x - line.endX;
      const needsSpace = gap > 0.15 * Math.min(size, line.size) && !/\s$/.test(line.text) && !/^\s/.test(item.str);
      line.text += (needsSpace ? ' ' : '') + item.str;
      line.endX = Math.max(line.endX, x + item.width);
      line.size = Math.max(line.size, size);
    } else {
      line = { text: item.str, x, y, size, endX: x + item.width };
      lines.push(line);
    }
  }
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+$/, '') })).filter((l) => l.text.trim() !== '');
}

/**
 * One page's text: lines, blank lines at paragraph gaps, indentation from the left margin.
 * @param {PdfTextItem[]} items
 * @param {number} pageWidth
 */
export function layoutPage(items, pageWidth) {
  return layoutLines(groupLines(items), pageWidth);
}

/** A running header's or footer's form on every page: digits masked ("1/12" and "2/12" are one line). */
function furnitureKey(/** @type {string} */ text) {
  return text.replace(/\s+/g, ' ').trim().replace(/\d+/g, '0');
}

/** Lines a running header or footer can be: this many at the top and at the bottom of a page, by height. */
const EDGE_LINES = 3;

/**
 * Page furniture: in a document of at least 3 pages, a line among the top or bottom lines of its
 * page that comes back at the same height (within 1.5 pt) on more than half of the pages, with the
 * same text or with numbers that move with the page ("3/12" on page 3, "4/12" on page 4). Running
 * headers and footers are found this way whatever their length and wherever the producer drew them
 * in the content stream: a browser draws them after the page body, so in content order they would
 * end each page and be glued to the item that spans the break. Numbered body lines at the same place
 * on every page ("8. The participants …" then "16. The participants …") are not furniture: their
 * numbers do not move with the page. Returns, per page, the set of its lines that are furniture.
 * @param {PdfLine[][]} pages
 * @returns {Set<PdfLine>[]}
 */
export function findPageFurniture(pages) {
  const sets = pages.map(() => /** @type {Set<PdfLine>} */ (new Set()));
  if (pages.length < 3) return sets;
  /** @type {Map<string, { page: number; line: PdfLine; numbers: number[] }[]>} */
  const byText = new Map();
  pages.forEach((lines, page) => {
    const byHeight = [...lines].sort((a, b) => b.y - a.y);
    const edges = new Set([...byHeight.slice(0, EDGE_LINES), ...byHeight.slice(-EDGE_LINES)]);
    for (const line of edges) {
      const key = furnitureKey(line.text);
      if (key === '') continue;
      const list = byText.get(key) ?? [];
      list.push({ page, line, numbers: (line.text.match(/\d+/g) ?? []).map(Number) });
      byText.set(key, list);
    }
  });
  for (const occurrences of byText.values()) {
    if (occurrences.length * 2 <= pages.length) continue;
    for (const o of occurrences) {
      const samePlace = occurrences.filter(
        (p) => Math.abs(p.line.y - o.line.y) <= 1.5 && p.numbers.every((n, k) => n === o.numbers[k] || n - (o.numbers[k] ?? 0) === p.page - o.page),
      );
      if (new Set(samePlace.map((p) => p.page)).size * 2 > pages.length) sets[o.page]?.add(o.line);
    }
  }
  return sets;
}

/**
 * One page's text from its lines: blank lines at paragraph gaps, indentation from the left margin.
 * @param {PdfLine[]} lines
 * @param {number} pageWidth
 */
export function layoutLines(lines, pageWidth) {
  if (lines.length === 0) return '';
  // The usual line pitch on this page: the smallest downward step between consecutive lines that
  // occurs at least twice (rounded to half a point) and is at least 0.8 font sizes (smaller steps are
  // sub- and superscripts); failing that, the median step. Not simply the median: in a page of short
  // paragraphs or list items, paragraph gaps can be as common as line steps.
  const steps = [];
  for (let i = 1; i < lines.length; i++) {
    const prev = /** @type {PdfLine} */ (lines[i - 1]);
    const cur = /** @type {PdfLine} */ (lines[i]);
    const step = prev.y - cur.y;
    if (step >= 0.8 * Math.min(prev.size, cur.size) && step < 3 * Math.max(prev.size, cur.size)) steps.push(Math.round(step * 2) / 2);
  }
  const stepCounts = new Map();
  for (const step of steps) stepCounts.set(step, (stepCounts.get(step) ?? 0) + 1);
  const common = [...stepCounts].filter(([, n]) => n >= 2).map(([step]) => step);
  // Too few steps to tell line steps from paragraph gaps (a short page): judge by font size alone.
  const pitch = steps.length < 3 ? 0 : common.length > 0 ? Math.min(...common) : median(steps);
  // Left margin: the leftmost x that at least two lines start at (one stray line does not move it).
  const starts = lines.map((l) => Math.round(l.x));
  const counts = new Map();
  for (const s of starts) counts.set(s, (counts.get(s) ?? 0) + 1);
  const repeated = [...counts].filter(([, n]) => n >= 2).map(([s]) => s);
  const margin = repeated.length > 0 ? Math.min(...repeated) : Math.min(...starts);

  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const cur = /** @type {PdfLine} */ (lines[i]);
    if (i > 0) {
      const prev = /** @type {PdfLine} */ (lines[i - 1]);
      const step = prev.y - cur.y;
      const size = Math.max(prev.size, cur.size);
      const paragraphGap = pitch > 0 ? step > pitch * 1.4 && step - pitch > 0.3 * size : step > 1.8 * size;
      if (paragraphGap || step < -size) out.push('');
    }
    const indent = cur.x - margin;
    // Indentation up to a quarter of the page: centred titles and right columns are not indented.
    const spaces = indent > 0.5 * cur.size && indent < pageWidth / 4 ? Math.min(16, Math.round(indent / (0.5 * cur.size))) : 0;
    out.push(' '.repeat(spaces) + cur.text.trimStart());
  }
  return out.join('\n');
}

/** True when the file ends with a PDF end-of-file marker (allowing some trailing junk, as readers do). */
function hasEofMarker(/** @type {Uint8Array} */ bytes) {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 2048))).toString('latin1');
  return tail.includes('%%EOF');
}

/**
 * @param {Uint8Array} bytes
 * @param {{ maxPdfPages: number; maxTextChars: number }} limits
 * @returns {Promise<{ text: string; format: 'pdf'; pages: number; warnings: string[] }>}
 */
export async function extractPdf(bytes, limits) {
  /** @type {string[]} */
  const warnings = [];
  // A truncated upload is refused even when pdf.js could recover some pages from it: importing
  // part of a report would silently lose recommendations.
  if (!hasEofMarker(bytes)) throw new Refusal('corrupt_pdf', { what: 'the file is cut short: it has no end-of-file marker' });
  let pdf;
  try {
    // A copy: pdf.js may take over (detach) the buffer it is given.
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      useSystemFonts: false,
      disableFontFace: true,
      stopAtErrors: false,
    });
  } catch (error) {
    throw pdfOpenError(error);
  }
  try {
    const pages = pdf.numPages;
    if (pages > limits.maxPdfPages) throw new Refusal('too_many_pages', { pages, maxPages: limits.maxPdfPages });
    /** @type {{ lines: PdfLine[]; width: number }[]} */
    const laid = [];
    let chars = 0;
    let emptyPages = 0;
    for (let n = 1; n <= pages; n++) {
      let lines;
      let width;
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent({ includeMarkedContent: false });
        const [x0 = 0, , x1 = 612] = page.view;
        width = Math.abs(x1 - x0);
        lines = groupLines(/** @type {PdfTextItem[]} */ (content.items.filter((item) => 'str' in item)));
        page.cleanup();
      } catch {
        throw new Refusal('corrupt_pdf', { what: `page ${n} cannot be read` });
      }
      if (lines.length === 0) emptyPages++;
      chars += lines.reduce((sum, l) => sum + l.text.length + 1, 0);
      if (chars > limits.maxTextChars) throw new Refusal('too_large', { what: 'text', limit: `${limits.maxTextChars.toLocaleString('en')} characters` });
      laid.push({ lines, width });
    }
    // Running headers and footers are dropped before layout (they would also skew the page's line pitch and margin).
    const furniture = findPageFurniture(laid.map((p) => p.lines));
    const texts = laid.map((p, k) =>
      layoutLines(
        p.lines.filter((l) => !furniture[k]?.has(l)),
        p.width,
      ),
    );
    if (emptyPages === pages) throw new Refusal('no_text_layer');
    if (emptyPages > 0) {
      warnings.push(
        emptyPages === 1
          ? '1 page has no text layer (scanned or an image): its text, if any, is missing. The tracker has no OCR.'
          : `${emptyPages} of ${pages} pages have no text layer (scanned or images): their text, if any, is missing. The tracker has no OCR.`,
      );
    }
    return { text: texts.join('\n\f'), format: 'pdf', pages, warnings };
  } finally {
    await pdf.destroy().catch(() => {});
  }
}

/** pdf.js's exceptions, by name (its classes are not exported by every build). */
function pdfOpenError(/** @type {unknown} */ error) {
  if (error instanceof Refusal) return error;
  const name = error && typeof error === 'object' && 'name' in error ? String(error.name) : '';
  if (name === 'PasswordException') return new Refusal('encrypted_pdf');
  if (name === 'InvalidPDFException') return new Refusal('corrupt_pdf', { what: 'no valid PDF structure was found' });
  return new Refusal('corrupt_pdf');
}
