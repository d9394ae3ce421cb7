// Safe text extraction for report imports (issue 24): PDF, DOCX or plain text in, text out, or an
// ImportFileError with a code and a sentence for the editor. Nothing here touches the database.
//
//   const { text, format, pages, warnings } = await extractReportText({ bytes, fileName, contentType });
//
// - The real type comes from the file's first bytes (sniff.ts), not from its name or content type.
// - Size limits (limits.ts) are checked before anything is parsed.
// - Plain text is decoded here (text.ts): it is cheap and bounded by the file-size limit.
// - PDF and DOCX are parsed in a worker thread (worker.mjs), one per file, at most
//   `maxConcurrent` at a time, with a V8 heap limit (resourceLimits), a wall-clock timeout and a
//   watchdog on the process's resident memory (which also sees ArrayBuffers, e.g. a PDF stream that
//   inflates to gigabytes, that the heap limit does not); hitting any of them terminates the worker.
//   A hostile file can thus neither block the server's event loop nor exhaust its memory.
//
// How the worker file is found, in every way this code runs:
// - The worker is a plain ES module (worker.mjs, with pdf.mjs, docx.mjs and refusal.mjs beside it)
//   so that Node can start it without a TypeScript loader: vitest and tsx (the CLI) transform the
//   modules they import, but a worker thread is a fresh Node isolate that loads its entry itself.
// - It is started as `new Worker(new URL('./worker.mjs', import.meta.url))`, literally. Under
//   vitest and tsx, import.meta.url is this file's file: URL, so the worker resolves beside it.
//   In the Next.js server build, Turbopack (Next 16's default bundler) recognises exactly this form
//   for node:worker_threads and bundles worker.mjs and its imports as a separate worker entry,
//   resolving the relative URL from this module (support since 16.2; a regression in resolving
//   relative URLs, vercel/next.js#93427, was fixed by #93432 before the 16.4 line this app uses);
//   webpack does the same for `new Worker(new URL(...))`. unpdf, mammoth and yauzl are listed in
//   next.config.js's serverExternalPackages so that the worker bundle loads them from node_modules
//   at run time instead of re-bundling pdf.js. (Not yet checked against a production build: the
//   first route that calls extractReportText should be exercised by an e2e test.)

import { Worker } from 'node:worker_threads';
import { Semaphore } from 'async-mutex';
import { type ImportFileErrorCode, ImportFileError, importFileError, isImportFileErrorCode } from './errors';
import { formatBytes, IMPORT_LIMITS, type ImportLimits } from './limits';
import { sniffFormat } from './sniff';
import { decodeTextFile, normalizeText } from './text';

export { describeImportFileError, ImportFileError, IMPORT_FILE_ERROR_CODES, type ImportFileErrorCode } from './errors';
export { IMPORT_LIMITS, readImportLimits, type ImportLimits } from './limits';

export type ReportFormat = 'pdf' | 'docx' | 'txt';

export type ExtractInput = {
  bytes: Uint8Array;
  /** The uploaded file's name; only used for messages and to spot a misleading extension. */
  fileName?: string;
  /** The content type the client sent; as untrusted as the name. */
  contentType?: string;
};

export type ExtractedReport = {
  /** The text, \n line ends; PDF pages separated by "\n\f" (a form feed starts each new page). */
  text: string;
  format: ReportFormat;
  /** PDFs only: the number of pages. */
  pages?: number;
  /** Things the editor should know that did not stop the import (e.g. pages without text). */
  warnings: string[];
};

type WorkerKind = 'pdf' | 'docx';
type WorkerResult = { text: string; format: WorkerKind; pages?: number; warnings: string[] };
type WorkerMessage = { ok: true; result: WorkerResult } | { ok: false; code: string; detail?: Record<string, string | number | undefined> };

const MB = 1024 * 1024;

let slots: Semaphore | null = null;
function workerSlots(): Semaphore {
  slots ??= new Semaphore(IMPORT_LIMITS.maxConcurrent);
  return slots;
}

