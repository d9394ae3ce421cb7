// The fuzz suites trust their generators: text from `legalText` must be accepted, so it has to be
// storable text within its limit. (A cut through an emoji once made a lone surrogate, which the app
// rightly refused, and the long run failed now and then.)
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { legalText } from './values';

it('legal text is well-formed (no lone surrogate), within its limit, and not blank', () => {
  for (const max of [1, 2, 80, 200]) {
    fc.assert(
      fc.property(legalText(max), (text) => {
        expect(text.isWellFormed()).toBe(true);
        expect(text.length).toBeLessThanOrEqual(max);
        expect(text.trim()).not.toBe('');
      }),
      { numRuns: 5000 },
    );
  }
});
