import { describe, expect, it } from 'vitest';
import type { DraftItem } from '@/lib/import/draft-types';
import { addFromSelection, canSplitAt, drop, editText, mergeWithNext, move, overlapping, splitAt, toggleRelated, trimSpan, updateItem } from './draft-editing';
import { sourceSegments } from './source-segments';

const SOURCE = 'Recommendations\n1. Cut tariffs on grain.\n2. Fund rural roads.\n3. Train customs officers and publish wait times.\n';

function span(text: string): { start: number; end: number } {
  const start = SOURCE.indexOf(text);
  if (start === -1) throw new Error(`not in source: ${text}`);
  return { start, end: start + text.length };
}

function item(key: string, text: string, extra: Partial<DraftItem> = {}): DraftItem {
  const found = SOURCE.indexOf(text);
  return {
    key,
    text,
    start: found === -1 ? null : found,
    end: found === -1 ? null : found + text.length,
    themeId: null,
    sectorIds: [],
    suggestion: null,
    acceptedRelatedIds: [],
    ...extra,
  };
}

const A = item('a', 'Cut tariffs on grain.');
const B = item('b', 'Fund rural roads.');
const C = item('c', 'Train customs officers and publish wait times.');
const ITEMS = [A, B, C];

let counter = 0;
const newKey = () => `new-${++counter}`;

describe('editText', () => {
  it('changes the text and keeps the span and key', () => {
    const next = editText(ITEMS, 'b', 'Fund rural roads now.');
    expect(next[1]).toEqual({ ...B, text: 'Fund rural roads now.' });
    expect(next[0]).toBe(A);
    expect(next[2]).toBe(C);
  });
  it('returns the same list for an unknown key or the same text', () => {
    expect(editText(ITEMS, 'zz', 'x')).toBe(ITEMS);
    expect(editText(ITEMS, 'a', A.text)).toBe(ITEMS);
  });
});

describe('updateItem and toggleRelated', () => {
  it('sets the theme and sectors of one item only', () => {
    const next = updateItem(ITEMS, 'c', { themeId: 't1', sectorIds: ['s1', 's2'] });
    expect(next[2]).toMatchObject({ themeId: 't1', sectorIds: ['s1', 's2'], text: C.text });
    expect(next[0]).toBe(A);
  });
  it('accepts and withdraws a related link, once', () => {
    const accepted = toggleRelated(ITEMS, 'a', 'r1', true);
    expect(accepted[0]!.acceptedRelatedIds).toEqual(['r1']);
    expect(toggleRelated(accepted, 'a', 'r1', true)).toBe(accepted);
    expect(toggleRelated(accepted, 'a', 'r1', false)[0]!.acceptedRelatedIds).toEqual([]);
  });
});

describe('mergeWithNext', () => {
  it('joins the texts with a space and takes the union of the spans', () => {
    const next = mergeWithNext(ITEMS, 'a');
    expect(next).toHaveLength(2);
    expect(next[0]).toMatchObject({ key: 'a', text: 'Cut tariffs on grain. Fund rural roads.', start: A.start, end: B.end });
    expect(next[1]).toBe(C);
  });
  it('combines sectors and accepted links without duplicates; keeps the first theme, else the second', () => {
    const items = [
      item('a', A.text, { sectorIds: ['s1'], acceptedRelatedIds: ['r1'] }),
      item('b', B.text, { themeId: 't2', sectorIds: ['s1', 's2'], acceptedRelatedIds: ['r1', 'r2'] }),
    ];
    const [merged] = mergeWithNext(items, 'a');
    expect(merged).toMatchObject({ themeId: 't2', sectorIds: ['s1', 's2'], acceptedRelatedIds: ['r1', 'r2'] });
  });
  it('keeps the span that exists when only one item has one', () => {
    const typed = item('t', 'Something typed by hand.');
    expect(typed.start).toBeNull();
    expect(mergeWithNext([typed, B], 't')[0]).toMatchObject({ start: B.start, end: B.end });
    expect(mergeWithNext([A, typed], 'a')[0]).toMatchObject({ start: A.start, end: A.end });
  });
  it('covers the whole range when the items were reordered', () => {
    const [merged] = mergeWithNext([C, A], 'c');
    expect(merged).toMatchObject({ start: A.start, end: C.end });
  });
  it('does nothing for the last item or an unknown key', () => {
    expect(mergeWithNext(ITEMS, 'c')).toBe(ITEMS);
    expect(mergeWithNext(ITEMS, 'zz')).toBe(ITEMS);
  });
});