/**
 * The text of an uploaded report. Throws ImportFileError for every file it will not import
 * (see errors.ts for the codes); any other exception is a bug.
 *
 * `limits` defaults to IMPORT_LIMITS (from the environment). The number of files parsed at once is
 * always IMPORT_LIMITS.maxConcurrent: it is shared by every caller in the process.
 */
export async function extractReportText(input: ExtractInput, limits: ImportLimits = IMPORT_LIMITS): Promise<ExtractedReport> {
  const { bytes } = input;
  if (bytes.byteLength === 0) throw importFileError('empty_file');
  if (bytes.byteLength > limits.maxFileBytes) {
    throw importFileError('too_large', { size: formatBytes(bytes.byteLength), limit: formatBytes(limits.maxFileBytes) });
  }
  const sniffed = sniffFormat(bytes, input.fileName, input.contentType);

  if (sniffed.format === 'txt') {
    const text = decodeTextFile(bytes);
    if (text.trim() === '') throw importFileError('empty_file');
    if (text.length > limits.maxTextChars)
      throw importFileError('too_large', { what: 'text', limit: `${limits.maxTextChars.toLocaleString('en')} characters` });
    return { text, format: 'txt', warnings: sniffed.warnings };
  }

  const kind: WorkerKind = sniffed.format === 'pdf' ? 'pdf' : 'docx';
  const result = await workerSlots().runExclusive(() => runWorker(kind, bytes, limits));
  const text = normalizeText(result.text);
  if (text.trim() === '') throw importFileError('empty_file');
  return {
    text,
    format: result.format,
    ...(result.pages !== undefined ? { pages: result.pages } : {}),
    warnings: [...sniffed.warnings, ...result.warnings],
  };
}

function refusalToError(code: string, detail: Record<string, string | number | undefined> = {}, kind: WorkerKind): ImportFileError {
  const safe: ImportFileErrorCode = isImportFileErrorCode(code) ? code : kind === 'pdf' ? 'corrupt_pdf' : 'corrupt_docx';
  const str = (key: string) => (typeof detail[key] === 'string' ? detail[key] : undefined);
  const num = (key: string) => (typeof detail[key] === 'number' ? detail[key] : undefined);
  return importFileError(safe, { what: str('what'), limit: str('limit'), pages: num('pages'), maxPages: num('maxPages') });
}

/** Parses one PDF or DOCX in a fresh worker thread, within the time and memory limits. */
function runWorker(kind: WorkerKind, bytes: Uint8Array, limits: ImportLimits): Promise<WorkerResult> {
  return new Promise<WorkerResult>((resolve, reject) => {
    // Keep this expression literal: bundlers recognise `new Worker(new URL('./x', import.meta.url))`.
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
      workerData: { kind, bytes, limits },
      resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // pdf.js and mammoth may print warnings about malformed files: not the server log's business.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();

    let settled = false;
    const baselineRss = process.memoryUsage.rss();
    const settle = (outcome: { result: WorkerResult } | { error: ImportFileError }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watchdog);
      void worker.terminate();
      if ('result' in outcome) resolve(outcome.result);
      else reject(outcome.error);
    };

    const timer = setTimeout(() => settle({ error: importFileError('timeout', { seconds: Math.round(limits.timeoutMs / 1000) }) }), limits.timeoutMs);
    const watchdog = setInterval(() => {
      if (process.memoryUsage.rss() - baselineRss > limits.workerMemoryMb * MB) settle({ error: importFileError('too_complex') });
    }, 50);

    worker.on('message', (message: WorkerMessage) => {
      if (message.ok) settle({ result: message.result });
      else settle({ error: refusalToError(message.code, message.detail, kind) });
    });
    worker.on('error', (error: Error & { code?: string }) => {
      settle({
        error: error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? importFileError('too_complex') : importFileError(kind === 'pdf' ? 'corrupt_pdf' : 'corrupt_docx'),
      });
    });
    worker.on('exit', () => settle({ error: importFileError(kind === 'pdf' ? 'corrupt_pdf' : 'corrupt_docx') }));
  });
}
