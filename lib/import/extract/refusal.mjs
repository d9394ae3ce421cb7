// A file the worker refuses: an ImportFileError code (errors.ts) and the numbers its message needs.
// The worker posts { code, detail } to the main thread, which builds the ImportFileError there.

export class Refusal extends Error {
  /**
   * @param {string} code one of IMPORT_FILE_ERROR_CODES (errors.ts)
   * @param {Record<string, string | number | undefined>} [detail]
   */
  constructor(code, detail = {}) {
    super(code);
    this.name = 'Refusal';
    this.code = code;
    this.detail = detail;
  }
}