describe('splitAt', () => {
  const caret = C.text.indexOf(' and publish');
  it('cuts the text and the span at the caret when the text is the source’s', () => {
    const next = splitAt(ITEMS, 'c', caret, SOURCE, newKey);
    expect(next).toHaveLength(4);
    const [first, second] = next.slice(2);
    expect(first).toMatchObject({ key: 'c', text: 'Train customs officers', ...span('Train customs officers') });
    expect(second).toMatchObject({ text: 'and publish wait times.', ...span('and publish wait times.') });
    expect(second!.key).not.toBe('c');
    expect(SOURCE.slice(first!.start!, first!.end!)).toBe(first!.text);
    expect(SOURCE.slice(second!.start!, second!.end!)).toBe(second!.text);
  });
  it('finds the place in the source by the second part’s words when the text was edited', () => {
    const edited = [A, B, { ...C, text: 'Please train customs officers and publish wait times.' }];
    const at = edited[2]!.text.indexOf('and publish');
    const [, second] = splitAt(edited, 'c', at, SOURCE, newKey).slice(2);
    expect(second).toMatchObject(span('and publish wait times.'));
  });
  it('falls back to the same share of the span, at whitespace, when the words are not in the source', () => {
    const edited = [{ ...C, text: 'Completely different words here, then more words.' }];
    const at = edited[0]!.text.indexOf('then');
    const [first, second] = splitAt(edited, 'c', at, SOURCE, newKey);
    expect(first!.start).toBe(C.start);
    expect(second!.end).toBe(C.end);
    expect(first!.end!).toBeLessThanOrEqual(second!.start!);
    expect(/\s/.test(SOURCE[first!.end!]!)).toBe(true);
  });
  it('gives both parts no span when the item had none', () => {
    const typed = item('t', 'Typed one. Typed two.');
    const [first, second] = splitAt([typed], 't', 'Typed one.'.length, SOURCE, newKey);
    expect(first).toMatchObject({ text: 'Typed one.', start: null, end: null });
    expect(second).toMatchObject({ text: 'Typed two.', start: null, end: null });
  });
  it('keeps theme, sectors and suggestion on both, accepted links on the first only', () => {
    const suggestion = { themeId: 't1', themeConfidence: 0.7, sectors: [], related: [] };
    const rich = { ...C, themeId: 't1', sectorIds: ['s1'], suggestion, acceptedRelatedIds: ['r1'] };
    const [first, second] = splitAt([rich], 'c', caret, SOURCE, newKey);
    expect(first).toMatchObject({ themeId: 't1', sectorIds: ['s1'], suggestion, acceptedRelatedIds: ['r1'] });
    expect(second).toMatchObject({ themeId: 't1', sectorIds: ['s1'], suggestion, acceptedRelatedIds: [] });
  });
  it('refuses a caret at either end or inside leading or trailing whitespace', () => {
    expect(splitAt(ITEMS, 'c', 0, SOURCE, newKey)).toBe(ITEMS);
    expect(splitAt(ITEMS, 'c', C.text.length, SOURCE, newKey)).toBe(ITEMS);
    expect(canSplitAt('  abc', 1)).toBe(false);
    expect(canSplitAt('abc  ', 4)).toBe(false);
    expect(canSplitAt('ab', 1)).toBe(true);
    expect(splitAt(ITEMS, 'zz', 3, SOURCE, newKey)).toBe(ITEMS);
  });
});

describe('drop', () => {
  it('removes the item', () => {
    expect(drop(ITEMS, 'b')).toEqual([A, C]);
    expect(drop(ITEMS, 'zz')).toBe(ITEMS);
  });
});

