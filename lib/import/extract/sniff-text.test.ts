// The parts of the extractor that run on the main thread (type sniffing, text decoding, limits,
// messages) and the pure layout functions of the worker modules. No worker is started here.
import { describe, expect, it } from 'vitest';
import { listMarker } from './docx.mjs';
import { describeImportFileError, ImportFileError, importFileError } from './errors';
import { extractReportText } from './index';
import { IMPORT_LIMITS, readImportLimits } from './limits';
import { layoutPage } from './pdf.mjs';

const enc = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

async function refusal(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

describe('limits', () => {
  it('has the documented defaults', () => {
    const limits = readImportLimits({});
    expect(limits).toMatchObject({
      maxFileBytes: 20 * 1024 * 1024,
      maxPdfPages: 300,
      maxDocxUncompressedBytes: 200 * 1024 * 1024,
      maxDocxEntryBytes: 200 * 1024 * 1024,
      timeoutMs: 30_000,
      maxConcurrent: 2,
    });
  });

  it('takes overrides from the environment and ignores nonsense', () => {
    const limits = readImportLimits({ IMPORT_MAX_FILE_MB: '5', IMPORT_MAX_PDF_PAGES: '40', IMPORT_TIMEOUT_SECONDS: 'soon', IMPORT_MAX_CONCURRENT: '-3' });
    expect(limits.maxFileBytes).toBe(5 * 1024 * 1024);
    expect(limits.maxPdfPages).toBe(40);
    expect(limits.timeoutMs).toBe(30_000);
    expect(limits.maxConcurrent).toBe(2);
  });
});

describe('bad input refused before any parsing', () => {
  it('an empty file', async () => {
    const error = await refusal(extractReportText({ bytes: new Uint8Array(0), fileName: 'report.pdf' }));
    expect(error.code).toBe('empty_file');
  });

  it('a text file of blank lines', async () => {
    expect((await refusal(extractReportText({ bytes: enc(' \n\r\n\t\n'), fileName: 'notes.txt' }))).code).toBe('empty_file');
  });

  it('a file over the size limit, with the sizes in the message and HTTP 413', async () => {
    const error = await refusal(
      extractReportText({ bytes: new Uint8Array(3 * 1024 * 1024), fileName: 'big.pdf' }, { ...IMPORT_LIMITS, maxFileBytes: 2 * 1024 * 1024 }),
    );
    expect(error.code).toBe('too_large');
    expect(error.status).toBe(413);
    expect(error.message).toContain('3 MB');
    expect(error.message).toContain('2 MB');
  });

  it('a text file named .pdf: refused, saying so', async () => {
    const error = await refusal(extractReportText({ bytes: enc('Recommendations\n1. Do this.\n'), fileName: 'report.pdf', contentType: 'application/pdf' }));
    expect(error.code).toBe('type_mismatch');
    expect(error.message).toMatch(/^This file is named \.pdf but is not a PDF \(it looks like plain text\)/);
    expect(error.status).toBe(422);
  });

  it('a text file sent as application/pdf without an extension', async () => {
    const error = await refusal(extractReportText({ bytes: enc('hello'), fileName: 'report', contentType: 'application/pdf' }));
    expect(error.code).toBe('type_mismatch');
    expect(error.message).toMatch(/^This file was sent as a PDF but is not one/);
  });

  it('a text file named .docx', async () => {
    const error = await refusal(extractReportText({ bytes: enc('hello'), fileName: 'report.docx' }));
    expect(error.code).toBe('type_mismatch');
    expect(error.message).toMatch(/^This file is named \.docx but is not a DOCX/);
  });

  it('unknown binary data', async () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const error = await refusal(extractReportText({ bytes, fileName: 'data.bin' }));
    expect(error.code).toBe('unsupported_type');
    expect(error.message).toContain('binary data of an unknown type');
  });

  it('an image, and an old Word .doc', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect((await refusal(extractReportText({ bytes: png, fileName: 'scan.png' }))).message).toContain('a PNG image');
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    const error = await refusal(extractReportText({ bytes: doc, fileName: 'report.doc' }));
    expect(error.code).toBe('unsupported_type');
    expect(error.message).toContain('old Word .doc');
  });

  it('text that is neither UTF-8 nor UTF-16', async () => {
    const latin1 = new Uint8Array(Buffer.from('Caf\u00e9 na\u00efve r\u00e9sum\u00e9\n', 'latin1'));
    expect((await refusal(extractReportText({ bytes: latin1, fileName: 'notes.txt' }))).code).toBe('bad_encoding');
  });
});

