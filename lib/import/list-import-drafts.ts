import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { ImportDraftStatus, ImportDraftSummary } from './draft-types';
import { draftItems, draftSeminar } from './draft-record';

export type ListImportDraftsInput = { status?: ImportDraftStatus | 'ALL'; limit?: number };

export const IMPORT_DRAFTS_LIST_MAX = 200;

/** Drafts newest first (by last save), DRAFT ones unless asked otherwise, with who started them. */
export async function listImportDrafts(db: Db, input: ListImportDraftsInput, actor: Actor): Promise<ImportDraftSummary[]> {
  requireRole(actor, 'EDITOR');
  const status = input.status ?? 'DRAFT';
  const rows = await db.importDraft.findMany({
    where: status === 'ALL' ? {} : { status },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: Math.max(1, Math.min(input.limit ?? 100, IMPORT_DRAFTS_LIST_MAX)),
    // The source text can be megabytes: a summary reads only the JSON columns it counts from.
    select: {
      id: true,
      status: true,
      createdById: true,
      createdByName: true,
      createdBy: { select: { name: true } },
      createdAt: true,
      updatedAt: true,
      sourceFileName: true,
      seminar: true,
      items: true,
    },
  });
  return rows.map((row) => ({
    id: row.id,
    status: row.status as ImportDraftStatus,
    createdBy: { id: row.createdById, name: row.createdBy?.name ?? row.createdByName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sourceFileName: row.sourceFileName,
    title: draftSeminar(row).title || row.sourceFileName || 'Untitled import',
    itemCount: draftItems(row).length,
  }));
}
