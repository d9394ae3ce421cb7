// @ts-check
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
// Mammoth tells a list item's level and whether its list is ordered, not Word's number format, start
// value or which list (w:num) a paragraph belongs to. So the worker also reads word/numbering.xml
// (each abstract list's levels: w:start, w:numFmt, w:lvlText; each w:num's abstract list and
// w:lvlOverride/w:startOverride) and the w:numPr (numId, ilvl) of word/document.xml's paragraphs in
// order, and numbers items as Word renders them: "6." for a list that starts at 6, "(a)", "iv.",
// "A.", "6.1." for "%1.%2."; lists sharing an abstract list continue one another's numbering unless
// a w:num restarts it with a start override; deeper levels restart under a new item. When that
// reading does not line up with mammoth's numbered paragraphs (or a part is missing), items are
// numbered as before: 1., 2. … at level 0, a., b. … at level 1, i., ii. … at level 2 (then again),
// counting per list definition, a sub-list restarting when its parent level has a new item.

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
      throw new Refusal('docx_too_large_uncompressed', {
        limit: `${limits.maxDocxEntries.toLocaleString('en')} files`,
        what: `it holds ${zipfile.entryCount.toLocaleString('en')} files`,
      });
    }
    /** @type {import('yauzl').Entry[]} */
    const entries = await readEntries(zipfile);
    let declaredBytes = 0;
    for (const entry of entries) {
      if (entry.uncompressedSize > limits.maxDocxEntryBytes) {
        throw new Refusal('docx_too_large_uncompressed', {
          limit: mb(limits.maxDocxEntryBytes),
          what: `one of its parts declares ${mb(entry.uncompressedSize)}`,
        });
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
    const bomb = () =>
      new Refusal('docx_too_large_uncompressed', {
        limit: mb(Math.min(limits.maxDocxUncompressedBytes, limits.maxDocxEntryBytes)),
        what: 'one of its parts inflates to more than it declares',
      });
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

// ---- Word numbering: word/numbering.xml and the paragraphs' w:numPr ---------------------------

/**
 * @typedef {{ start: number; numFmt: string; lvlText: string; isLgl: boolean }} WordLevel
 * @typedef {{ abstractNums: Map<string, Map<number, WordLevel>>; nums: Map<string, { abstractNumId: string; startOverrides: Map<number, number>; levels: Map<number, WordLevel> }>; styleLevels: Map<string, { abstractNumId: string; ilvl: number }>; numStyleLinks: Map<string, string>; styleLinks: Map<string, string> }} WordNumbering
 * @typedef {{ numId: string | null; ilvl: number; styleId: string | null }} NumberedParagraph
 */

/** Tags of a WordprocessingML part in order, with their attributes (no entity decoding needed for ids and formats). */
function* tags(/** @type {string} */ xml) {
  const re = /<(\/?)([\w:]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    /** @type {Record<string, string>} */
    const attrs = {};
    for (const a of (m[3] ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1] ?? ''] = a[2] ?? a[3] ?? '';
    yield { close: m[1] === '/', name: m[2] ?? '', attrs, selfClosing: m[4] === '/' };
  }
}

/** word/numbering.xml → abstract lists' levels, w:num instances with their overrides. */
export function readWordNumbering(/** @type {string} */ xml) {
  /** @type {WordNumbering} */
  const numbering = { abstractNums: new Map(), nums: new Map(), styleLevels: new Map(), numStyleLinks: new Map(), styleLinks: new Map() };
  /** @type {Map<number, WordLevel> | null} */
  let levels = null;
  let abstractId = '';
  /** @type {{ abstractNumId: string; startOverrides: Map<number, number>; levels: Map<number, WordLevel> } | null} */
  let num = null;
  /** @type {WordLevel | null} */
  let level = null;
  let overrideLevel = -1;
  for (const tag of tags(xml)) {
    const val = tag.attrs['w:val'] ?? '';
    if (tag.close) {
      if (tag.name === 'w:abstractNum') levels = null;
      else if (tag.name === 'w:num') num = null;
      else if (tag.name === 'w:lvl') level = null;
      else if (tag.name === 'w:lvlOverride') overrideLevel = -1;
      continue;
    }
    switch (tag.name) {
      case 'w:abstractNum':
        abstractId = tag.attrs['w:abstractNumId'] ?? '';
        levels = new Map();
        numbering.abstractNums.set(abstractId, levels);
        break;
      case 'w:num':
        num = { abstractNumId: '', startOverrides: new Map(), levels: new Map() };
        numbering.nums.set(tag.attrs['w:numId'] ?? '', num);
        break;
      case 'w:abstractNumId':
        if (num) num.abstractNumId = val;
        break;
      case 'w:lvlOverride':
        overrideLevel = Number.parseInt(tag.attrs['w:ilvl'] ?? '0', 10) || 0;
        break;
      case 'w:startOverride':
        if (num && overrideLevel >= 0) num.startOverrides.set(overrideLevel, Number.parseInt(val, 10) || 0);
        break;
      case 'w:numStyleLink':
        if (levels) numbering.numStyleLinks.set(abstractId, val);
        break;
      case 'w:styleLink':
        if (levels) numbering.styleLinks.set(val, abstractId);
        break;
      case 'w:lvl': {
        const ilvl = Number.parseInt(tag.attrs['w:ilvl'] ?? '0', 10) || 0;
        level = { start: 1, numFmt: 'decimal', lvlText: `%${ilvl + 1}.`, isLgl: false };
        if (num && overrideLevel >= 0) num.levels.set(overrideLevel, level);
        else if (levels) levels.set(ilvl, level);
        break;
      }
      case 'w:start':
        if (level) level.start = Number.parseInt(val, 10) || 0;
        break;
      case 'w:numFmt':
        if (level) level.numFmt = val;
        break;
      case 'w:lvlText':
        if (level) level.lvlText = val;
        break;
      case 'w:isLgl':
        if (level) level.isLgl = val !== 'false' && val !== '0';
        break;
      case 'w:pStyle':
        if (level && levels && !num) numbering.styleLevels.set(val, { abstractNumId: abstractId, ilvl: [...levels].find(([, l]) => l === level)?.[0] ?? 0 });
        break;
      default:
    }
  }
  return numbering;
}

/**
 * The paragraphs of word/document.xml in order, each with its own w:numPr (numId, ilvl) or, without
 * one, its style (mammoth numbers a paragraph whose style a numbering level names). Paragraph
 * properties inside a tracked change (w:pPrChange) are the old ones and are skipped.
 */
export function readNumberedParagraphs(/** @type {string} */ xml) {
  /** @type {NumberedParagraph[]} */
  const paragraphs = [];
  /** @type {NumberedParagraph[]} */
  const open = [];
  let inPPr = 0;
  let inChange = 0;
  for (const tag of tags(xml)) {
    const current = open[open.length - 1];
    if (tag.name === 'w:p') {
      if (tag.close) open.pop();
      else {
        const p = { numId: null, ilvl: -1, styleId: null };
        paragraphs.push(p);
        if (!tag.selfClosing) open.push(p);
      }
    } else if (tag.name === 'w:pPr') {
      if (!tag.selfClosing) inPPr += tag.close ? -1 : 1;
    } else if (tag.name === 'w:pPrChange') {
      if (!tag.selfClosing) inChange += tag.close ? -1 : 1;
    } else if (!tag.close && current && inPPr > 0 && inChange === 0) {
      if (tag.name === 'w:numId') current.numId = tag.attrs['w:val'] ?? null;
      else if (tag.name === 'w:ilvl') current.ilvl = Number.parseInt(tag.attrs['w:val'] ?? '0', 10) || 0;
      else if (tag.name === 'w:pStyle') current.styleId = tag.attrs['w:val'] ?? null;
    }
  }
  return paragraphs;
}

function toLettersWord(/** @type {number} */ n) {
  if (n < 1) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1); // Word: … y, z, aa, bb
}

function toRomanWord(/** @type {number} */ n) {
  if (n < 1 || n > 3999) return String(n);
  const table = /** @type {[number, string][]} */ ([
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ]);
  let out = '';
  let rest = n;
  for (const [value, digits] of table) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** One level's number in its format: 6 → "6", "f", "vi", "F", "VI", "06". */
export function formatNumber(/** @type {number} */ n, /** @type {string} */ numFmt) {
  switch (numFmt) {
    case 'lowerLetter':
      return toLettersWord(n);
    case 'upperLetter':
      return toLettersWord(n).toUpperCase();
    case 'lowerRoman':
      return toRomanWord(n);
    case 'upperRoman':
      return toRomanWord(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n); // decimal, and the formats without a plain-text equivalent here
  }
}

/**
 * Numbers Word's list paragraphs as Word renders them. `next(p)` gives a numbered paragraph's marker
 * (null for a bullet or an unknown list: the caller keeps its own marker).
 * @param {WordNumbering} numbering
 */
export function wordListCounter(numbering) {
  /** Counters per abstract list and level: lists that share an abstract list continue each other. */
  /** @type {Map<string, number[]>} */
  const counters = new Map();
  /** w:num instances seen: a start override applies when an instance is first used. */
  const started = new Set();
  /** @param {string} numId */
  const resolve = (numId) => {
    const num = numbering.nums.get(numId);
    if (!num) return null;
    let abstractNumId = num.abstractNumId;
    const link = numbering.numStyleLinks.get(abstractNumId);
    // A list style: its levels live in the abstract list that defines the style (w:styleLink).
    if (link) abstractNumId = numbering.styleLinks.get(link) ?? abstractNumId;
    const levels = numbering.abstractNums.get(abstractNumId);
    return levels ? { num, abstractNumId, levels } : null;
  };
  return {
    /** @param {{ numId: string; ilvl: number }} p */
    next(p) {
      const list = resolve(p.numId);
      if (!list) return null;
      const level = (/** @type {number} */ k) => list.num.levels.get(k) ?? list.levels.get(k);
      const own = level(p.ilvl);
      if (!own) return null;
      const values = counters.get(list.abstractNumId) ?? [];
      counters.set(list.abstractNumId, values);
      const key = `${p.numId}:${p.ilvl}`;
      const override = list.num.startOverrides.get(p.ilvl);
      if (!started.has(key)) {
        started.add(key);
        if (override !== undefined) values[p.ilvl] = override - 1;
      }
      values[p.ilvl] = (values[p.ilvl] ?? own.start - 1) + 1;
      values.length = p.ilvl + 1; // deeper levels restart under this item
      if (own.numFmt === 'bullet') return null;
      const marker = own.lvlText.replace(/%([1-9])/g, (_, d) => {
        const k = Number(d) - 1;
        const lvl = level(k);
        const value = values[k] ?? lvl?.start ?? 1;
        return formatNumber(value, own.isLgl ? 'decimal' : (lvl?.numFmt ?? 'decimal'));
      });
      return marker.trim() === '' ? null : marker.trim();
    },
  };
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
 * The list (numId, ilvl) of each paragraph mammoth numbers, in order, by the rules mammoth reads
 * them with: a w:numPr with both numId and ilvl, else the paragraph's style named by a numbering
 * level, else numId at level 0. Paragraphs mammoth does not number are left out.
 * @param {WordNumbering} numbering
 * @param {NumberedParagraph[]} paragraphs
 */
export function numberedSequence(numbering, paragraphs) {
  const levelExists = (/** @type {string} */ numId, /** @type {number} */ ilvl) => {
    const num = numbering.nums.get(numId);
    if (!num) return false;
    const link = numbering.numStyleLinks.get(num.abstractNumId);
    const abstractNumId = link ? (numbering.styleLinks.get(link) ?? num.abstractNumId) : num.abstractNumId;
    return num.levels.has(ilvl) || (numbering.abstractNums.get(abstractNumId)?.has(ilvl) ?? false);
  };
  /** @type {{ numId: string; ilvl: number }[]} */
  const out = [];
  for (const p of paragraphs) {
    if (p.numId !== null && p.ilvl >= 0) {
      if (levelExists(p.numId, p.ilvl)) out.push({ numId: p.numId, ilvl: p.ilvl });
      continue;
    }
    const style = p.styleId === null ? undefined : numbering.styleLevels.get(p.styleId);
    if (style) {
      const numId = [...numbering.nums].find(([, n]) => n.abstractNumId === style.abstractNumId)?.[0];
      if (numId !== undefined) out.push({ numId, ilvl: style.ilvl });
      else out.push({ numId: '', ilvl: style.ilvl }); // numbered by mammoth, with no list instance: old markers
      continue;
    }
    if (p.numId !== null && levelExists(p.numId, 0)) out.push({ numId: p.numId, ilvl: 0 });
  }
  return out;
}

/**
 * Text with list markers, indentation, headings and paragraphs from mammoth's document model.
 * `word`, when given, is the document's Word numbering and the paragraphs' list references, so that
 * markers come out as Word renders them (see the top of this file).
 * @param {DocNode} document
 * @param {{ numbering: WordNumbering; paragraphs: NumberedParagraph[] } | null} [word]
 */
export function documentToText(document, word = null) {
  /** Word's marker for each numbered paragraph node (null: a bullet, or not known), when the reading lines up. */
  /** @type {Map<DocNode, string | null>} */
  const wordMarkers = new Map();
  if (word) {
    /** @type {DocNode[]} */
    const numberedNodes = [];
    const collect = (/** @type {DocNode[]} */ nodes) => {
      for (const node of nodes) {
        if (node.type === 'paragraph') {
          if (node.numbering) numberedNodes.push(node);
        } else if (Array.isArray(node.children)) collect(node.children);
      }
    };
    collect(document.children ?? []);
    const sequence = numberedSequence(word.numbering, word.paragraphs);
    const linesUp = sequence.length === numberedNodes.length && sequence.every((p, k) => String(p.ilvl) === String(numberedNodes[k]?.numbering?.level ?? ''));
    if (linesUp) {
      const counter = wordListCounter(word.numbering);
      numberedNodes.forEach((node, k) => {
        const p = /** @type {{ numId: string; ilvl: number }} */ (sequence[k]);
        wordMarkers.set(node, p.numId === '' ? null : counter.next(p));
      });
    }
  }
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
        const raw = inlineText(node.children ?? [])
          .replace(/[ \t]+\n/g, '\n')
          .trim();
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
          const marker = `${wordMarkers.get(node) ?? listMarker(numbering.isOrdered, depth, n)} `;
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
 * word/numbering.xml and the list references of word/document.xml's paragraphs, or null when the
 * document has no numbering part or a part cannot be read (the markers are then numbered simply).
 * Runs after checkDocxZip, so every part is known to inflate within the limits; each is still read
 * with a cap.
 * @param {Uint8Array} bytes
 * @param {ZipLimits} limits
 */
async function readWordLists(bytes, limits) {
  try {
    const parts = await readZipParts(bytes, ['word/numbering.xml', 'word/document.xml'], limits.maxDocxEntryBytes);
    const numberingXml = parts.get('word/numbering.xml');
    const documentXml = parts.get('word/document.xml');
    if (numberingXml === undefined || documentXml === undefined) return null;
    return { numbering: readWordNumbering(numberingXml), paragraphs: readNumberedParagraphs(documentXml) };
  } catch {
    return null;
  }
}

/**
 * The named parts of a ZIP as UTF-8 text, each inflated with a byte cap.
 * @param {Uint8Array} bytes
 * @param {string[]} names
 * @param {number} cap
 * @returns {Promise<Map<string, string>>}
 */
async function readZipParts(bytes, names, cap) {
  const zipfile = await openZip(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  try {
    const entries = (await readEntries(zipfile)).filter((e) => names.includes(e.fileName));
    /** @type {Map<string, string>} */
    const out = new Map();
    for (const entry of entries) {
      if (entry.isEncrypted() || entry.uncompressedSize > cap) continue;
      const data = await new Promise((resolve, reject) => {
        zipfile.openReadStream(entry, (error, stream) => {
          if (error || !stream) {
            reject(error ?? new Error('unreadable'));
            return;
          }
          /** @type {Buffer[]} */
          const chunks = [];
          let count = 0;
          stream.on('data', (/** @type {Buffer} */ chunk) => {
            count += chunk.length;
            if (count > cap) {
              stream.destroy();
              reject(new Error('too large'));
            } else chunks.push(chunk);
          });
          stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
          stream.once('error', reject);
        });
      });
      out.set(entry.fileName, /** @type {string} */ (data));
    }
    return out;
  } finally {
    zipfile.close();
  }
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
  const text = documentToText(document, await readWordLists(bytes, limits));
  if (text.length > limits.maxTextChars) throw new Refusal('too_large', { what: 'text', limit: `${limits.maxTextChars.toLocaleString('en')} characters` });
  return { text, format: 'docx', warnings: [] };
}
