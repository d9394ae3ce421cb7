// DOCX → text, run inside the extraction worker (worker.mjs). Plain JavaScript: see index.ts.
//
// 1. checkDocxZip: before mammoth touches the file, yauzl reads the ZIP's central directory and
//    refuses a file whose declared uncompressed sizes exceed the limits (per file and in total) or
//    that has too many files. Declared sizes can lie, so every entry is then stream-inflated and
//    counted, 16 KB at a time, and the inflation is stopped as soon as an entry passes its declared
//    size or a limit: a zip bomb is refused after reading at most the limit, never whole, and never
//    held in memory (the inflated bytes are counted and dropped).
// 2. mammoth reads the (now known to be bounded) document into its document model, and the model is
//    turned into text here, keeping the structure the recommendation parser needs: list items as
//    lines with markers ("1. ", "a. ", "i. ", "• ", "◦ ") indented four spaces per nesting level,
//    headings as their own paragraphs, paragraphs separated by blank lines.
//
// Mammoth tells a list item's level and whether its list is ordered, not Word's number format or
// restart overrides. So ordered items are numbered here 1., 2. … at level 0, a., b. … at level 1,
// i., ii. … at level 2 (then again), counting per list definition: numbering continues across
// paragraphs between items of the same list (as Word does by default), and a sub-list restarts
// when its parent level has a new item.

import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { Refusal } from './refusal.mjs';

const MB = 1024 * 1024;
const mb = (/** @type {number} */ bytes) => `${Math.round(bytes / MB)} MB`;

/**
 * @typedef {{ maxDocxUncompressedBytes: number; maxDocxEntryBytes: number; maxDocxEntries: number }} ZipLimits
 * @typedef {{ entries: string[]; declaredBytes: number; inflatedBytes: number }} ZipCheck
 */

/** @returns {Promise<import('yauzl').ZipFile>} */
function openZip(/** @type {Buffer} */ buffer) {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true }, (error, zipfile) => {
      if (error || !zipfile) reject(new Refusal('corrupt_docx', { what: 'it is not a complete ZIP archive' }));
      else resolve(zipfile);
    });
  });
}

/**
 * Reads the central directory, checks declared sizes, then inflates every entry with a byte cap.
 * Throws a Refusal (docx_too_large_uncompressed, corrupt_docx, unsupported_type) or resolves with
 * what was seen. `inflatedBytes` is how much was actually inflated (and dropped).
 * @param {Uint8Array} bytes
 * @param {ZipLimits} limits
 * @returns {Promise<ZipCheck>}
 */
export async function checkDocxZip(bytes, limits) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const zipfile = await openZip(buffer);
  try {
    if (zipfile.entryCount > limits.maxDocxEntries) {
      throw new Refusal('docx_too_large_uncompressed', { limit: `${limits.maxDocxEntries.toLocaleString('en')} files`, what: `it holds ${zipfile.entryCount.toLocaleString('en')} files` });
    }
    /** @type {import('yauzl').Entry[]} */
    const entries = await readEntries(zipfile);
    let declaredBytes = 0;
    for (const entry of entries) {
      if (entry.uncompressedSize > limits.maxDocxEntryBytes) {
        throw new Refusal('docx_too_large_uncompressed', { limit: mb(limits.maxDocxEntryBytes), what: `one of its parts declares ${mb(entry.uncompressedSize)}` });
      }
      declaredBytes += entry.uncompressedSize;
      if (declaredBytes > limits.maxDocxUncompressedBytes) {
        throw new Refusal('docx_too_large_uncompressed', { limit: mb(limits.maxDocxUncompressedBytes), what: 'by the sizes its parts declare' });
      }
    }
    const names = entries.map((e) => e.fileName);
    if (!names.includes('word/document.xml')) throw new Refusal('unsupported_type', { what: describeZip(names) });
    let inflatedBytes = 0;
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue; // a directory
      const cap = Math.min(entry.uncompressedSize, limits.maxDocxEntryBytes, limits.maxDocxUncompressedBytes - inflatedBytes);
      inflatedBytes += await inflateCounted(zipfile, entry, cap, limits);
    }
    return { entries: names, declaredBytes, inflatedBytes };
  } finally {
    zipfile.close();
  }
}

