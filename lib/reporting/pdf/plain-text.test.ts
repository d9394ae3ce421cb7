import { describe, expect, it } from 'vitest';
import { markdownToPlainText } from './plain-text';

describe('evidence notes as plain text for the PDF', () => {
  it('plain text: drops emphasis, code, heading, quote and list marks; keeps links as text and address', () => {
    expect(markdownToPlainText('A working group met. *Sample data.*')).toBe('A working group met. Sample data.');
    expect(markdownToPlainText('**Signed** on _Monday_ in `Room 2`')).toBe('Signed on Monday in Room 2');
    expect(markdownToPlainText('# Minutes\n> quoted\n- one\n2. two')).toBe('Minutes\nquoted\none\ntwo');
    expect(markdownToPlainText('See [the notice](https://example.org/n?a=1) and <https://example.org>')).toBe(
      'See the notice (https://example.org/n?a=1) and https://example.org',
    );
  });

  it('plain text: leaves ordinary punctuation alone', () => {
    expect(markdownToPlainText('5 * 3 = 15, snake_case_name, 2015-R03 (draft)')).toBe('5 * 3 = 15, snake_case_name, 2015-R03 (draft)');
    expect(markdownToPlainText('Price \\*not\\* final')).toBe('Price *not* final');
  });
});
