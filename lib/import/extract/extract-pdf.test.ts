// PDF extraction end to end: real PDFs made here (pdf-lib, or by hand), parsed in the worker thread.
import { describe, expect, it } from 'vitest';
import { ImportFileError } from './errors';
import { parseRecommendations } from '../parse-report';
import { extractReportText } from './index';
import { IMPORT_LIMITS, type ImportLimits } from './limits';
import { makeEncryptedPdf, makeImageOnlyPdf, makePdf, makePdfStreamBomb, reportPage } from './test-fixtures';

async function refusal(promise: Promise<unknown>): Promise<ImportFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportFileError);
  return error as ImportFileError;
}

const limits = (overrides: Partial<ImportLimits>): ImportLimits => ({ ...IMPORT_LIMITS, ...overrides });

describe('PDF text', { timeout: 60_000 }, () => {
  it('keeps lines, paragraph gaps and indentation, and separates pages with a form feed', async () => {
    const bytes = await makePdf([
      [
        'Seminar Report',
        '',
        'Recommendations',
        '',
        '1. Governments should fund the agreements and make',
        '   sure that they are enforced.',
        '2. Donors should coordinate.',
        '',
        '1',
      ],
      ['Seminar Report', '', '3. Universities should open their data.', '', '2'],
    ]);
    const result = await extractReportText({ bytes, fileName: 'report.pdf', contentType: 'application/pdf' });
    expect(result).toEqual({
      text: [
        'Seminar Report',
        '',
        'Recommendations',
        '',
        '1. Governments should fund the agreements and make',
        '  sure that they are enforced.',
        '2. Donors should coordinate.',
        '',
        '1',
        '\fSeminar Report',
        '',
        '3. Universities should open their data.',
        '',
        '2',
      ].join('\n'),
      format: 'pdf',
      pages: 2,
      warnings: [],
    });
  });

  it('drops a running header and page-number footer drawn after the body (as a browser prints), whatever their length', async () => {
    const title = 'Report of the Standing Committee on Regional Water Cooperation (Second Session) — List of …';
    const bytes = await makePdf(
      [
        ['Recommendations', '', '1. Governments should fund the agreements.', '2. Donors should coordinate their support and'],
        ['   report on it every year.', '3. Universities should open their data.'],
        ['4. The secretariat should publish a review.'],
      ],
      { header: () => title, footer: (n, of) => `${n}/${of}` },
    );
    const result = await extractReportText({ bytes, fileName: 'printed.pdf' });
    expect(result.text).not.toContain('Standing Committee');
    expect(result.text).not.toMatch(/\d\/3/);
    expect(parseRecommendations(result.text).map((r) => r.text)).toEqual([
      'Governments should fund the agreements.',
      'Donors should coordinate their support and report on it every year.',
      'Universities should open their data.',
      'The secretariat should publish a review.',
    ]);
  });

  it('keeps a line that repeats at the same height on only some pages, and any repeat in a 2-page PDF', async () => {
    const pages = [
      ['Interim findings', '', 'Text one.'],
      ['Interim findings', '', 'Text two.'],
      ['Other heading', '', 'Text three.'],
      ['Another heading', '', 'Text four.'],
    ];
    const four = await extractReportText({ bytes: await makePdf(pages), fileName: 'four.pdf' });
    expect(four.text.match(/Interim findings/g)).toHaveLength(2);
    const two = await extractReportText({ bytes: await makePdf(pages.slice(0, 2), { footer: (n, of) => `${n}/${of}` }), fileName: 'two.pdf' });
    expect(two.text.match(/Interim findings/g)).toHaveLength(2);
    expect(two.text).toContain('1/2');
  });

  it('a real PDF under a .txt name is read as a PDF, with a warning', async () => {
    const bytes = await makePdf([['Only line']]);
    const result = await extractReportText({ bytes, fileName: 'report.txt' });
    expect(result.format).toBe('pdf');
    expect(result.text).toBe('Only line');
    expect(result.warnings).toEqual(['The file is named .txt but is a PDF; it was read as a PDF.']);
  });

  it('parses a 100-page PDF in under 10 seconds', async () => {
    const bytes = await makePdf(Array.from({ length: 100 }, (_, i) => reportPage(i + 1)));
    const started = performance.now();
    const result = await extractReportText({ bytes, fileName: 'long.pdf' });
    const elapsed = performance.now() - started;
    console.log(`100-page PDF (${Math.round(bytes.length / 1024)} KB): ${Math.round(elapsed)} ms`);
    expect(elapsed).toBeLessThan(10_000);
    expect(result.pages).toBe(100);
    expect(result.text.split('\f')).toHaveLength(100);
    expect(result.text).toContain('800. The participants recommended');
    // The running header goes (same line, same place, every page); numbered items at the same place on every page stay.
    expect(result.text).not.toContain('Seminar Report');
    expect(result.text).toContain('\f9. The participants recommended');
  });
});

