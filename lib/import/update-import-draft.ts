import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { EditConflictError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { UpdateImportDraftInput } from '@/lib/validations/import-draft';
import type { DraftItem, ImportDraftView } from './draft-types';
import { checkDraftItems } from './check-draft-items';
import { actorName, closedDraftError, draftItems, findDraft, toDraftView, type DraftRow } from './draft-record';

function staleDraftError(row: Pick<DraftRow, 'version' | 'updatedByName' | 'updatedAt'>): EditConflictError {
  return new EditConflictError(
    'version_conflict',
    `${row.updatedByName} saved this import at ${formatDateTime(row.updatedAt)}, after you loaded it — reload to see their changes; yours are kept on the page.`,
    {},
    { currentVersion: row.version, changedBy: row.updatedByName, changedAt: row.updatedAt.toISOString() },
  );
}

/**
 * The review screen's autosave, against the version it loaded (EditConflictError naming who saved
 * last). Not audited: a draft is not tracked data until it is confirmed, and autosaves are many.
 */
export async function updateImportDraft(db: Db, input: UpdateImportDraftInput, actor: Actor): Promise<ImportDraftView> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(async (tx) => {
    const row = await findDraft(tx, input.draftId);
    if (row.status !== 'DRAFT') throw closedDraftError(row);
    if (row.version !== input.expectedVersion) throw staleDraftError(row);

    let items: DraftItem[] | undefined;
    if (input.items) {
      await checkDraftItems(tx, row.sourceText, input.items);
      // The suggestions are the server's: kept by key, never taken from the client.
      const suggestions = new Map(draftItems(row).map((item) => [item.key, item.suggestion]));
      items = input.items.map((item) => ({
        key: item.key,
        text: item.text,
        start: item.start,
        end: item.end,
        themeId: item.themeId,
        sectorIds: item.sectorIds,
        suggestion: suggestions.get(item.key) ?? null,
        acceptedRelatedIds: item.acceptedRelatedIds,
      }));
    }
    const { count } = await tx.importDraft.updateMany({
      where: { id: row.id, version: input.expectedVersion, status: 'DRAFT' },
      data: {
        version: { increment: 1 },
        updatedByName: await actorName(tx, actor),
        ...(input.seminar ? { seminar: JSON.stringify(input.seminar) } : {}),
        ...(items ? { items: JSON.stringify(items) } : {}),
      },
    });
    const saved = await findDraft(tx, row.id);
    if (count !== 1) throw saved.status !== 'DRAFT' ? closedDraftError(saved) : staleDraftError(saved);
    return toDraftView(tx, saved);
  });
}
