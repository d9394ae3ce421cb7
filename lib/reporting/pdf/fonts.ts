import path from 'node:path';
import { Font } from '@react-pdf/renderer';

const LATIN = 'Noto Sans';
const LATIN_EXTENDED = 'Noto Sans Latin Extended';

/**
 * The PDF's font: Noto Sans, embedded (as a subset of the glyphs used). @fontsource ships it split
 * by script; react-pdf takes a glyph missing from the first family from the next, so Latin-1 text
 * comes from the latin files and names with ā, ī, ş, ł... from latin-ext.
 */
export const PDF_FONT = [LATIN, LATIN_EXTENDED];

let registered = false;

const looksLikeAddress = (word: string) => /:\/\/|^www\.|\//.test(word);

/**
 * Registers the fonts from @fontsource/noto-sans (regular and bold; react-pdf reads the WOFF files
 * directly). Read from the project's node_modules: the app, the CLI and the tests all run there.
 */
export function registerPdfFonts(): void {
  if (registered) return;
  const files = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans', 'files');
  const family = (subset: string) => [
    { src: path.join(files, `noto-sans-${subset}-400-normal.woff`), fontWeight: 400 },
    { src: path.join(files, `noto-sans-${subset}-700-normal.woff`), fontWeight: 700 },
  ];
  Font.register({ family: LATIN, fonts: family('latin') });
  Font.register({ family: LATIN_EXTENDED, fonts: family('latin-ext') });
  // No hyphens inserted into words; only very long runs (codes) are broken, so they cannot push a
  // table column off the page. Web addresses never: they are laid out line by line (wrap-url.ts),
  // and a hyphen would change the address.
  Font.registerHyphenationCallback((word) => (word.length > 28 && !looksLikeAddress(word) ? (word.match(/.{1,16}/g) ?? [word]) : [word]));
  registered = true;
}

/**
 * Text from the database as one line for the PDF: tabs and line breaks become spaces (react-pdf
 * would look for them in a font that has no glyph for them and fall back to an unembedded one).
 */
export function pdfLine(text: string): string {
  return text.replace(/[\s\u0000-\u001f]+/g, ' ').trim();
}
