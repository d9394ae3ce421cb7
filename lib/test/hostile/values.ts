// fast-check generators of hostile input, shared by the fuzz suites of the API routes and the server
// actions (lib/api/hostile-routes.db.test.ts, lib/auth/hostile-actions.db.test.ts and the long run in
// scripts/reliability/fuzz.reliability.test.ts).
//
// Two families, so every generated case knows what must happen to it:
// - `legalText`: text a person could mean to store (HTML, SQL, scripts, right-to-left marks, control
//   characters other than NUL, emoji): accepted and stored as sent, after trimming;
// - everything else here (`unstorableText`, `wrongType`, `impossibleDate`, `unknownId`, ...): refused.
import fc from 'fast-check';

export const MB = 1024 * 1024;

/** Fragments that would do harm if anything interpreted them: markup, script, SQL, formulas, paths. */
export const HOSTILE_FRAGMENTS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  '<svg><script>window.__xss=1</script></svg>',
  '[click](javascript:window.__xss=1)',
  'javascript:alert(1)',
  '<a href="javascript:alert(1)">x</a>',
  '\'; DROP TABLE "Recommendation"; --',
  "' OR '1'='1",
  '" OR 1=1 --',
  '%s%s%n',
  '${process.exit(1)}',
  '{{constructor.constructor("return process")()}}',
  '=HYPERLINK("http://evil.example","x")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '../../../../etc/passwd',
  '\\\\evil.example\\share',
  '__proto__',
  '%00',
  '\u202Eevil\u202C',
  '\u200F\u0645\u0631\u062D\u0628\u0627 abc \u05E9\u05DC\u05D5\u05DD',
  'Привет 你好 नमस्ते اردو',
  '\u0301\u0301\u0301Z\u0351\u0352\u0357',
  '\uFEFF\u200B\u2060',
  '👩🏽‍💻🏳️‍🌈',
  '\t\u0001\u0002\u001B[31m\u007F\u0085',
] as const;

/** One character that a careful text store keeps as it is. */
const legalChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...'abcXYZ 019.,;:!?<>"\'&/\\=()[]{}|%$#@*+-_\n\t'.split('')) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 0x1f }).map((code) => String.fromCharCode(code)) },
  { weight: 2, arbitrary: fc.integer({ min: 0x80, max: 0xd7ff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xe000, max: 0xffff }).map((code) => String.fromCharCode(code)) },
  { weight: 1, arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((code) => String.fromCodePoint(code)) },
);

/** Legal hostile text of at most `max` characters, with something other than white space in it. */
export function legalText(max: number): fc.Arbitrary<string> {
  const piece = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...HOSTILE_FRAGMENTS) }, { weight: 3, arbitrary: legalChar });
  return (
    fc
      .array(piece, { minLength: 1, maxLength: 12 })
      .map((pieces) => `${pieces.join('')}x`)
      // Cut to the last `max` UTF-16 units (what a length limit counts), never through a surrogate
      // pair: half an emoji is unstorable text, which is refused.
      .map((text) => (text.length > max ? text.slice(text.length - max).replace(/^[\uDC00-\uDFFF]/, '') : text))
      .filter((text) => text.trim() !== '')
  );
}

/**
 * Text with a NUL: PostgreSQL refuses it. (A form cannot carry a lone surrogate: FormData turns it
 * into U+FFFD before it is sent, as a browser's UTF-8 encoding does.)
 */
export const textWithNul: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('\u0000', 'x\u0000y', '\u0000'.repeat(3)), fc.constantFrom('', 'Evidence ', '<b>'), fc.constantFrom('', ' trailing'))
  .map(([bad, before, after]) => `${before}${bad}${after}`);

/** Text no store keeps verbatim: a NUL (PostgreSQL refuses it) or a lone UTF-16 surrogate (UTF-8 cannot encode it). */
export const unstorableText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('\u0000', '\uD800', '\uDFFF', 'a\uDC00b', '\uD83D', 'x\u0000y', '\u0000'.repeat(3)),
    fc.constantFrom('', 'Evidence ', '<b>'),
    fc.constantFrom('', ' trailing'),
  )
  .map(([bad, before, after]) => `${before}${bad}${after}`);