describe('addFromSelection', () => {
  it('takes the source’s text, trimmed, and inserts it in source order', () => {
    const items = [A, C];
    const { start, end } = span('2. Fund rural roads.');
    const added = addFromSelection(items, SOURCE, start - 1, end + 1, newKey);
    expect(added).not.toBeNull();
    expect(added!.items.map((i) => i.text)).toEqual([A.text, '2. Fund rural roads.', C.text]);
    expect(added!.items[1]).toMatchObject({ key: added!.key, start, end, themeId: null, sectorIds: [], suggestion: null, acceptedRelatedIds: [] });
  });
  it('accepts the selection backwards', () => {
    const { start, end } = span('Fund rural roads.');
    expect(addFromSelection([], SOURCE, end, start, newKey)!.items[0]).toMatchObject({ text: 'Fund rural roads.', start, end });
  });
  it('goes first before every later item, last after every earlier one, and passes over items without a span', () => {
    const typed = item('t', 'Typed by hand.');
    const added = addFromSelection([typed, B, C], SOURCE, ...pair(span('Cut tariffs')), newKey)!;
    expect(added.items.map((i) => i.key)).toEqual(['t', added.key, 'b', 'c']);
    expect(addFromSelection([A, B], SOURCE, ...pair(span('publish wait')), newKey)!.items[2]!.text).toBe('publish wait');
  });
  it('returns null for an empty or whitespace-only selection', () => {
    expect(addFromSelection(ITEMS, SOURCE, 5, 5, newKey)).toBeNull();
    const gap = SOURCE.indexOf('\n');
    expect(addFromSelection(ITEMS, SOURCE, gap, gap + 1, newKey)).toBeNull();
  });
  it('clamps a selection past the ends of the source', () => {
    expect(trimSpan(SOURCE, -5, 15)).toEqual({ start: 0, end: 15 });
    expect(trimSpan(SOURCE, SOURCE.length - 3, SOURCE.length + 10)!.end).toBe(SOURCE.length - 1);
  });
});

describe('move', () => {
  it('swaps with the neighbour', () => {
    expect(move(ITEMS, 'b', -1).map((i) => i.key)).toEqual(['b', 'a', 'c']);
    expect(move(ITEMS, 'b', 1).map((i) => i.key)).toEqual(['a', 'c', 'b']);
  });
  it('does nothing at either end or for an unknown key', () => {
    expect(move(ITEMS, 'a', -1)).toBe(ITEMS);
    expect(move(ITEMS, 'c', 1)).toBe(ITEMS);
    expect(move(ITEMS, 'zz', 1)).toBe(ITEMS);
  });
});

describe('overlapping', () => {
  it('finds the items whose spans meet a range', () => {
    const { start, end } = span('grain.\n2. Fund');
    expect(overlapping(ITEMS, start, end).map((i) => i.key)).toEqual(['a', 'b']);
    expect(overlapping(ITEMS, 0, 5)).toEqual([]);
  });
});

describe('sourceSegments', () => {
  it('covers the whole source in order, marking each span with its items', () => {
    const segments = sourceSegments(20, [
      { key: 'a', number: 1, start: 2, end: 8 },
      { key: 'b', number: 2, start: 5, end: 12 },
    ]);
    expect(segments.map((s) => [s.start, s.end, s.keys])).toEqual([
      [0, 2, []],
      [2, 5, ['a']],
      [5, 8, ['a', 'b']],
      [8, 12, ['b']],
      [12, 20, []],
    ]);
    expect(segments[1]!.starts.map((s) => s.number)).toEqual([1]);
    expect(segments[2]!.starts.map((s) => s.number)).toEqual([2]);
  });
  it('ignores empty spans and clamps spans past the end', () => {
    expect(
      sourceSegments(10, [
        { key: 'a', number: 1, start: 4, end: 4 },
        { key: 'b', number: 2, start: 8, end: 99 },
      ]).map((s) => [s.start, s.end, s.keys]),
    ).toEqual([
      [0, 8, []],
      [8, 10, ['b']],
    ]);
  });
  it('handles 80 spans over a long source quickly', () => {
    const spans = Array.from({ length: 80 }, (_, i) => ({ key: `k${i}`, number: i + 1, start: i * 1000, end: i * 1000 + 600 }));
    const started = performance.now();
    const segments = sourceSegments(100_000, spans);
    expect(performance.now() - started).toBeLessThan(50);
    expect(segments.filter((s) => s.keys.length)).toHaveLength(80);
  });
});

function pair(range: { start: number; end: number }): [number, number] {
  return [range.start, range.end];
}