describe('plain text', () => {
  it('UTF-8 with a BOM and CRLF line ends', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...enc('Recommendations\r\n1. Fund it.\r\n\f2. Do it.\r')]);
    const result = await extractReportText({ bytes, fileName: 'r.txt' });
    expect(result).toEqual({ text: 'Recommendations\n1. Fund it.\n\f2. Do it.\n', format: 'txt', warnings: [] });
  });

  it('UTF-16 LE and BE with a BOM, and LE without one', async () => {
    const text = 'Résumé — “quoted”\r\n• item\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const expected = 'Résumé — “quoted”\n• item\n';
    expect((await extractReportText({ bytes: new Uint8Array([0xff, 0xfe, ...le]) })).text).toBe(expected);
    expect((await extractReportText({ bytes: new Uint8Array([0xfe, 0xff, ...be]) })).text).toBe(expected);
    expect((await extractReportText({ bytes: new Uint8Array(le), fileName: 'r.txt' })).text).toBe(expected);
  });
});

describe('messages', () => {
  it('describeImportFileError: one line with the code, no stack', () => {
    expect(describeImportFileError(importFileError('no_text_layer'))).toBe(
      'This PDF has no text layer — it looks scanned. The tracker has no OCR: paste the text or upload a DOCX. (no_text_layer)',
    );
    const line = describeImportFileError(new Error('boom\n    at somewhere (file.js:1:1)'));
    expect(line).toBe('The file could not be read: boom');
    expect(describeImportFileError('weird')).toBe('The file could not be read.');
  });

  it('the API body is { error: { code, message } }', () => {
    expect(JSON.parse(JSON.stringify(importFileError('encrypted_pdf')))).toEqual({
      error: { code: 'encrypted_pdf', message: expect.stringContaining('password') },
    });
  });
});

describe('PDF page layout (pure)', () => {
  const item = (str: string, x: number, y: number, size = 10) => ({ str, transform: [size, 0, 0, size, x, y], width: str.length * size * 0.5, height: size });

  it('joins items on a baseline, breaks lines, marks paragraph gaps, keeps indentation', () => {
    const items = [
      item('Recommendations', 50, 800),
      item('1.', 50, 770),
      item('Fund the', 65, 770),
      item('agreements.', 110, 770),
      item('2. Publish', 50, 757),
      item('the review.', 105, 757),
      item('continued here', 65, 744),
      item('Next paragraph', 50, 714),
      item('ends here.', 50, 701),
    ];
    expect(layoutPage(items, 595)).toBe(
      ['Recommendations', '', '1. Fund the agreements.', '2. Publish the review.', '   continued here', '', 'Next paragraph', 'ends here.'].join('\n'),
    );
  });

  it('a jump back up the page (a new column) starts a new paragraph', () => {
    const items = [item('left one', 50, 800), item('left two', 50, 787), item('right one', 320, 800), item('right two', 320, 787)];
    expect(layoutPage(items, 595)).toBe('left one\nleft two\n\nright one\nright two');
  });
});

describe('DOCX list markers (pure)', () => {
  it('numbers, letters, roman numerals and bullets by depth', () => {
    expect([1, 2, 3].map((n) => listMarker(true, 0, n))).toEqual(['1.', '2.', '3.']);
    expect([1, 2, 27].map((n) => listMarker(true, 1, n))).toEqual(['a.', 'b.', '27.']);
    expect([1, 4, 9].map((n) => listMarker(true, 2, n))).toEqual(['i.', 'iv.', 'ix.']);
    expect([0, 1, 2].map((depth) => listMarker(false, depth, 1))).toEqual(['•', '◦', '▪']);
  });
});
