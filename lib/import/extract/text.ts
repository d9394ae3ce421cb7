// Plain-text uploads: UTF-8 (with or without a BOM) and UTF-16 LE/BE (with a BOM, or without one
// when every other byte is NUL). Anything else is refused (`bad_encoding`) rather than guessed:
// a wrong guess turns quotes and accents into mojibake that would be imported verbatim.

import { importFileError } from './errors';
import { looksBinary, utf16Bom, utf16WithoutBom } from './sniff';

function decode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string {
  try {
    // ignoreBOM: false strips a leading BOM of the same encoding.
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw importFileError('bad_encoding');
  }
}

/** Line ends to \n; other control characters (except tab and form feed, a page break) removed. */
export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g, '')
    .replace(/^\ufeff/, '')
    .normalize('NFC');
}

/** The text of a plain-text upload, normalised (see `normalizeText`). */
export function decodeTextFile(bytes: Uint8Array): string {
  const encoding = utf16Bom(bytes) ?? utf16WithoutBom(bytes) ?? 'utf-8';
  if (encoding === 'utf-8' && looksBinary(bytes)) throw importFileError('unsupported_type', { what: 'binary data of an unknown type' });
  const text = decode(bytes, encoding);
  // Decoded UTF-16 may still be binary junk that happened to have a BOM-like start.
  const controls = text.slice(0, 8192).match(/[\u0000-\u0008\u000e-\u001f]/g)?.length ?? 0;
  if (controls > Math.max(2, Math.min(text.length, 8192) * 0.01)) throw importFileError('unsupported_type', { what: 'binary data of an unknown type' });
  return normalizeText(text);
}
