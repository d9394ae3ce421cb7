// A seminar's code prefix, the first part of its recommendations' codes (2015-R03). Existing
// prefixes ("2015", "2012") never change. A new seminar gets its year; further seminars of that
// year get the year and a capital letter: 2026, 2026B, 2026C, ..., 2026Z, 2026ZA, 2026ZB, ...
// Capitals because the item page finds a code typed in lower case by upper-casing it; and so each
// sorts after the ones before it ("2026-R01" < "2026B-R01" < ... < "2026Z-R01" < "2026ZA-R01").

const LETTERS = 'BCDEFGHIJKLMNOPQRSTUVWXYZ';

/** The n-th prefix of a year: 0 is the year itself, 1 "B", ..., 25 "Z", 26 "ZB", ..., 50 "ZZ", 51 "ZZB", ... */
export function codePrefixFor(year: number, n: number): string {
  if (n === 0) return String(year);
  const rounds = Math.floor((n - 1) / LETTERS.length);
  return `${year}${'Z'.repeat(rounds)}${LETTERS[(n - 1) % LETTERS.length]}`;
}

/** Which n a prefix of `year` is (codePrefixFor's inverse), or null for a prefix of another form. */
export function codePrefixIndex(year: number, prefix: string): number | null {
  if (!prefix.startsWith(String(year))) return null;
  const suffix = prefix.slice(String(year).length);
  if (suffix === '') return 0;
  if (!/^Z*[B-Z]$/.test(suffix)) return null;
  return (suffix.length - 1) * LETTERS.length + LETTERS.indexOf(suffix.at(-1)!) + 1;
}

/** The next prefix for a seminar of `year`, after every prefix of that year already taken. */
export function nextCodePrefix(year: number, taken: Iterable<string>): string {
  let next = 0;
  for (const prefix of taken) {
    const index = codePrefixIndex(year, prefix);
    if (index !== null && index >= next) next = index + 1;
  }
  return codePrefixFor(year, next);
}
