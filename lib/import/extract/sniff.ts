// What an uploaded file really is, from its first bytes. The name and the content type the browser
// sent are only claims: they never decide how a file is parsed, only what the message says.
//
// Decision (issue 24, "a text file named .pdf"): a file that claims to be a PDF or a DOCX (by its
// extension or content type) but has no PDF or ZIP signature is REFUSED (`type_mismatch`: "This file
// is named .pdf but is not a PDF …"), rather than silently read as text: such a file is usually an
// error page or a broken download saved under the report's name, and importing it would create
// nothing useful. A real PDF or DOCX under a wrong name is read as what it is, with a warning.

import { importFileError } from './errors';

export type SniffedFormat = 'pdf' | 'zip' | 'txt';

export type Sniffed = { format: SniffedFormat; warnings: string[] };

type Claim = 'pdf' | 'docx' | 'txt' | null;

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((byte, i) => bytes[at + i] === byte);
}

const ascii = (text: string): number[] => [...text].map((ch) => ch.charCodeAt(0));

const PDF_SIGNATURE = ascii('%PDF-');
/** pdf.js (like Acrobat) accepts a PDF header anywhere in the first 1024 bytes. */
const PDF_HEADER_WINDOW = 1024;

/** Binary formats the importer does not read, with what to call them in the message. */
const OTHER_SIGNATURES: { signature: number[]; at?: number; what: string }[] = [
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Word .doc (Office 97–2003) file or a password-protected Office document' },
  { signature: ascii('{\\rtf'), what: 'an RTF document' },
  { signature: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { signature: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { signature: ascii('GIF8'), what: 'a GIF image' },
  { signature: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { signature: ascii('RIFF'), what: 'a media file' },
  { signature: [0x1f, 0x8b], what: 'a compressed (gzip) file' },
  { signature: ascii('Rar!'), what: 'a RAR archive' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { signature: [0x7f, 0x45, 0x4c, 0x46], what: 'a program' },
  { signature: ascii('MZ'), what: 'a program' },
  { signature: ascii('ftyp'), at: 4, what: 'a video or image file' },
];

function hasPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, PDF_HEADER_WINDOW) - PDF_SIGNATURE.length;
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF_SIGNATURE, i)) return true;
  return false;
}

function isZip(bytes: Uint8Array): boolean {
  // Local file header, empty archive, spanned archive.
  return startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08]);
}

/** What the name (first) or the content type claims; `named` is the extension when the name claims it. */
function claimOf(fileName: string | undefined, contentType: string | undefined): { claim: Claim; named: string | null } {
  const ext = /\.([a-z0-9]{1,8})$/i.exec(fileName?.trim() ?? '')?.[1]?.toLowerCase() ?? null;
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  if (ext === 'pdf') return { claim: 'pdf', named: '.pdf' };
  if (ext === 'docx') return { claim: 'docx', named: '.docx' };
  if (ext === 'txt' || ext === 'text') return { claim: 'txt', named: `.${ext}` };
  const named = ext ? `.${ext}` : null;
  if (type === 'application/pdf') return { claim: 'pdf', named };
  if (type === 'application/vnd.openxmlformats-officedocument.wordprocessingml.document') return { claim: 'docx', named };
  return { claim: null, named };
}

/** A short description of a file with no known signature, for a type-mismatch message. */
function describeUnknown(bytes: Uint8Array): string {
  return looksBinary(bytes) ? 'binary data of an unknown type' : 'plain text';
}

/**
 * True when the first 8 KB hold NUL bytes (outside UTF-16 text) or many other control characters:
 * text files have none of either.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (utf16Bom(bytes) || utf16WithoutBom(bytes)) return false;
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    // Tab, LF, FF, CR and ESC-free text: other C0 controls and DEL are rare in text.
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) || byte === 0x7f) controls++;
  }
  return controls > Math.max(2, sample.length * 0.01);
}

export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a BOM: Latin-script text has a NUL in most odd bytes (LE) or even bytes (BE) and
 * almost none on the other side; punctuation such as “ ” — • has a non-NUL high byte, hence 60 %.
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, 8192 - (Math.min(bytes.length, 8192) % 2));
  if (sample.length < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const half = sample.length / 2;
  if (oddNul >= half * 0.6 && evenNul <= half * 0.02) return 'utf-16le';
  if (evenNul >= half * 0.6 && oddNul <= half * 0.02) return 'utf-16be';
  return null;
}

/**
 * The real format of an upload: 'pdf' (a PDF header), 'zip' (a DOCX to be, checked by the worker)
 * or 'txt'. Throws `ImportFileError` for known formats the importer does not read and for a file
 * that claims to be a PDF or DOCX but is not one.
 */
export function sniffFormat(bytes: Uint8Array, fileName?: string, contentType?: string): Sniffed {
  const { claim, named } = claimOf(fileName, contentType);
  const warnings: string[] = [];
  if (hasPdfHeader(bytes)) {
    if (claim !== null && claim !== 'pdf')
      warnings.push(
        named ? `The file is named ${named} but is a PDF; it was read as a PDF.` : 'The file was sent as another type but is a PDF; it was read as a PDF.',
      );
    return { format: 'pdf', warnings };
  }
  if (isZip(bytes)) {
    if (claim !== null && claim !== 'docx')
      warnings.push(
        named
          ? `The file is named ${named} but is a ZIP archive; it was read as a DOCX.`
          : 'The file was sent as another type but is a ZIP archive; it was read as a DOCX.',
      );
    return { format: 'zip', warnings };
  }
  const other = OTHER_SIGNATURES.find(({ signature, at }) => startsWith(bytes, signature, at ?? 0));
  if (claim === 'pdf' || claim === 'docx') {
    // Named .pdf/.docx: say so. Claimed only by the content type: say "sent as a PDF".
    const byName = named === `.${claim}` ? named : undefined;
    throw importFileError('type_mismatch', { claim, named: byName, what: other?.what ?? describeUnknown(bytes) });
  }
  if (other) throw importFileError('unsupported_type', { what: other.what });
  if (looksBinary(bytes)) throw importFileError('unsupported_type', { what: 'binary data of an unknown type' });
  return { format: 'txt', warnings };
}
