// Limits on what a report import will read. One place, with an environment override for each.
//
// | limit                        | default | environment variable               |
// | ---------------------------- | ------- | ---------------------------------- |
// | file size                    | 20 MB   | IMPORT_MAX_FILE_MB                 |
// | PDF pages                    | 300     | IMPORT_MAX_PDF_PAGES               |
// | DOCX uncompressed, all files | 200 MB  | IMPORT_MAX_DOCX_UNCOMPRESSED_MB    |
// | DOCX uncompressed, one file  | 200 MB  | IMPORT_MAX_DOCX_ENTRY_MB           |
// | DOCX files in the archive    | 10,000  | IMPORT_MAX_DOCX_ENTRIES            |
// | extracted text               | 5 M chars | IMPORT_MAX_TEXT_CHARS            |
// | wall-clock time per file     | 30 s    | IMPORT_TIMEOUT_SECONDS             |
// | parser's JS heap (worker)    | 512 MB  | IMPORT_WORKER_HEAP_MB              |
// | process memory growth while a file is parsed (all memory, buffers too) | 1024 MB | IMPORT_WORKER_MEMORY_MB |
// | files parsed at once         | 2       | IMPORT_MAX_CONCURRENT              |
//
// MB here is 2^20 bytes. A variable that is unset, empty, not a number or not positive leaves the
// default in force (the server must start even with a typo in its environment).

export type ImportLimits = {
  /** Largest accepted upload, in bytes. */
  maxFileBytes: number;
  /** Most pages a PDF may have. */
  maxPdfPages: number;
  /** Most bytes all the files of a DOCX (a ZIP archive) may inflate to, declared and actual. */
  maxDocxUncompressedBytes: number;
  /** Most bytes one file inside a DOCX may inflate to, declared and actual. */
  maxDocxEntryBytes: number;
  /** Most files inside a DOCX archive. */
  maxDocxEntries: number;
  /** Most characters of extracted text. */
  maxTextChars: number;
  /** Wall-clock time for parsing one PDF or DOCX (the worker is terminated after it). */
  timeoutMs: number;
  /** The parsing worker's V8 old-generation heap. */
  workerHeapMb: number;
  /** How far the process's resident memory may grow while one file is parsed (catches ArrayBuffer growth, which the heap limit does not). */
  workerMemoryMb: number;
  /** Files parsed at the same time; more wait their turn. */
  maxConcurrent: number;
};

const MB = 1024 * 1024;

function positive(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** The limits as set by the environment (see the table above). */
export function readImportLimits(env: Record<string, string | undefined> = process.env): ImportLimits {
  return {
    maxFileBytes: Math.floor(positive(env, 'IMPORT_MAX_FILE_MB', 20) * MB),
    maxPdfPages: Math.floor(positive(env, 'IMPORT_MAX_PDF_PAGES', 300)),
    maxDocxUncompressedBytes: Math.floor(positive(env, 'IMPORT_MAX_DOCX_UNCOMPRESSED_MB', 200) * MB),
    maxDocxEntryBytes: Math.floor(positive(env, 'IMPORT_MAX_DOCX_ENTRY_MB', 200) * MB),
    maxDocxEntries: Math.floor(positive(env, 'IMPORT_MAX_DOCX_ENTRIES', 10_000)),
    maxTextChars: Math.floor(positive(env, 'IMPORT_MAX_TEXT_CHARS', 5_000_000)),
    timeoutMs: Math.floor(positive(env, 'IMPORT_TIMEOUT_SECONDS', 30) * 1000),
    workerHeapMb: Math.floor(positive(env, 'IMPORT_WORKER_HEAP_MB', 512)),
    workerMemoryMb: Math.floor(positive(env, 'IMPORT_WORKER_MEMORY_MB', 1024)),
    maxConcurrent: Math.max(1, Math.floor(positive(env, 'IMPORT_MAX_CONCURRENT', 2))),
  };
}

/** The limits in force, read once from the environment when the server starts. */
export const IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze(readImportLimits());

/** "20 MB", "1.5 MB", "300 KB": for messages. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
