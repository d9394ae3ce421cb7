// Why an uploaded report could not be read: a code for programs (the API's JSON error, tests)
// and one human sentence for the editor (the page, the CLI). Messages never include stack traces,
// file paths of the server or library internals.

export const IMPORT_FILE_ERROR_CODES = [
  'empty_file',
  'too_large',
  'too_many_pages',
  'unsupported_type',
  'type_mismatch',
  'bad_encoding',
  'corrupt_pdf',
  'encrypted_pdf',
  'no_text_layer',
  'corrupt_docx',
  'docx_too_large_uncompressed',
  'too_complex',
  'timeout',
] as const;

export type ImportFileErrorCode = (typeof IMPORT_FILE_ERROR_CODES)[number];

export function isImportFileErrorCode(value: unknown): value is ImportFileErrorCode {
  return typeof value === 'string' && (IMPORT_FILE_ERROR_CODES as readonly string[]).includes(value);
}

/** A file the importer refuses. `message` is a complete sentence meant for the editor. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError';
  readonly code: ImportFileErrorCode;
  /** The HTTP status an API should answer with: 413 for size limits, 422 for the rest. */
  readonly status: 413 | 422;

  constructor(code: ImportFileErrorCode, message: string) {
    super(message);
    this.code = code;
    this.status = code === 'too_large' || code === 'docx_too_large_uncompressed' ? 413 : 422;
  }

  /** The API's JSON body: `{ error: { code, message } }`. */
  toJSON(): { error: { code: ImportFileErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

const OTHER_WAYS = 'Upload a PDF, a DOCX or a plain-text file, or paste the text.';

/** The standard message for each code; `detail` fills in numbers where the message has some. */
export function importFileError(
  code: ImportFileErrorCode,
  detail: { limit?: string; size?: string; pages?: number; maxPages?: number; seconds?: number; what?: string; named?: string; claim?: 'pdf' | 'docx' } = {},
): ImportFileError {
  const messages: Record<ImportFileErrorCode, string> = {
    empty_file: 'The file is empty: there is no text in it to import.',
    too_large:
      detail.what === 'text'
        ? `The file holds more than ${detail.limit ?? 'the allowed amount'} of text. Split the report, or paste the part with the recommendations.`
        : `The file is ${detail.size ?? 'too large'}${detail.size ? ',' : ''} over the ${detail.limit ?? 'upload'} limit. Split the report, or paste the part with the recommendations.`,
    too_many_pages: `The PDF has ${detail.pages ?? 'too many'} pages; the limit is ${detail.maxPages ?? 'lower'}. Upload only the part with the recommendations, or paste it.`,
    unsupported_type: `This file ${detail.what ? `looks like ${detail.what}, which` : 'is of a type that'} the importer cannot read. ${OTHER_WAYS}`,
    type_mismatch: `${
      detail.named
        ? `This file is named ${detail.named} but is not ${detail.claim === 'docx' ? 'a DOCX' : 'a PDF'}`
        : `This file was sent as ${detail.claim === 'docx' ? 'a DOCX' : 'a PDF'} but is not one`
    }${detail.what ? ` (it looks like ${detail.what})` : ''}. Save it again in its real format, or paste the text.`,
    bad_encoding: 'The text file is not in a character encoding the importer reads (UTF-8 or UTF-16). Save it as UTF-8 text and try again, or paste the text.',
    corrupt_pdf: `This PDF is damaged or incomplete${detail.what ? ` (${detail.what})` : ''} and cannot be read. Save or download it again, or paste the text.`,
    encrypted_pdf:
      'This PDF is protected by a password, so its text cannot be read. Remove the protection (or print it to a new PDF) and upload it again, or paste the text.',
    no_text_layer: 'This PDF has no text layer — it looks scanned. The tracker has no OCR: paste the text or upload a DOCX.',
    corrupt_docx: `This DOCX file is damaged or incomplete${detail.what ? ` (${detail.what})` : ''} and cannot be read. Save it again from Word, or paste the text.`,
    docx_too_large_uncompressed: `This DOCX unpacks to more than ${detail.limit ?? 'the allowed size'}${detail.what ? ` (${detail.what})` : ''}, so it was not opened. Save it again without embedded media, or paste the text.`,
    too_complex: 'Reading this file needed more memory than the importer allows, so it was stopped. Paste the text, or upload a smaller part of the report.',
    timeout: `Reading this file took longer than ${detail.seconds ?? 'the time limit of'} seconds, so it was stopped. Paste the text, or upload a smaller part of the report.`,
  };
  return new ImportFileError(code, messages[code]);
}

/** One line for the CLI: the human message with its code, never a stack trace. */
export function describeImportFileError(error: unknown): string {
  if (error instanceof ImportFileError) return `${error.message} (${error.code})`;
  if (error instanceof Error) return `The file could not be read: ${firstLine(error.message) || error.name}`;
  return 'The file could not be read.';
}

function firstLine(text: string): string {
  return (text.split('\n')[0] ?? '').trim().slice(0, 300);
}