/** `length` times one code point, of one to four UTF-8 bytes: over a limit however it is counted. */
function repeatedUnit(lengths: number[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...lengths), fc.constantFrom('a', 'é', '<', 'ب', '😀')).map(([length, unit]) => unit.repeat(length));
}

/** A string of more than `max` characters, however counted (each unit is one code point): just over, or 1 MB (when that is over). */
export function tooLongText(max: number): fc.Arbitrary<string> {
  return repeatedUnit([max + 1, max + 17, max < MB ? MB : max + 1]);
}

/**
 * Just over `max` characters, for a query value or a path segment. No megabyte: Node's HTTP server
 * answers 431 to a request head over 16 KB before any route sees it, so a URL that long tests nothing
 * the app can receive (and building, encoding and parsing it made the long run's reads a few dozen
 * cases each instead of thousands).
 */
export function tooLongForUrl(max: number): fc.Arbitrary<string> {
  return repeatedUnit([max + 1, max + 17]);
}

/** A JSON value of the wrong type for a string field. */
export const notAString: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 0.5),
  fc.boolean(),
  fc.constant({}),
  fc.constant([]),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

/** Dates that do not exist or are not written as YYYY-MM-DD. */
export const impossibleDate: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-04-31',
    '0000-00-00',
    '99999-01-01',
    '-2024-01-01',
    '2024/01/01',
    '01-02-2024',
    '2024-1-1',
    'yesterday',
    'NaN',
    '1e10',
    '2024-01-01T25:61:00Z',
    '2024-01-01\u0000',
    '٢٠٢٤-٠١-٠١',
  ),
  fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${m}-${String(d).padStart(2, '0')}`),
  fc
    .tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 32, max: 99 }))
    .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${d}`),
);

/** Ids nothing has: random, empty-looking, SQL, markup, very long. */
export const unknownId: fc.Arbitrary<string> = fc.oneof(
  fc.uuid(),
  fc.stringMatching(/^[a-z0-9]{25}$/),
  fc.constantFrom("1' OR '1'='1", '<script>', '../admin', '%2e%2e', '٣', 'R-9999-R99', 'ｃｌ１２３', '\u202Eabc'),
);

/** Numbers no version, count or position can be. */
export const badNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(-1, 0, 1.5, -1e308, Number.NaN, '12abc', '', 'one', '0x10', '1e-3', ' ', '-0.5', '1,000'),
  fc.integer({ max: 0 }),
  fc.double({ noInteger: true, noDefaultInfinity: true, noNaN: true }),
);

/** Keys a careless merge might act on, and random ones: every schema must drop them. */
export const extraFields: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'id', 'role', 'createdById', 'isAdmin', 'version'), fc.string({ maxLength: 12 })),
  fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant({ role: 'ADMIN' })),
  { maxKeys: 4 },
);

/**
 * Bodies that are not JSON at all. Never blank: a blank body is no body, which a DELETE may have
 * (app/api/v1/imports/[id]/route.ts), so it is not hostile.
 */
export const badJson: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('{', '{"a":', '{"a":1,}', "{'a':1}", 'undefined', 'NaN', '\u0000', '[1,2', '{"a":"\uD800"', '<xml/>', 'a=1&b=2', '--boundary'),
  fc.string({ minLength: 1, maxLength: 40 }).filter((text) => {
    if (text.trim() === '') return false;
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);

/** JSON bodies that are valid JSON but not an object. */
export const notAnObject: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.integer(),
  fc.string({ maxLength: 10 }),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.boolean(),
);

/** Content types a JSON route must refuse. */
export const wrongContentType: fc.Arbitrary<string> = fc.constantFrom(
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'image/png',
  'application/octet-stream',
);
