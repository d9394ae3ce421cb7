// Makes the PDF and DOCX forms of the corpus's 23 original (non-derived) fixtures, for
// lib/import/corpus-formats.test.ts:
//
//   pdf/<slug>.pdf    the text as a simple web page (one <p> per paragraph with the browser's default
//                     1em paragraph spacing, list markers kept as text at the start of their
//                     paragraph, indented lines indented; 11pt Liberation Serif), printed to A4 by
//                     Chromium with a running header (the report's title, cut with "…" as Chrome
//                     does) and a "1/3" page-number footer, as a reader would print a report
//                     published as a web page;
//   docx/<slug>.docx  the text as a Word author would have written it: one paragraph per paragraph,
//                     and paragraphs that start with a standard list marker ("1.", "a.", "(a)", "i.",
//                     "(i)", "•") as real Word numbered or bulleted list paragraphs (the marker is
//                     Word's, not text), so that mammoth's list structure is exercised.
//
//   node lib/import/corpus/make-formats.mjs            (both; DOCX output is byte-for-byte deterministic)
//   node lib/import/corpus/make-formats.mjs --docx     (DOCX only: needs no browser)
//   node lib/import/corpus/make-formats.mjs --pdf      (PDF only; Chromium stamps a creation date, so the bytes change)
//   node lib/import/corpus/make-formats.mjs --html     (print each fixture's paragraphs, to check the segmentation)
//
// Paragraphs: the fixtures reproduce extracted text line for line. In most of them a line is a
// paragraph (text taken from a web page), and each line becomes one paragraph. Three are hard-wrapped
// (lines broken mid-sentence: the two UK joint committee reports and the one-word-per-line Minority
// Forum page); there a paragraph runs on until a line that ends a sentence, a line that starts with a
// list marker, or a short unpunctuated line standing before a capital or a marker (a heading), and
// its lines are joined with spaces. Blank lines and form feeds always end a paragraph.
//
// The browser: the system Chromium (/usr/bin/chromium) through Playwright; set CHROMIUM to use another.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun } from 'docx';

const DIR = new URL('./', import.meta.url);
const read = (file) => readFileSync(new URL(file, DIR), 'utf8');

// ---- paragraphs -------------------------------------------------------------------------------

/** A list marker at the start of a line: the kind a Word author would type or Word would number. */
const MARKER = /^(?:(•|◦|▪)\s+|\((\d{1,3}|[a-z]|[ivx]{1,5})\)\s*|(\d{1,3}|[a-z]|[ivx]{1,5})\.(?:\s+|(?=[A-Z])))/;
/** Any marker-like start, standard or not ("6.1.", "8.2 "), for segmentation only. */
const ANY_MARKER = /^(?:[•◦▪\uf0b7]\s|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,5})[.)](?:\s|(?=[A-Z])))/;
/** A line that ends a sentence, or a paragraph reference ("(paragraph 11)", "(Paragraph\n23)"). */
const ENDS_SENTENCE = /[.;:!?]["'”’)]*$|(?:^|[\s(§])\d+[a-z]?\)$/;

const collapse = (s) => s.replace(/\s+/g, ' ').trim();

/** True when most breaks between non-blank lines fall mid-sentence. */
function isHardWrapped(lines) {
  let midSentence = 0;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1].trim();
    const cur = lines[i].trim();
    if (prev && cur && !ENDS_SENTENCE.test(prev) && /^[a-z]/.test(cur)) midSentence++;
  }
  return midSentence >= 5;
}

/**
 * The fixture's paragraphs: `{ text, indent }`, indent in levels (leading spaces ÷ 2, for lines that
 * were indented in the fixture: bullets and sub-lists laid out with a hanging indent).
 */
