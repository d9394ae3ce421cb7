import { describe, expect, it } from 'vitest';
import { sparklinePath } from './theme-sparkline';

describe('theme panel sparkline', () => {
  it('draws through the quarters with a figure, 100% at the top, with a gap where there is none and a dash for a lone point', () => {
    expect(sparklinePath([0, 50, 100])).toBe('M0,100L1,50L2,0');
    expect(sparklinePath([null, 25, 25, null, 80, null])).toBe('M1,75L2,75M3.7,20H4.3');
    expect(sparklinePath([null, null])).toBe('');
  });
});
