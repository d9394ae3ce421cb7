// DOCX extraction end to end (real DOCX files made with the `docx` package, parsed in the worker),
// and the zip-bomb guard, also run in this process to measure its time and memory.
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { checkDocxZip, formatNumber, readWordNumbering } from './docx.mjs';
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
        // The sub-list's Word format is "%2)": markers come out as Word renders them.
        '    a) progress on each agreement;',
        '    b) funding gaps.',
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

  it('numbers Word lists as Word renders them: start values, "(a)", roman and upper-case formats, "%1.%2.", restarts', async () => {
    const level = (lvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, start = 1) => ({
      level: lvl,
      format,
      text,
      start,
      alignment: AlignmentType.START,
    });
    const doc = new Document({
      numbering: {
        config: [
          { reference: 'from6', levels: [level(0, LevelFormat.DECIMAL, '%1.', 6), level(1, LevelFormat.LOWER_LETTER, '(%2)')] },
          { reference: 'roman', levels: [level(0, LevelFormat.LOWER_ROMAN, '%1.', 4)] },
          { reference: 'upper', levels: [level(0, LevelFormat.UPPER_LETTER, '%1.'), level(1, LevelFormat.UPPER_ROMAN, '%2)')] },
          { reference: 'legal', levels: [level(0, LevelFormat.DECIMAL, '%1.', 8), level(1, LevelFormat.DECIMAL, '%1.%2.')] },
          { reference: 'plain', levels: [level(0, LevelFormat.DECIMAL, '%1.')] },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: 'Recommendations' }),
            new Paragraph({ text: 'Fund the agreements.', numbering: { reference: 'from6', level: 0 } }),
            new Paragraph({ text: 'Publish a review of:', numbering: { reference: 'from6', level: 0 } }),
            new Paragraph({ text: 'progress;', numbering: { reference: 'from6', level: 1 } }),
            new Paragraph({ text: 'gaps.', numbering: { reference: 'from6', level: 1 } }),
            new Paragraph({ text: 'Open the data.', numbering: { reference: 'roman', level: 0 } }),
            new Paragraph({ text: 'Train staff.', numbering: { reference: 'roman', level: 0 } }),
            new Paragraph({ text: 'Energy', numbering: { reference: 'upper', level: 0 } }),
            new Paragraph({ text: 'Build grids.', numbering: { reference: 'upper', level: 1 } }),
            new Paragraph({ text: 'Water', numbering: { reference: 'upper', level: 0 } }),
            new Paragraph({ text: 'Share rivers.', numbering: { reference: 'upper', level: 1 } }),
            new Paragraph({ text: 'The Government supports them:', numbering: { reference: 'legal', level: 0 } }),
            new Paragraph({ text: 'Ratify the conventions.', numbering: { reference: 'legal', level: 1 } }),
            new Paragraph({ text: 'Report each year.', numbering: { reference: 'legal', level: 1 } }),
            new Paragraph({ text: 'A first list.', numbering: { reference: 'plain', level: 0, instance: 1 } }),
            new Paragraph({ text: 'Its second item.', numbering: { reference: 'plain', level: 0, instance: 1 } }),
            new Paragraph({ text: 'Another list, numbered from 1 again.', numbering: { reference: 'plain', level: 0, instance: 2 } }),
          ],
        },
      ],
    });
    const { text } = await extractReportText({ bytes: new Uint8Array(await Packer.toBuffer(doc)), fileName: 'lists.docx' });
    expect(text.split('\n').filter((l) => l.trim() !== '')).toEqual([
      'Recommendations',
      '6. Fund the agreements.',
      '7. Publish a review of:',
      '    (a) progress;',
      '    (b) gaps.',
      'iv. Open the data.',
      'v. Train staff.',
      'A. Energy',
      '    I) Build grids.',
      'B. Water',
      '    I) Share rivers.',
      '8. The Government supports them:',
      '    8.1. Ratify the conventions.',
      '    8.2. Report each year.',
      '1. A first list.',
      '2. Its second item.',
      '1. Another list, numbered from 1 again.',
    ]);
  });

  it('reads numbering.xml: levels, w:num instances with start overrides, list style links', () => {
    const xml = [
      '<w:numbering>',
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>',
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl></w:abstractNum>',
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>',
      '</w:numbering>',
    ].join('');
    const numbering = readWordNumbering(xml);
    expect(numbering.abstractNums.get('0')?.get(0)).toEqual({ start: 3, numFmt: 'upperRoman', lvlText: '%1.', isLgl: false });
    expect(numbering.nums.get('2')?.startOverrides.get(0)).toBe(10);
    expect(['decimal', 'lowerLetter', 'upperLetter', 'lowerRoman', 'upperRoman', 'decimalZero'].map((f) => formatNumber(9, f))).toEqual([
      '9',
      'i',
      'I',
      'ix',
      'IX',
      '09',
    ]);
    expect(formatNumber(27, 'lowerLetter')).toBe('aa');
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
