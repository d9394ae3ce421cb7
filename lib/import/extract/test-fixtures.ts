// Builders for the extraction tests: real PDFs (pdf-lib), real DOCX files (docx), a hand-made
// encrypted PDF, hand-made ZIP archives and zip bombs. Everything is made in memory, small.

import { constants, crc32, createDeflateRaw, deflateRawSync, deflateSync } from 'node:zlib';
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph } from 'docx';
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';

/**
 * A page is a list of lines; '' is a paragraph gap; leading spaces indent (one space ≈ 3 pt).
 * `header`/`footer` (page number, page count → text) are drawn in the top and bottom margins after
 * the page's body, as Chromium prints them.
 */
export async function makePdf(
  pages: string[][],
  options: { fontSize?: number; header?: (page: number, of: number) => string; footer?: (page: number, of: number) => string } = {},
): Promise<Uint8Array> {
  const size = options.fontSize ?? 11;
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [n, lines] of pages.entries()) {
    const page = doc.addPage([595, 842]);
    let y = 790;
    for (const line of lines) {
      if (line === '') {
        y -= size * 0.9; // extra space: a paragraph gap
        continue;
      }
      const indent = line.length - line.trimStart().length;
      page.drawText(line.trimStart(), { x: 56 + indent * 3, y, size, font, color: rgb(0, 0, 0) });
      y -= size * 1.3;
    }
    if (options.header) page.drawText(options.header(n + 1, pages.length), { x: 30, y: 820, size: 8, font, color: rgb(0, 0, 0) });
    if (options.footer) page.drawText(options.footer(n + 1, pages.length), { x: 540, y: 20, size: 8, font, color: rgb(0, 0, 0) });
  }
  return doc.save({ useObjectStreams: false });
}

/** A tiny grey PNG, to stand for a scanned page. */
export function makePng(width = 40, height = 40): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80);
  for (let row = 0; row < height; row++) raw[row * (width + 1)] = 0; // filter byte
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

/** A "scanned" PDF: each page is an image and a frame, with no text at all. */
export async function makeImageOnlyPdf(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(makePng());
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawImage(png, { x: 50, y: 100, width: 495, height: 700 });
    page.drawRectangle({ x: 40, y: 90, width: 515, height: 720, borderWidth: 1, borderColor: rgb(0, 0, 0) });
  }
  return doc.save();
}

/** Assembles a PDF from object bodies (1-based), with a correct xref table. */
function assemblePdf(objects: string[], trailerExtra: string): Uint8Array {
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

/**
 * A PDF encrypted with the standard security handler (RC4, revision 2) whose user password is not
 * empty: the /U and /O entries match no empty password, so a reader must ask for one.
 */
export function makeEncryptedPdf(): Uint8Array {
  const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) & 0xff).toString(16).padStart(2, '0')).join('');
  const content = '\u0091\u00a7\u0012garbled';
  return assemblePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      `<< /Filter /Standard /V 1 /R 2 /Length 40 /O <${hex32(7)}> /U <${hex32(91)}> /P -3904 >>`,
    ],
    '/Encrypt 5 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]',
  );
}

/**
 * Raw deflate of `total` zero bytes, built without ever holding or compressing them all: one
 * 1 MiB block of zeros is compressed once with a full flush (which resets the compressor, so the
 * same input always gives the same bytes), and those bytes are repeated.
 */
export async function deflatedZeros(total: number): Promise<Uint8Array> {
  const block = 1024 * 1024;
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => chunks.push(chunk));
  const flushBlock = () =>
    new Promise<Buffer>((resolve) => {
      const before = chunks.length;
      deflate.write(Buffer.alloc(block));
      deflate.flush(constants.Z_FULL_FLUSH, () => resolve(Buffer.concat(chunks.splice(before))));
    });
  const first = await flushBlock();
  const repeated = await flushBlock();
  const tail = await new Promise<Buffer>((resolve) => {
    deflate.end(() => resolve(Buffer.concat(chunks.splice(0))));
  });
  const count = Math.max(1, Math.ceil(total / block));
  const parts: Buffer[] = [first];
  for (let i = 1; i < count; i++) parts.push(repeated);
  parts.push(tail.length > 0 ? tail : deflateRawSync(Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat(parts));
}

export type ZipEntrySpec = {
  name: string;
  /** Stored bytes (already deflated when `deflated`). */
  data: Uint8Array;
  deflated: boolean;
  /** The uncompressed size written in the headers: the truth, or a lie. */
  declaredSize: number;
  crc?: number;
};

