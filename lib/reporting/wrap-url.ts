// Web addresses in the PDF (and where the print page may wrap them): react-pdf breaks a long word only by hyphenating it, and a hyphen in an
// address makes it a different address. So an address is laid out here instead, one line per row
// of the column, broken after its slashes (after ?, & and = in a query), never inside a part
// unless the part alone is wider than the column; react-pdf then only draws the lines.

/** Noto Sans advance widths in thousandths of the font size, a little generous so a line never overflows. */
function advance(char: string): number {
  if ("ijl.,:;!|'".includes(char)) return 290;
  if ('ftr/-()[]I'.includes(char)) return 380;
  if (char === 'm' || char === 'M' || char === 'W') return 960;
  if (char === 'w') return 820;
  if (char === '@' || char === '%') return 900;
  if (/[A-Z]/.test(char)) return 720;
  return 600;
}

export function textWidth(text: string, fontSize: number): number {
  let total = 0;
  for (const char of text) total += advance(char);
  return (total * fontSize) / 1000;
}

/** The address's parts: each ends after a separator, so a break between two never changes what the address says. */
export function urlParts(url: string): string[] {
  return url.split(/(?<=[/?&=])(?!\/)/).filter(Boolean);
}

/** Greedy lines from pieces, none wider than `width`; a piece too wide alone is cut by `tooWide`. */
function fill(pieces: string[], width: number, fontSize: number, tooWide: (piece: string) => string[]): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (textWidth(line + piece, fontSize) <= width) {
      line += piece;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    if (textWidth(piece, fontSize) <= width) {
      line = piece;
      continue;
    }
    const cut = tooWide(piece);
    lines.push(...cut.slice(0, -1));
    line = cut.at(-1) ?? '';
  }
  if (line) lines.push(line);
  return lines;
}

/** Characters, as many as fit per line: the last resort, for a run with no separator at all. */
function hardCut(text: string, width: number, fontSize: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest && textWidth(rest, fontSize) > width) {
    let cut = 1;
    while (cut < rest.length && textWidth(rest.slice(0, cut + 1), fontSize) <= width) cut += 1;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) lines.push(rest);
  return lines;
}

/**
 * The address as lines no wider than `width` points at `fontSize`: broken after slashes (and ?, &,
 * =), a part wider than the column after its own hyphens, dots or underscores, and only a run with
 * none of these anywhere it fits.
 */
export function wrapUrl(url: string, width: number, fontSize: number): string[] {
  return fill(urlParts(url), width, fontSize, (part) => fill(part.split(/(?<=[-._~])/), width, fontSize, (run) => hardCut(run, width, fontSize)));
}

/** Web addresses in running text (an evidence note): http(s) and www. addresses, without trailing punctuation. */
export const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"]+[^\s<>".,;:!?)\]'’]/g;

/** Text cut into plain runs and addresses, in order. */
export function splitUrls(text: string): ({ text: string } | { url: string })[] {
  const pieces: ({ text: string } | { url: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const before = text.slice(last, match.index).trim();
    if (before) pieces.push({ text: before });
    pieces.push({ url: match[0] });
    last = match.index + match[0].length;
  }
  const after = text.slice(last).trim();
  if (after) pieces.push({ text: after });
  return pieces;
}

/** Where a link goes: an address without a scheme is a web address. */
export const linkTarget = (url: string) => (/^https?:\/\//i.test(url) ? url : `https://${url}`);
