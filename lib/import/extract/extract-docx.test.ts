// DOCX extraction end to end (real DOCX files made with the `docx` package, parsed in the worker),
// and the zip-bomb guard, also run in this process to measure its time and memory.
import { Document, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkDocxZip } from './docx.mjs';
import { ImportFileError } from './errors';
import { extractReportText } from './index';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { Refusal } from './refusal.mjs';
import { makeDeclaredZipBomb, makeDocx, makeLyingZipBomb, makeZip, zipEntry } from './test-fixtures';

async function refusal(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

const limits = (overrides: Partial<ImportLimits>): ImportLimits => ({ ...IMPORT_LIMITS, ...overrides });
const GiB = 1024 * 1024 * 1024;

describe('DOCX text', { timeout: 60_000 }, () => {
  it('turns lists into marked, indented lines, headings and paragraphs into blank-line-separated blocks', async () => {
    const result = await extractReportText({ bytes: await makeDocx(), fileName: 'report.docx' });
    expect(result).toEqual({
      format: 'docx',
      warnings: [],
      text: [
        'Report of the Regional Seminar',
        '',
        'The seminar met over two days and heard twelve speakers.',
        '',
        'Recommendations',
        '',
        'The participants recommended that:',
        '',
        '1. Governments should fund regional water agreements.',
        '2. The secretariat should publish an annual review, covering:',
        '    a. progress on each agreement;',
        '    b. funding gaps.',
        '3. Donors should coordinate their support.',
        '',
        'A note between two items of the same list.',
        '',
        // Word continues a list's numbering after a paragraph in between; so does the extraction.
        '4. Universities should open their data.',
        '',
        'Next steps',
        '',
        '• Hold a follow-up meeting.',
        '    ◦ Invite the finance ministries.',
        '• Share the report widely.',
      ].join('\n'),
    });
  });

  it('a DOCX named .pdf is read as a DOCX, with a warning', async () => {
    const result = await extractReportText({ bytes: await makeDocx(), fileName: 'report.pdf' });
    expect(result.format).toBe('docx');
    expect(result.warnings).toEqual(['The file is named .pdf but is a ZIP archive; it was read as a DOCX.']);
  });
});

describe('bad DOCX files', { timeout: 60_000 }, () => {
  it('a truncated DOCX', async () => {
    const bytes = await makeDocx();
    const error = await refusal(extractReportText({ bytes: bytes.subarray(0, Math.floor(bytes.length / 2)), fileName: 'cut.docx' }));
    expect(error.code).toBe('corrupt_docx');
  });

  it('a DOCX with no text', async () => {
    const empty = new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph({ text: '' })] }] })));
    expect((await refusal(extractReportText({ bytes: empty, fileName: 'empty.docx' }))).code).toBe('empty_file');
  });

  it('a ZIP that is not a Word document', async () => {
    const xlsx = makeZip([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('xl/workbook.xml', '<workbook/>')]);
    const error = await refusal(extractReportText({ bytes: xlsx, fileName: 'sheet.docx' }));
    expect(error.code).toBe('unsupported_type');
    expect(error.message).toContain('an Excel workbook');
  });

  it('a word/document.xml that is not XML', async () => {
    const bytes = makeZip([zipEntry('[Content_Types].xml', '<Types/>'), zipEntry('word/document.xml', 'not <xml at all')]);
    expect((await refusal(extractReportText({ bytes, fileName: 'odd.docx' }))).code).toBe('corrupt_docx');
  });

  it('a DOCX whose parts add up to more than the uncompressed limit', async () => {
    const error = await refusal(extractReportText({ bytes: await makeDocx(), fileName: 'r.docx' }, limits({ maxDocxUncompressedBytes: 4096 })));
    expect(error.code).toBe('docx_too_large_uncompressed');
    expect(error.status).toBe(413);
  });

  it('zip bomb that declares 4 GB: refused from its central directory, quickly', async () => {
    const bytes = await makeDeclaredZipBomb(4_000_000_000);
    const started = performance.now();
    const error = await refusal(extractReportText({ bytes, fileName: 'bomb.docx' }));
    expect(error.code).toBe('docx_too_large_uncompressed');
    expect(error.message).toContain('declares 3815 MB');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('zip bomb that lies (declares 4 KB, inflates to 2 GiB): refused quickly, in the worker', async () => {
    const bytes = await makeLyingZipBomb(2 * GiB);
    expect(bytes.length).toBeLessThan(4 * 1024 * 1024);
    const started = performance.now();
    const error = await refusal(extractReportText({ bytes, fileName: 'bomb.docx' }));
    expect(error.code).toBe('docx_too_large_uncompressed');
    expect(error.message).toContain('inflates to more than it declares');
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('the guard stops inflating a lying entry after a few KB: time and memory stay flat', async () => {
    const bytes = await makeLyingZipBomb(2 * GiB);
    global.gc?.();
    const before = process.memoryUsage();
    const started = performance.now();
    const error = await checkDocxZip(bytes, IMPORT_LIMITS).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    const after = process.memoryUsage();
    expect(error).toBeInstanceOf(Refusal);
    expect((error as Refusal).code).toBe('docx_too_large_uncompressed');
    // Inflating 2 GiB of zeros takes seconds and, if kept, 2 GiB: this takes milliseconds and nothing.
    expect(elapsed).toBeLessThan(1_000);
    expect(after.rss - before.rss).toBeLessThan(64 * 1024 * 1024);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(64 * 1024 * 1024);
  });

  it('the guard inflates a real DOCX fully and reports what it counted', async () => {
    const check = await checkDocxZip(await makeDocx(), IMPORT_LIMITS);
    expect(check.entries).toContain('word/document.xml');
    expect(check.inflatedBytes).toBe(check.declaredBytes);
  });
});
