// The ImportDraft row and its view: what every draft operation reads, and how the JSON columns
// (seminar, items, warnings) become the typed ImportDraftView. Shared by the operations only.
import type { Db, Tx } from '@/lib/db';
import type { Actor } from '@/lib/auth/actor';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { DraftItem, DraftSeminar, ImportDraftStatus, ImportDraftView, ImportSourceFormat } from './draft-types';

export const draftSelect = {
  id: true,
  status: true,
  version: true,
  createdById: true,
  createdByName: true,
  updatedByName: true,
  createdBy: { select: { name: true } },
  sourceFileName: true,
  sourceFormat: true,
  sourceText: true,
  seminar: true,
  items: true,
  warnings: true,
  confirmedSeminarId: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type DraftRow = {
  id: string;
  status: string;
  version: number;
  createdById: string | null;
  createdByName: string;
  updatedByName: string;
  createdBy: { name: string } | null;
  sourceFileName: string | null;
  sourceFormat: string;
  sourceText: string;
  seminar: string;
  items: string;
  warnings: string;
  confirmedSeminarId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const EMPTY_SEMINAR: DraftSeminar = { title: '', kind: null, date: null, venue: null, organiser: null };

function parseJson<T>(text: string, fallback: T): T {
  try {
    return (JSON.parse(text) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

export const draftItems = (row: Pick<DraftRow, 'items'>): DraftItem[] => parseJson<DraftItem[]>(row.items, []);
export const draftSeminar = (row: Pick<DraftRow, 'seminar'>): DraftSeminar => ({ ...EMPTY_SEMINAR, ...parseJson<Partial<DraftSeminar>>(row.seminar, {}) });

export async function toDraftView(tx: Db | Tx, row: DraftRow): Promise<ImportDraftView> {
  const confirmed = row.confirmedSeminarId
    ? await tx.seminar.findUnique({ where: { id: row.confirmedSeminarId }, select: { id: true, codePrefix: true } })
    : null;
  return {
    id: row.id,
    version: row.version,
    status: row.status as ImportDraftStatus,
    createdBy: { id: row.createdById, name: row.createdBy?.name ?? row.createdByName },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    sourceFileName: row.sourceFileName,
    sourceFormat: row.sourceFormat as ImportSourceFormat,
    sourceText: row.sourceText,
    seminar: draftSeminar(row),
    items: draftItems(row),
    warnings: parseJson<string[]>(row.warnings, []),
    confirmedSeminar: confirmed,
  };
}

export async function findDraft(tx: Db | Tx, draftId: string): Promise<DraftRow> {
  const row = await tx.importDraft.findUnique({ where: { id: draftId }, select: draftSelect });
  if (!row) throw NotFoundError.of('The import');
  return row;
}

/** The name drafts show for the actor: the user's name (never the email), or the command line's label. */
export async function actorName(tx: Db | Tx, actor: Actor): Promise<string> {
  if (!actor.id) return actor.label;
  const user = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true } });
  return user?.name ?? 'Someone';
}

/** A draft that is no longer a draft refuses every change, saying what became of it and who did it. */
export function closedDraftError(row: Pick<DraftRow, 'status' | 'updatedByName'>): ConflictError {
  if (row.status === 'CONFIRMED') {
    return new ConflictError(
      'already_confirmed',
      `This import was already confirmed by ${row.updatedByName}; its seminar exists. Open the seminar instead.`,
      undefined,
      {
        status: row.status,
        changedBy: row.updatedByName,
      },
    );
  }
  return new ConflictError('already_discarded', `This import was discarded by ${row.updatedByName}. Start a new import to bring the report in.`, undefined, {
    status: row.status,
    changedBy: row.updatedByName,
  });
}