/** @returns {Promise<import('yauzl').Entry[]>} */
function readEntries(/** @type {import('yauzl').ZipFile} */ zipfile) {
  return new Promise((resolve, reject) => {
    /** @type {import('yauzl').Entry[]} */
    const entries = [];
    zipfile.on('entry', (/** @type {import('yauzl').Entry} */ entry) => {
      entries.push(entry);
      zipfile.readEntry();
    });
    zipfile.once('end', () => resolve(entries));
    zipfile.once('error', () => reject(new Refusal('corrupt_docx', { what: 'its list of contents is damaged' })));
    zipfile.readEntry();
  });
}

/**
 * Inflates one entry, counting bytes and dropping them; stops (destroying the stream) past `cap`.
 * @param {import('yauzl').ZipFile} zipfile
 * @param {import('yauzl').Entry} entry
 * @param {number} cap
 * @param {ZipLimits} limits
 * @returns {Promise<number>}
 */
function inflateCounted(zipfile, entry, cap, limits) {
  return new Promise((resolve, reject) => {
    const bomb = () => new Refusal('docx_too_large_uncompressed', { limit: mb(Math.min(limits.maxDocxUncompressedBytes, limits.maxDocxEntryBytes)), what: 'one of its parts inflates to more than it declares' });
    if (entry.isEncrypted()) {
      reject(new Refusal('corrupt_docx', { what: 'it is encrypted' }));
      return;
    }
    zipfile.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(new Refusal('corrupt_docx', { what: 'one of its parts cannot be unpacked' }));
        return;
      }
      let count = 0;
      let settled = false;
      const finish = (/** @type {Error | null} */ failure) => {
        if (settled) return;
        settled = true;
        if (failure) {
          stream.destroy();
          reject(failure);
        } else resolve(count);
      };
      stream.on('data', (/** @type {Buffer} */ chunk) => {
        count += chunk.length;
        if (count > cap) finish(bomb());
      });
      stream.once('end', () => finish(null));
      stream.once('error', (/** @type {Error} */ err) =>
        // yauzl's own size check ("too many bytes in the stream") is the same lie caught one chunk later.
        finish(/too many bytes/i.test(err.message) ? bomb() : new Refusal('corrupt_docx', { what: 'one of its parts is damaged' })),
      );
    });
  });
}

/** What a ZIP that is not a Word document seems to be, from its part names. */
function describeZip(/** @type {string[]} */ names) {
  if (names.includes('xl/workbook.xml')) return 'an Excel workbook (.xlsx)';
  if (names.includes('ppt/presentation.xml')) return 'a PowerPoint presentation (.pptx)';
  if (names.includes('content.xml') && names.includes('mimetype')) return 'an OpenDocument file (.odt, .ods …)';
  return 'a ZIP archive, not a Word document';
}

// ---- mammoth document model → text ----------------------------------------------------------

/**
 * @typedef {{ type: string; children?: DocNode[]; value?: string; breakType?: string; styleName?: string | null; styleId?: string | null; numbering?: { isOrdered: boolean; level: string } | null; checked?: boolean }} DocNode
 * @typedef {{ kind: 'item' | 'para'; text: string }} Block
 */

const HEADING_STYLE = /^(?:heading\s*\d|title|subtitle)\b/i;
const BULLETS = ['•', '◦', '▪'];
const INDENT = '    ';

function toLetters(/** @type {number} */ n) {
  return n <= 26 ? String.fromCharCode(96 + n) : String(n);
}

function toRoman(/** @type {number} */ n) {
  if (n > 39) return String(n);
  const tens = ['', 'x', 'xx', 'xxx'];
  const ones = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix'];
  return (tens[Math.floor(n / 10)] ?? '') + (ones[n % 10] ?? '');
}

