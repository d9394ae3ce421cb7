import { describe, expect, it } from 'vitest';
import { splitUrls, textWidth, wrapUrl } from './wrap-url';

const URL = 'https://www.finance.gov.example/reports/2024/annual-review/implementation-of-the-joint-working-group-recommendations.pdf?lang=en&page=12';

describe('web addresses in the PDF', () => {
  it('pdf url: wrapped lines put together give the address back, each line fits and ends at a separator', () => {
    const lines = wrapUrl(URL, 160, 8);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join('')).toBe(URL);
    for (const line of lines) expect(textWidth(line, 8)).toBeLessThanOrEqual(160);
    // Every line but the last ends after a separator the address has anyway: nothing is cut mid-word.
    for (const line of lines.slice(0, -1)) expect('/?&=-._~').toContain(line.at(-1));
    expect(lines).toContain('https://www.finance.gov.example/');
    expect(lines[0]!.startsWith('https://')).toBe(true);
  });

  it('pdf url: a short address stays on one line', () => {
    expect(wrapUrl('https://example.org/a', 200, 8)).toEqual(['https://example.org/a']);
  });

  it('pdf url: addresses are taken out of running text without their trailing punctuation', () => {
    expect(splitUrls('See https://example.org/plan.pdf. Also www.example.org/x, done')).toEqual([
      { text: 'See' },
      { url: 'https://example.org/plan.pdf' },
      { text: '. Also' },
      { url: 'www.example.org/x' },
      { text: ', done' },
    ]);
  });
});
