import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { ImportDraftView } from './draft-types';
import { findDraft, toDraftView } from './draft-record';

/** One draft, whatever its status (NotFoundError when there is none). Drafts are staff work: EDITOR. */
export async function getImportDraft(db: Db, draftId: string, actor: Actor): Promise<ImportDraftView> {
  requireRole(actor, 'EDITOR');
  return toDraftView(db, await findDraft(db, draftId));
}
