import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { ConfirmImportDraftInput } from '@/lib/validations/import-draft';
import type { ConfirmedImport } from './draft-types';

/**
 * Creates the seminar and its recommendations from the draft in one transaction and marks the draft
 * CONFIRMED. A second confirm (or one racing it) is a ConflictError naming who confirmed it.
 */
export async function confirmImportDraft(db: Db, input: ConfirmImportDraftInput, actor: Actor): Promise<ConfirmedImport> {
  requireRole(actor, 'EDITOR');
  void db;
  void input;
  throw new Error('not implemented yet');
}
