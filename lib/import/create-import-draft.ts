import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { DraftItem, ImportDraftView } from './draft-types';
import { actorName, draftSelect, toDraftView } from './draft-record';
import { prepareImport, type ImportOptions, type ImportSource } from './prepare-import';

export type { ImportOptions, ImportSource, ImportStep } from './prepare-import';

/**
 * Extracts the text (ImportFileError for a file it will not read), finds the recommendations and the
 * seminar's metadata, asks for suggestions, and saves it all as a DRAFT with an audit row.
 */
export async function createImportDraft(db: Db, source: ImportSource, actor: Actor, options: ImportOptions = {}): Promise<ImportDraftView> {
  requireRole(actor, 'EDITOR');
  const prepared = await prepareImport(db, source, options);
  options.onStep?.('saving');
  // The line numbers are for the dry run's listing; confirm computes them again from the spans as edited.
  const items = prepared.items.map((item): DraftItem => ({
    key: item.key,
    text: item.text,
    start: item.start,
    end: item.end,
    themeId: item.themeId,
    sectorIds: item.sectorIds,
    suggestion: item.suggestion,
    acceptedRelatedIds: item.acceptedRelatedIds,
  }));
  return db.$transaction(async (tx) => {
    const name = await actorName(tx, actor);
    const row = await tx.importDraft.create({
      data: {
        createdById: actor.id,
        createdByName: name,
        updatedByName: name,
        sourceFileName: prepared.sourceFileName,
        sourceFormat: prepared.sourceFormat,
        sourceText: prepared.sourceText,
        seminar: JSON.stringify(prepared.seminar),
        items: JSON.stringify(items),
        warnings: JSON.stringify(prepared.warnings),
      },
      select: draftSelect,
    });
    await writeAudit(tx, {
      actor,
      action: 'import.create',
      entityType: 'import_draft',
      entityId: row.id,
      after: { sourceFileName: prepared.sourceFileName, sourceFormat: prepared.sourceFormat, characters: prepared.sourceText.length, items: items.length },
    });
    return toDraftView(tx, row);
  });
}
