// Spreadsheet apps run a CSV cell that starts with =, +, -, @ (or a tab or carriage return, which
// some strip first) as a formula: a title like =HYPERLINK(...) typed into the tracker would run on
// the reader's machine (OWASP "CSV injection"). Such text is prefixed with a single quote, which the
// apps show as text. Only text cells: numbers and dates are written by us and never start so.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
