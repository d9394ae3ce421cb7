// The review screen's edits to a draft's proposed items, as pure functions: each takes the items
// (and, where it needs it, the draft's source text) and returns the new list. An edit that cannot
// apply (an unknown key, a split at the very start or end, an empty selection) returns the same
// array, so callers can tell "nothing changed" by identity.
//
// Spans are [start, end) character offsets into the stored source text; an item the editor typed
// or changed beyond recognition may have none (null).
import type { DraftItem } from '@/lib/import/draft-types';

/** A fresh key for an item made by a split or a selection (crypto.randomUUID in the browser). */
export type KeyMaker = () => string;

function indexOf(items: readonly DraftItem[], key: string): number {
  return items.findIndex((item) => item.key === key);
}

function replaceAt(items: readonly DraftItem[], index: number, replacement: DraftItem[], count = 1): DraftItem[] {
  return [...items.slice(0, index), ...replacement, ...items.slice(index + count)];
}

function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])];
}

export function editText(items: DraftItem[], key: string, text: string): DraftItem[] {
  const index = indexOf(items, key);
  const item = items[index];
  if (!item || item.text === text) return items;
  return replaceAt(items, index, [{ ...item, text }]);
}

/** Any other field of one item: its theme, sectors or accepted links. */
export function updateItem(items: DraftItem[], key: string, change: Partial<Pick<DraftItem, 'themeId' | 'sectorIds' | 'acceptedRelatedIds'>>): DraftItem[] {
  const index = indexOf(items, key);
  const item = items[index];
  if (!item) return items;
  return replaceAt(items, index, [{ ...item, ...change }]);
}

export function toggleRelated(items: DraftItem[], key: string, relatedId: string, accepted: boolean): DraftItem[] {
  const item = items[indexOf(items, key)];
  if (!item || item.acceptedRelatedIds.includes(relatedId) === accepted) return items;
  const acceptedRelatedIds = accepted ? [...item.acceptedRelatedIds, relatedId] : item.acceptedRelatedIds.filter((id) => id !== relatedId);
  return updateItem(items, key, { acceptedRelatedIds });
}

/**
 * The item and the one after it become one: the texts joined by a space (a recommendation the
 * parser cut in two), the span the union of both when both have one (else the one that exists).
 * The first item's key, theme and suggestion stay; sectors and accepted links are combined.
 */
export function mergeWithNext(items: DraftItem[], key: string): DraftItem[] {
  const index = indexOf(items, key);
  const first = items[index];
  const second = items[index + 1];
  if (!first || !second) return items;
  const bothSpans = first.start !== null && first.end !== null && second.start !== null && second.end !== null;
  const span = bothSpans
    ? { start: Math.min(first.start!, second.start!), end: Math.max(first.end!, second.end!) }
    : first.start !== null && first.end !== null
      ? { start: first.start, end: first.end }
      : { start: second.start, end: second.end };
  const merged: DraftItem = {
    ...first,
    text: [first.text.trimEnd(), second.text.trimStart()].filter(Boolean).join(' '),
    ...span,
    themeId: first.themeId ?? second.themeId,
    sectorIds: union(first.sectorIds, second.sectorIds),
    suggestion: first.suggestion ?? second.suggestion,
    acceptedRelatedIds: union(first.acceptedRelatedIds, second.acceptedRelatedIds),
  };
  return replaceAt(items, index, [merged], 2);
}

/** Whether splitting the item's text at `caret` leaves text on both sides. */
export function canSplitAt(text: string, caret: number): boolean {
  return caret > 0 && caret < text.length && text.slice(0, caret).trim() !== '' && text.slice(caret).trim() !== '';
}

/**
 * Where in the source the item's text at `caret` is: exact when the text is still the source's
 * (the usual case: the editor only put the caret there), found by the second part's opening words
 * when the text was edited, else the same share of the span, moved to the nearest whitespace.
 */
