import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { EditConflictError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import type { DiscardImportDraftInput } from '@/lib/validations/import-draft';
import type { ImportDraftView } from './draft-types';
import { actorName, closedDraftError, findDraft, toDraftView } from './draft-record';

/**
 * Marks a DRAFT as DISCARDED (kept, for the audit trail); a confirmed or already discarded draft is
 * a ConflictError. With expectedVersion, a draft saved since is an EditConflictError.
 */
export async function discardImportDraft(db: Db, input: DiscardImportDraftInput, actor: Actor): Promise<ImportDraftView> {
  requireRole(actor, 'EDITOR');
  return db.$transaction(async (tx) => {
    const row = await findDraft(tx, input.draftId);
    if (row.status !== 'DRAFT') throw closedDraftError(row);
    const version = input.expectedVersion ?? row.version;
    const { count } = await tx.importDraft.updateMany({
      where: { id: row.id, status: 'DRAFT', version },
      data: { status: 'DISCARDED', version: { increment: 1 }, updatedByName: await actorName(tx, actor) },
    });
    const saved = await findDraft(tx, row.id);
    if (count !== 1) {
      if (saved.status !== 'DRAFT') throw closedDraftError(saved);
      throw new EditConflictError(
        'version_conflict',
        `${saved.updatedByName} saved this import at ${formatDateTime(saved.updatedAt)}, after you loaded it — reload before discarding it.`,
        {},
        {
          currentVersion: saved.version,
          changedBy: saved.updatedByName,
        },
      );
    }
    await writeAudit(tx, {
      actor,
      action: 'import.discard',
      entityType: 'import_draft',
      entityId: row.id,
      before: { status: 'DRAFT', version },
      after: { status: 'DISCARDED' },
    });
    return toDraftView(tx, saved);
  });
}
