// Re-flowing text extracted from PDFs: the words stay exactly as written, only the
// layout (line breaks, page-break debris, hyphenation at line ends) is undone.

/** "12", "- 12 -", "Page 3", "3 of 10", "3/10", "xii": a line that is only a page number. */
const PAGE_NUMBER = /^(?:page\s*)?[-–—]?\s*\d{1,4}\s*[-–—]?(?:\s*(?:of|\/)\s*\d{1,4})?$/i;
/** Front-matter pages are numbered in lower-case roman numerals: "ix", "xii". */
const ROMAN_PAGE_NUMBER = /^[-–—]?\s*(?=[ivxlc])(?:c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})\s*[-–—]?$/;

export function isPageNumberLine(trimmedLine: string): boolean {
  return PAGE_NUMBER.test(trimmedLine) || ROMAN_PAGE_NUMBER.test(trimmedLine);
}

// A line-end hyphen after one of these is almost always a real compound
// ("self-reliance", "non-proliferation"), not a word split by the layout.
const COMPOUND_FIRST_PARTS = new Set(['all', 'anti', 'cross', 'ex', 'full', 'half', 'high', 'long', 'low', 'non', 'self', 'short', 'well']);

function joinLines(prev: string, next: string): string {
  if (prev.endsWith('\u00ad')) return prev.slice(0, -1) + next; // soft hyphen: always a split
  if (/\p{L}[-\u2010]$/u.test(prev)) {
    const lastToken = prev.slice(prev.lastIndexOf(' ') + 1, -1);
    const isCompound =
      lastToken.includes('-') || // "people-to-" continues a compound
      COMPOUND_FIRST_PARTS.has(lastToken.toLowerCase()) ||
      !/^\p{Ll}/u.test(next); // "Iran-" + "Pakistan": a split word never resumes with a capital
    return isCompound ? prev + next : prev.slice(0, -1) + next;
  }
  if (/\S[–—]$/u.test(prev)) return prev + next; // "word—" + "word": an unspaced dash
  return `${prev} ${next}`;
}

export type ReflowOptions = {
  /** Extra page-break debris to drop, e.g. the document's running headers (trimmed, whitespace-collapsed lines). */
  isDebrisLine?: (line: string) => boolean;
};

/**
 * Line breaks become single spaces, blank lines and page-number lines (plus any
 * `isDebrisLine`) are dropped, words split by a line-end hyphen are joined,
 * whitespace is collapsed and the result trimmed.
 */
export function reflow(raw: string, options: ReflowOptions = {}): string {
  const lines = raw
    .split(/\r\n|\n|\r|\f/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '' && !isPageNumberLine(line) && !options.isDebrisLine?.(line));
  return lines.reduce((text, line) => (text === '' ? line : joinLines(text, line)), '');
}