export function paragraphs(source) {
  const lines = source.replace(/\r\n?/g, '\n').replace(/\f/g, '\n').split('\n');
  const wrapped = isHardWrapped(lines);
  const out = [];
  let current = null;
  const flush = () => {
    if (current) out.push({ text: collapse(current.parts.join(' ')), indent: current.indent });
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const line = raw.trim();
    if (line === '') {
      flush();
      continue;
    }
    const indent = Math.min(3, Math.floor((raw.length - raw.trimStart().length) / 2));
    if (!wrapped) {
      flush();
      out.push({ text: collapse(line), indent });
      continue;
    }
    if (current && ANY_MARKER.test(line)) flush();
    if (!current) current = { parts: [], indent };
    current.parts.push(line);
    const next = (lines[i + 1] ?? '').trim();
    const isHeading =
      current.parts.length === 1 &&
      !ANY_MARKER.test(line) &&
      !ENDS_SENTENCE.test(line) &&
      line.length <= 60 &&
      (/^[A-Z0-9]/.test(next) || ANY_MARKER.test(next));
    if (ENDS_SENTENCE.test(line) || isHeading) flush();
  }
  flush();
  return out;
}

// ---- PDF: a web page printed by Chromium ------------------------------------------------------

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function toHtml(entry, paras) {
  const body = paras.map((p) => `<p${p.indent > 0 ? ` class="i${p.indent}"` : ''}>${escapeHtml(p.text)}</p>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(entry.title)}</title>
<style>
  body { font-family: "Liberation Serif", "DejaVu Serif", serif; font-size: 11pt; line-height: 1.35; color: #111; margin: 0; }
  p { margin: 1em 0; }
  p.i1 { margin-left: 1.5em; } p.i2 { margin-left: 3em; } p.i3 { margin-left: 4.5em; }
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

const HEADER = (title) =>
  `<div style="font: 8pt 'Liberation Sans', sans-serif; color: #444; width: 100%; margin: 0 15mm; display: flex; justify-content: space-between;">` +
  `<span>${escapeHtml(title.length > 90 ? `${title.slice(0, 87)}…` : title)}</span></div>`;
const FOOTER =
  `<div style="font: 8pt 'Liberation Sans', sans-serif; color: #444; width: 100%; margin: 0 15mm; text-align: right;">` +
  `<span class="pageNumber"></span>/<span class="totalPages"></span></div>`;

async function makePdfs(entries) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    mkdirSync(new URL('pdf/', DIR), { recursive: true });
    for (const entry of entries) {
      await page.setContent(toHtml(entry, paragraphs(read(`${entry.slug}.txt`))), { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: false,
        displayHeaderFooter: true,
        headerTemplate: HEADER(entry.modelledOn?.title ?? entry.title),
        footerTemplate: FOOTER,
        margin: { top: '22mm', bottom: '22mm', left: '20mm', right: '20mm' },
      });
      writeFileSync(new URL(`pdf/${entry.slug}.pdf`, DIR), pdf);
      console.log(`pdf/${entry.slug}.pdf  ${pdf.length} bytes`);
    }
  } finally {
    await browser.close();
  }
}

// ---- DOCX: as a Word author writes it ---------------------------------------------------------

const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv', 'xvi', 'xvii', 'xviii', 'xix', 'xx'];

/**
 * The standard list marker a paragraph starts with, or null: its kind (Word's number format and
 * level text), its number and the text after it.
 */
export function listMarker(text, previousKind) {
  const m = MARKER.exec(text);
  if (!m) return null;
  const rest = text.slice(m[0].length);
  if (m[1]) return { kind: 'bullet', n: 0, rest };
  const paren = m[2] !== undefined;
  const token = m[2] ?? m[3] ?? '';
  if (/^\d+$/.test(token)) return { kind: paren ? 'decimal()' : 'decimal.', n: Number(token), rest };
  // A one-letter "i", "v" or "x" in a lettered list is a letter; otherwise a roman numeral.
  const letterKind = paren ? 'letter()' : 'letter.';
  const romanKind = paren ? 'roman()' : 'roman.';
  const isRoman = ROMAN.includes(token) && !(token.length === 1 && previousKind === letterKind);
  if (isRoman) return { kind: romanKind, n: ROMAN.indexOf(token) + 1, rest };
  if (token.length === 1) return { kind: letterKind, n: token.charCodeAt(0) - 96, rest };
  return null;
}

const FORMATS = {
  'decimal.': [LevelFormat.DECIMAL, '%1.'],
  'decimal()': [LevelFormat.DECIMAL, '(%1)'],
  'letter.': [LevelFormat.LOWER_LETTER, '%1.'],
  'letter()': [LevelFormat.LOWER_LETTER, '(%1)'],
  'roman.': [LevelFormat.LOWER_ROMAN, '%1.'],
  'roman()': [LevelFormat.LOWER_ROMAN, '(%1)'],
};

/** The Word document of one fixture: paragraphs, and list paragraphs numbered by Word. */
export function toDocx(entry, paras) {
  /** One numbering definition per list (a run of items of one kind that counts on), starting where it starts. */
  const configs = [];
  const children = [];
  /** kind → { reference, next } of the list of that kind being continued, per nesting level. */
  const open = new Map();
  let previousKind = null;
  let baseIndent = null;
  for (const p of paras) {
    const marker = listMarker(p.text, previousKind);
    if (!marker) {
      children.push(new Paragraph({ children: [new TextRun(p.text)] }));
      if (p.indent === 0) baseIndent = null;
      continue;
    }
    baseIndent ??= p.indent;
    const level = Math.max(0, Math.min(2, p.indent - baseIndent));
    previousKind = marker.kind;
    if (marker.kind === 'bullet') {
      children.push(new Paragraph({ children: [new TextRun(marker.rest)], bullet: { level } }));
      continue;
    }
    const key = `${marker.kind}@${level}`;
    let list = open.get(key);
    if (!list || list.next !== marker.n) {
      const reference = `list-${configs.length + 1}`;
      const [format, text] = FORMATS[marker.kind];
      configs.push({
        reference,
        levels: [0, 1, 2].map((l) => ({
          level: l,
          format,
          text: text.replace('%1', `%${l + 1}`),
          start: l === level ? marker.n : 1,
          alignment: AlignmentType.START,
          style: { paragraph: { indent: { left: 720 * (l + 1), hanging: 360 } } },
        })),
      });
      list = { reference, next: marker.n };
      open.set(key, list);
    }
    list.next = marker.n + 1;
    children.push(new Paragraph({ children: [new TextRun(marker.rest)], numbering: { reference: list.reference, level } }));
  }
  return new Document({
    creator: 'Recommendation Tracker corpus',
    lastModifiedBy: 'Recommendation Tracker corpus',
    title: entry.modelledOn?.title ?? entry.title,
    revision: 1,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    numbering: { config: configs },
    sections: [{ children }],
  });
}

/** Builds and packs with a fixed clock, so that the document's dates and the ZIP's timestamps never change. */
async function packDeterministic(build) {
  const RealDate = globalThis.Date;
  const FIXED = RealDate.UTC(2026, 0, 1, 0, 0, 0);
  class FixedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(FIXED);
      else super(...args);
    }
    static now() {
      return FIXED;
    }
  }
  globalThis.Date = FixedDate;
  try {
    return await Packer.toBuffer(build());
  } finally {
    globalThis.Date = RealDate;
  }
}

async function makeDocxs(entries) {
  mkdirSync(new URL('docx/', DIR), { recursive: true });
  for (const entry of entries) {
    const bytes = await packDeterministic(() => toDocx(entry, paragraphs(read(`${entry.slug}.txt`))));
    writeFileSync(new URL(`docx/${entry.slug}.docx`, DIR), bytes);
    console.log(`docx/${entry.slug}.docx  ${bytes.length} bytes`);
  }
}

// ---- main -------------------------------------------------------------------------------------

const entries = JSON.parse(read('manifest.json')).fixtures.filter((f) => !f.derivedFrom);
const only = process.argv.slice(2);
if (only.includes('--html')) {
  // Debugging aid: print each fixture's paragraphs.
  for (const entry of entries)
    console.log(
      `=== ${entry.slug}\n${paragraphs(read(`${entry.slug}.txt`))
        .map((p) => `${'  '.repeat(p.indent)}¶ ${p.text}`)
        .join('\n')}`,
    );
} else {
  if (!only.includes('--docx')) await makePdfs(entries);
  if (!only.includes('--pdf')) await makeDocxs(entries);
}