/** The marker for the n-th item (1-based) at a nesting depth. */
export function listMarker(/** @type {boolean} */ ordered, /** @type {number} */ depth, /** @type {number} */ n) {
  if (!ordered) return BULLETS[depth % BULLETS.length] ?? '•';
  const style = depth % 3;
  return `${style === 0 ? String(n) : style === 1 ? toLetters(n) : toRoman(n)}.`;
}

/** The text of a paragraph's runs; line breaks stay line breaks. */
function inlineText(/** @type {DocNode[]} */ nodes) {
  let text = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        text += node.value ?? '';
        break;
      case 'tab':
        text += '\t';
        break;
      case 'break':
        text += '\n';
        break;
      case 'checkbox':
        text += node.checked ? '☒ ' : '☐ ';
        break;
      case 'noteReference':
      case 'commentReference':
      case 'image':
        break;
      default:
        if (Array.isArray(node.children)) text += inlineText(node.children);
    }
  }
  return text;
}

/**
 * Text with list markers, indentation, headings and paragraphs from mammoth's document model.
 * @param {DocNode} document
 */
export function documentToText(document) {
  /** @type {Block[]} */
  const blocks = [];
  /** Item counters per list level (mammoth's level objects are shared by a list's paragraphs). */
  const counters = new Map();
  /** The level object last used at each depth, so deeper counters restart under a new parent item. */
  /** @type {object[]} */
  const activeByDepth = [];

  const visit = (/** @type {DocNode[]} */ nodes) => {
    for (const node of nodes) {
      if (node.type === 'paragraph') {
        const raw = inlineText(node.children ?? []).replace(/[ \t]+\n/g, '\n').trim();
        if (raw === '') continue;
        const isHeading = HEADING_STYLE.test(node.styleName ?? '') || /^(?:heading\d|title)$/i.test(node.styleId ?? '');
        const numbering = node.numbering;
        if (numbering && !isHeading) {
          const depth = Math.max(0, Math.min(8, Number.parseInt(numbering.level, 10) || 0));
          for (let d = depth + 1; d < activeByDepth.length; d++) {
            const stale = activeByDepth[d];
            if (stale) counters.delete(stale);
          }
          activeByDepth.length = depth + 1;
          activeByDepth[depth] = numbering;
          const n = (counters.get(numbering) ?? 0) + 1;
          counters.set(numbering, n);
          const marker = `${listMarker(numbering.isOrdered, depth, n)} `;
          const indent = INDENT.repeat(depth);
          const hanging = indent + ' '.repeat(marker.length);
          blocks.push({ kind: 'item', text: indent + marker + raw.split('\n').join(`\n${hanging}`) });
        } else {
          blocks.push({ kind: 'para', text: raw });
        }
      } else if (node.type === 'table' || node.type === 'tableRow' || node.type === 'tableCell' || Array.isArray(node.children)) {
        visit(node.children ?? []);
      }
    }
  };
  visit(document.children ?? []);

  let text = '';
  blocks.forEach((block, i) => {
    if (i > 0) text += block.kind === 'item' && blocks[i - 1]?.kind === 'item' ? '\n' : '\n\n';
    text += block.text;
  });
  return text;
}

/**
 * @param {Uint8Array} bytes
 * @param {ZipLimits & { maxTextChars: number }} limits
 * @returns {Promise<{ text: string; format: 'docx'; warnings: string[] }>}
 */
export async function extractDocx(bytes, limits) {
  await checkDocxZip(bytes, limits);
  /** @type {DocNode | null} */
  let document = null;
  try {
    await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Keep the model, and hand mammoth an empty document to turn into HTML (nothing to do).
        transformDocument: (/** @type {DocNode} */ doc) => {
          document = doc;
          return { ...doc, children: [] };
        },
        // Never read embedded images.
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
  } catch {
    throw new Refusal('corrupt_docx', { what: 'Word’s document part cannot be read' });
  }
  if (document === null) throw new Refusal('corrupt_docx');
  const text = documentToText(document);
  if (text.length > limits.maxTextChars) throw new Refusal('too_large', { what: 'text', limit: `${limits.maxTextChars.toLocaleString('en')} characters` });
  return { text, format: 'docx', warnings: [] };
}