describe('bad PDFs', { timeout: 60_000 }, () => {
  it('an encrypted (password) PDF', async () => {
    const error = await refusal(extractReportText({ bytes: makeEncryptedPdf(), fileName: 'secret.pdf' }));
    expect(error.code).toBe('encrypted_pdf');
    expect(error.message).toContain('password');
  });

  it('a scanned PDF with no text layer says there is no OCR', async () => {
    const error = await refusal(extractReportText({ bytes: await makeImageOnlyPdf(), fileName: 'scan.pdf' }));
    expect(error.code).toBe('no_text_layer');
    expect(error.message).toBe('This PDF has no text layer — it looks scanned. The tracker has no OCR: paste the text or upload a DOCX.');
  });

  it('a PDF with some scanned pages is read, with a warning', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.load(await makePdf([['Page one text']]));
    const scanned = await PDFDocument.load(await makeImageOnlyPdf(2));
    for (const page of await doc.copyPages(scanned, [0, 1])) doc.addPage(page);
    const result = await extractReportText({ bytes: await doc.save(), fileName: 'mixed.pdf' });
    expect(result.pages).toBe(3);
    expect(result.text).toBe('Page one text\n\f\n\f');
    expect(result.warnings).toEqual(['2 of 3 pages have no text layer (scanned or images): their text, if any, is missing. The tracker has no OCR.']);
  });

  it('a truncated PDF', async () => {
    const bytes = await makePdf([reportPage(1), reportPage(2)]);
    const error = await refusal(extractReportText({ bytes: bytes.subarray(0, Math.floor(bytes.length * 0.6)), fileName: 'cut.pdf' }));
    expect(error.code).toBe('corrupt_pdf');
    expect(error.message).toContain('cut short');
  });

  it('a PDF header followed by junk', async () => {
    const junk = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 'x'), Buffer.from('\n%%EOF\n')]);
    const error = await refusal(extractReportText({ bytes: new Uint8Array(junk), fileName: 'junk.pdf' }));
    expect(error.code).toBe('corrupt_pdf');
  });

  it('more pages than the limit', async () => {
    const bytes = await makePdf(Array.from({ length: 6 }, (_, i) => [`Page ${i + 1}`]));
    const error = await refusal(extractReportText({ bytes, fileName: 'long.pdf' }, limits({ maxPdfPages: 5 })));
    expect(error.code).toBe('too_many_pages');
    expect(error.message).toBe('The PDF has 6 pages; the limit is 5. Upload only the part with the recommendations, or paste it.');
  });

  it('a parse that runs past the time limit is stopped', async () => {
    const bytes = await makePdf([['Some text']]);
    const error = await refusal(extractReportText({ bytes, fileName: 'slow.pdf' }, limits({ timeoutMs: 5 })));
    expect(error.code).toBe('timeout');
  });

  it('a parser that runs out of heap is stopped, and the server goes on', async () => {
    const bytes = await makePdf([['Some text']]);
    const error = await refusal(extractReportText({ bytes, fileName: 'heavy.pdf' }, limits({ workerHeapMb: 2 })));
    expect(error.code).toBe('too_complex');
    expect((await extractReportText({ bytes, fileName: 'fine.pdf' })).text).toBe('Some text');
  });

  it('a PDF stream that inflates to 1 GiB is stopped by the memory watchdog', async () => {
    const bytes = await makePdfStreamBomb(1024 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const started = performance.now();
    const error = await refusal(extractReportText({ bytes, fileName: 'bomb.pdf' }, limits({ workerMemoryMb: 96 })));
    expect(error.code).toBe('too_complex');
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
