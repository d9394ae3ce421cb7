import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { ImportDraftStatus, ImportDraftSummary } from './draft-types';

export type ListImportDraftsInput = { status?: ImportDraftStatus | 'ALL'; limit?: number };

/** Drafts newest first (by last save), DRAFT ones unless asked otherwise, with who started them. */
export async function listImportDrafts(db: Db, input: ListImportDraftsInput, actor: Actor): Promise<ImportDraftSummary[]> {
  requireRole(actor, 'EDITOR');
  void db;
  void input;
  throw new Error('not implemented yet');
}
