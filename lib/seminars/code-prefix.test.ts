import { describe, expect, it } from 'vitest';
import { recommendationCode } from '@/lib/recommendations/code';
import { codePrefixFor, codePrefixIndex, nextCodePrefix } from './code-prefix';

describe('seminar code prefixes', () => {
  it('code prefix: the first seminar of a year gets the year, the next ones a capital letter', () => {
    expect(nextCodePrefix(2026, [])).toBe('2026');
    expect(nextCodePrefix(2026, ['2015', '2012'])).toBe('2026');
    expect(nextCodePrefix(2026, ['2026'])).toBe('2026B');
    expect(nextCodePrefix(2026, ['2026', '2026B', '2027'])).toBe('2026C');
    // After the highest taken, never in a gap: a prefix is never given twice.
    expect(nextCodePrefix(2026, ['2026C'])).toBe('2026D');
    // Prefixes of another form (older data, test seminars) are left alone.
    expect(nextCodePrefix(2015, ['2015', 'S2015X', '2015-old'])).toBe('2015B');
  });

  it('code prefix: every prefix of a year reads back to its number, and each sorts after the one before', () => {
    let previous = '';
    for (let n = 0; n < 120; n += 1) {
      const prefix = codePrefixFor(2026, n);
      expect(codePrefixIndex(2026, prefix)).toBe(n);
      const code = recommendationCode(prefix, 1);
      expect(code > previous, `${code} after ${previous}`).toBe(true);
      expect(code.toUpperCase()).toBe(code);
      previous = code;
    }
    expect(codePrefixFor(2026, 25)).toBe('2026Z');
    expect(codePrefixFor(2026, 26)).toBe('2026ZB');
  });
});