/** A ZIP archive written by hand, so that its headers can say whatever a test needs. */
export function makeZip(entries: ZipEntrySpec[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const method = entry.deflated ? 8 : 0;
    const crc = entry.crc ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const centralDir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, centralDir, end]));
}

/** A deflated entry with its true size and CRC. */
export function zipEntry(name: string, text: string): ZipEntrySpec {
  const data = Buffer.from(text, 'utf8');
  return { name, data: new Uint8Array(deflateRawSync(data)), deflated: true, declaredSize: data.length, crc: crc32(data) };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/**
 * Zip bomb, lying kind: word/document.xml declares `declared` bytes but inflates to `actual`
 * (zeros). With actual = 2 GiB the archive is about 2 MB.
 */
export async function makeLyingZipBomb(actual: number, declared = 4096): Promise<Uint8Array> {
  return makeZip([
    zipEntry('[Content_Types].xml', CONTENT_TYPES),
    { name: 'word/document.xml', data: await deflatedZeros(actual), deflated: true, declaredSize: declared },
  ]);
}

/** Zip bomb, honest kind: word/document.xml declares (and would inflate to) `declared` bytes. */
export async function makeDeclaredZipBomb(declared: number): Promise<Uint8Array> {
  return makeZip([
    zipEntry('[Content_Types].xml', CONTENT_TYPES),
    // Only the first MiB of zeros is actually present: the central directory is what is checked first.
    { name: 'word/document.xml', data: await deflatedZeros(1024 * 1024), deflated: true, declaredSize: declared },
  ]);
}

/** A real DOCX with a heading, numbered list with a nested lettered list, and nested bullets. */
export async function makeDocx(): Promise<Uint8Array> {
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: 'recs',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.START },
            { level: 1, format: LevelFormat.LOWER_LETTER, text: '%2)', alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Report of the Regional Seminar', heading: HeadingLevel.TITLE }),
          new Paragraph({ text: 'The seminar met over two days and heard twelve speakers.' }),
          new Paragraph({ text: 'Recommendations', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'The participants recommended that:' }),
          new Paragraph({ text: 'Governments should fund regional water agreements.', numbering: { reference: 'recs', level: 0 } }),
          new Paragraph({ text: 'The secretariat should publish an annual review, covering:', numbering: { reference: 'recs', level: 0 } }),
          new Paragraph({ text: 'progress on each agreement;', numbering: { reference: 'recs', level: 1 } }),
          new Paragraph({ text: 'funding gaps.', numbering: { reference: 'recs', level: 1 } }),
          new Paragraph({ text: 'Donors should coordinate their support.', numbering: { reference: 'recs', level: 0 } }),
          new Paragraph({ text: 'A note between two items of the same list.' }),
          new Paragraph({ text: 'Universities should open their data.', numbering: { reference: 'recs', level: 0 } }),
          new Paragraph({ text: 'Next steps', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Hold a follow-up meeting.', bullet: { level: 0 } }),
          new Paragraph({ text: 'Invite the finance ministries.', bullet: { level: 1 } }),
          new Paragraph({ text: 'Share the report widely.', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/**
 * A one-page PDF whose content stream (FlateDecode) inflates to `total` zero bytes: a "PDF bomb".
 * pdf.js inflates streams into ArrayBuffers, which the worker's heap limit does not cover.
 */
export async function makePdfStreamBomb(total: number): Promise<Uint8Array> {
  const zlibBody = Buffer.concat([Buffer.from([0x78, 0xda]), Buffer.from(await deflatedZeros(total)), Buffer.from([0, 0, 0, 1])]);
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let pos = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    pos += b.length;
  };
  push(Buffer.from('%PDF-1.4\n', 'latin1'));
  [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
  ].forEach((body, i) => {
    offsets.push(pos);
    push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, 'latin1'));
  });
  offsets.push(pos);
  push(Buffer.from(`4 0 obj\n<< /Length ${zlibBody.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'));
  push(zlibBody);
  push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  const xref = pos;
  const table = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${table}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(parts));
}

/** A report-like page of `lines` lines: a heading, numbered items with wrapped lines, a page number. */
export function reportPage(pageNumber: number, lines = 48): string[] {
  const out = ['Regional Water Cooperation — Seminar Report', ''];
  let item = (pageNumber - 1) * 8 + 1;
  while (out.length < lines - 2) {
    out.push(`${item}. The participants recommended that member states strengthen the agreement on`);
    out.push('   shared river basins, publish the data they hold and report on progress each year.');
    out.push('');
    item++;
  }
  out.push(String(pageNumber));
  return out;
}
