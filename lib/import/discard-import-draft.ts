import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { DiscardImportDraftInput } from '@/lib/validations/import-draft';
import type { ImportDraftView } from './draft-types';

/** Marks a DRAFT as DISCARDED (kept, for the audit trail); a confirmed draft cannot be discarded. */
export async function discardImportDraft(db: Db, input: DiscardImportDraftInput, actor: Actor): Promise<ImportDraftView> {
  requireRole(actor, 'EDITOR');
  void db;
  void input;
  throw new Error('not implemented yet');
}
