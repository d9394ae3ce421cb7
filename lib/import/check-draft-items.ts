// What only the server can check about a draft's items: spans inside the draft's own source text
// and not overlapping, and theme, sector and recommendation ids that exist. Field errors are keyed
// like the schema's paths (items.<index>.<field>), so the review screen shows them next to the item.
import type { Db, Tx } from '@/lib/db';
import { RuleViolationError, type FieldErrors } from '@/lib/errors';
import type { DraftItem } from './draft-types';

type CheckedItem = Pick<DraftItem, 'text' | 'start' | 'end' | 'themeId' | 'sectorIds' | 'acceptedRelatedIds'>;

export async function checkDraftItems(tx: Db | Tx, sourceText: string, items: CheckedItem[], options: { requireTheme?: boolean } = {}): Promise<void> {
  const fields: FieldErrors = {};
  const add = (index: number, field: string, message: string) => (fields[`items.${index}.${field}`] ??= []).push(message);

  const spans = items
    .map((item, index) => ({ index, start: item.start, end: item.end }))
    .filter((span): span is { index: number; start: number; end: number } => span.start !== null && span.end !== null);
  for (const span of spans) {
    if (span.end > sourceText.length) add(span.index, 'end', 'This span reaches past the end of the source text. Mark the text again.');
  }
  // Order in the list is the editor's to choose; two items claiming the same source text is not.
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    const previous = sorted[i - 1]!;
    const current = sorted[i]!;
    if (current.start < previous.end) add(current.index, 'start', `This item’s text overlaps item ${previous.index + 1}’s. Split or merge them instead.`);
  }

  const themeIds = new Set(items.flatMap((item) => (item.themeId ? [item.themeId] : [])));
  const sectorIds = new Set(items.flatMap((item) => item.sectorIds));
  const relatedIds = new Set(items.flatMap((item) => item.acceptedRelatedIds));
  const [themes, sectors, related] = await Promise.all([
    themeIds.size ? tx.theme.findMany({ where: { id: { in: [...themeIds] }, mergedIntoId: null }, select: { id: true } }) : [],
    sectorIds.size ? tx.sector.findMany({ where: { id: { in: [...sectorIds] }, mergedIntoId: null }, select: { id: true } }) : [],
    relatedIds.size ? tx.recommendation.findMany({ where: { id: { in: [...relatedIds] } }, select: { id: true } }) : [],
  ]);
  const known = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
  const [knownThemes, knownSectors, knownRelated] = [known(themes), known(sectors), known(related)];

  items.forEach((item, index) => {
    if (item.themeId && !knownThemes.has(item.themeId)) add(index, 'themeId', 'This theme no longer exists (it may have been merged). Choose another.');
    if (!item.themeId && options.requireTheme) add(index, 'themeId', 'Choose a primary theme.');
    if (item.sectorIds.some((id) => !knownSectors.has(id)))
      add(index, 'sectorIds', 'An owner sector no longer exists (it may have been merged). Choose again.');
    if (item.acceptedRelatedIds.some((id) => !knownRelated.has(id)))
      add(index, 'acceptedRelatedIds', 'A related recommendation no longer exists. Choose again.');
  });

  const count = Object.keys(fields).length;
  if (count > 0) {
    const first = Object.entries(fields)[0]!;
    const item = Number(first[0].split('.')[1]) + 1;
    throw new RuleViolationError(
      'invalid_items',
      count === 1 ? `Item ${item}: ${first[1][0]}` : `${count} problems with the items, the first at item ${item}: ${first[1][0]}`,
      fields,
    );
  }
}
