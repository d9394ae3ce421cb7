import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecommendations } from '@/lib/import/parse-report';
import { SEED_REPORTS_DIR } from '@/lib/seminars/seed/run-seed';
import { readableSource, type SourceParagraph } from './readable-source';

const textOf = (paragraph: SourceParagraph) => paragraph.pieces.map((piece) => piece.text).join('');
const highlighted = (paragraphs: SourceParagraph[]) =>
  paragraphs.flatMap((paragraph) => paragraph.pieces.filter((piece) => piece.highlighted).map((piece) => piece.text.trim()));

// A double-spaced extraction: a blank line after every line, two between paragraphs, a page break
// in mid-sentence with its running header and page number.
const DOUBLE_SPACED = [
  'Round table on trade',
  '',
  'Regional Trade Review',
  '',
  '',
  '',
  'The participants met in the capital and discussed the',
  '',
  'state of regional trade.',
  '',
  '',
  '',
  'Recommendations',
  '',
  '',
  '',
  '1. Both governments should set up a joint working group on trade facili-',
  '',
  'tation and meet twice a year.',
  '',
  '2. Tariffs on agricultural goods should be',
  '\f',
  'Regional Trade Review',
  '',
  '7',
  '',
  'reduced step by step.',
  '',
  'Regional Trade Review',
].join('\n');

describe('readable source', () => {
  it('readable source: double spacing, hyphen splits, running headers and page numbers are gone; paragraphs and items stay apart', () => {
    const start = DOUBLE_SPACED.indexOf('Tariffs');
    const end = DOUBLE_SPACED.indexOf('step by step.') + 'step by step.'.length;
    const paragraphs = readableSource(DOUBLE_SPACED, { start, end });
    expect(paragraphs.map(textOf)).toEqual([
      'Round table on trade',
      'The participants met in the capital and discussed the state of regional trade.',
      'Recommendations',
      '1. Both governments should set up a joint working group on trade facilitation and meet twice a year.',
      '2. Tariffs on agricultural goods should be reduced step by step.',
    ]);
    expect(paragraphs.map((paragraph) => paragraph.heading)).toEqual([true, false, true, false, false]);
    // The highlight is the range, across the page break, and nothing else: the marker before it stays plain.
    expect(paragraphs[4]!.pieces).toEqual([
      { text: '2.', highlighted: false },
      { text: ' Tariffs on agricultural goods should be reduced step by step.', highlighted: true },
    ]);
    expect(highlighted(paragraphs.slice(0, 4))).toEqual([]);
  });

  it('readable source: a range out of the text is clamped, an empty one highlights nothing', () => {
    expect(highlighted(readableSource(DOUBLE_SPACED, { start: 5, end: 5 }))).toEqual([]);
    expect(highlighted(readableSource(DOUBLE_SPACED, { start: DOUBLE_SPACED.length + 10, end: DOUBLE_SPACED.length + 20 }))).toEqual([]);
  });

  it('readable source: for every recommendation the sample reports import, the highlight says exactly its stored text', () => {
    const files = readdirSync(SEED_REPORTS_DIR).filter((file) => file.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    let checked = 0;
    for (const file of files) {
      const source = readFileSync(path.join(SEED_REPORTS_DIR, file), 'utf8');
      for (const item of parseRecommendations(source)) {
        expect(highlighted(readableSource(source, item)).join(' '), `${file} ${item.lineStart}`).toBe(item.text);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