function sourceCut(source: string, start: number, end: number, text: string, caret: number): number {
  const spanText = source.slice(start, end);
  if (spanText === text) return start + caret;
  const head = text.slice(caret).trimStart().slice(0, 40);
  const found = head ? spanText.indexOf(head, 1) : -1;
  if (found > 0 && spanText.indexOf(head, found + 1) === -1) return start + found;
  const guess = start + Math.round((caret / Math.max(text.length, 1)) * (end - start));
  for (let distance = 0; distance < 40; distance++) {
    if (/\s/.test(source[guess + distance] ?? '') && guess + distance < end) return guess + distance;
    if (/\s/.test(source[guess - distance] ?? '') && guess - distance > start) return guess - distance;
  }
  return guess;
}

/** Start and end moved inwards past whitespace; null when nothing but whitespace is between them. */
export function trimSpan(source: string, start: number, end: number): { start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(source.length, Math.max(start, end));
  while (from < to && /\s/.test(source[from]!)) from++;
  while (to > from && /\s/.test(source[to - 1]!)) to--;
  return from < to ? { start: from, end: to } : null;
}

/**
 * The item becomes two at the caret (an offset into its text): the text before it, and after it
 * (each trimmed). Spans are cut at the matching place in the source. The new second item has a new
 * key, keeps the theme, sectors and suggestion, and no accepted links (they were chosen for the
 * whole text; they stay with the first).
 */
export function splitAt(items: DraftItem[], key: string, caret: number, source: string, newKey: KeyMaker): DraftItem[] {
  const index = indexOf(items, key);
  const item = items[index];
  if (!item || !canSplitAt(item.text, caret)) return items;
  let firstSpan: { start: number | null; end: number | null } = { start: null, end: null };
  let secondSpan: { start: number | null; end: number | null } = { start: null, end: null };
  if (item.start !== null && item.end !== null) {
    const cut = sourceCut(source, item.start, item.end, item.text, caret);
    firstSpan = trimSpan(source, item.start, cut) ?? { start: item.start, end: cut };
    secondSpan = trimSpan(source, cut, item.end) ?? { start: cut, end: item.end };
  }
  const first: DraftItem = { ...item, text: item.text.slice(0, caret).trimEnd(), ...firstSpan };
  const second: DraftItem = { ...item, key: newKey(), text: item.text.slice(caret).trimStart(), ...secondSpan, acceptedRelatedIds: [] };
  return replaceAt(items, index, [first, second]);
}

export function drop(items: DraftItem[], key: string): DraftItem[] {
  const index = indexOf(items, key);
  return index === -1 ? items : replaceAt(items, index, []);
}

/**
 * A new item from the editor's selection in the source (offsets, either order): its text is the
 * source's, whitespace at either end left out. It goes where the source order puts it: before the
 * first item that starts after it (items without a span are passed over). Returns the items and
 * the new item's key, or null when the selection holds no text.
 */
export function addFromSelection(
  items: DraftItem[],
  source: string,
  selectionStart: number,
  selectionEnd: number,
  newKey: KeyMaker,
): { items: DraftItem[]; key: string } | null {
  const span = trimSpan(source, selectionStart, selectionEnd);
  if (!span) return null;
  const item: DraftItem = {
    key: newKey(),
    text: source.slice(span.start, span.end),
    start: span.start,
    end: span.end,
    themeId: null,
    sectorIds: [],
    suggestion: null,
    acceptedRelatedIds: [],
  };
  const after = items.findIndex((other) => other.start !== null && other.start > span.start);
  const index = after === -1 ? items.length : after;
  return { items: replaceAt(items, index, [item], 0), key: item.key };
}

/** Moves the item one place up (-1) or down (+1); the same list at either end. */
export function move(items: DraftItem[], key: string, by: -1 | 1): DraftItem[] {
  const index = indexOf(items, key);
  const target = index + by;
  if (index === -1 || target < 0 || target >= items.length) return items;
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** Items whose spans overlap the given range (e.g. to warn that a selection is already an item). */
export function overlapping(items: readonly DraftItem[], start: number, end: number): DraftItem[] {
  return items.filter((item) => item.start !== null && item.end !== null && item.start < end && start < item.end);
}
