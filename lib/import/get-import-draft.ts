import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { ImportDraftView } from './draft-types';

/** One draft, whatever its status (NotFoundError when there is none). Drafts are staff work: EDITOR. */
export async function getImportDraft(db: Db, draftId: string, actor: Actor): Promise<ImportDraftView> {
  requireRole(actor, 'EDITOR');
  void db;
  void draftId;
  throw new Error('not implemented yet');
}
