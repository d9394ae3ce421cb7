import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { UpdateImportDraftInput } from '@/lib/validations/import-draft';
import type { ImportDraftView } from './draft-types';

/** The review screen's autosave, against the version it loaded (EditConflictError naming who saved last). */
export async function updateImportDraft(db: Db, input: UpdateImportDraftInput, actor: Actor): Promise<ImportDraftView> {
  requireRole(actor, 'EDITOR');
  void db;
  void input;
  throw new Error('not implemented yet');
}
