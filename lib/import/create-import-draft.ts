import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { ImportLimits } from './extract';
import type { ImportDraftView } from './draft-types';

/** A file as uploaded, or pasted text. */
export type ImportSource = { bytes: Uint8Array; fileName?: string | null; contentType?: string | null } | { text: string; fileName?: string | null };

/** The long steps, for a progress line (the CLI prints them on stderr). */
export type ImportStep = 'extracting' | 'parsing' | 'suggesting' | 'saving';
export type ImportProgress = { onStep?: (step: ImportStep) => void; limits?: ImportLimits };

/**
 * Extracts the text (ImportFileError for a file it will not read), finds the recommendations and the
 * seminar's metadata, asks for suggestions, and saves it all as a DRAFT with an audit row.
 */
export async function createImportDraft(db: Db, source: ImportSource, actor: Actor, progress: ImportProgress = {}): Promise<ImportDraftView> {
  requireRole(actor, 'EDITOR');
  void db;
  void source;
  void progress;
  throw new Error('not implemented yet');
}
