// The few reads and writes the vocabulary operations share. Theme and Sector are separate
// tables with the same columns; each helper picks the table by kind, so the operations above
// it are written once for both.
import type { Tx } from '@/lib/db';
import { NotFoundError, ConflictError, EditConflictError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { lastAuditEntry } from '@/lib/audit/list-audit-log';
import { TERM_KIND_LABEL, type TermKind } from '@/lib/validations/taxonomy';

export type TermRow = {
  id: string;
  slug: string;
  name: string;
  description: string | null;
  color: string;
  sortOrder: number;
  mergedIntoId: string | null;
  updatedAt: Date;
};

export const TERM_SELECT = {
  id: true,
  slug: true,
  name: true,
  description: true,
  color: true,
  sortOrder: true,
  mergedIntoId: true,
  updatedAt: true,
} as const;

export type TermData = { name: string; description: string | null; color: string };

export async function findTerm(tx: Tx, kind: TermKind, id: string): Promise<TermRow | null> {
  const args = { where: { id }, select: TERM_SELECT };
  return kind === 'theme' ? tx.theme.findUnique(args) : tx.sector.findUnique(args);
}

export async function findTermOrThrow(tx: Tx, kind: TermKind, id: string): Promise<TermRow> {
  const term = await findTerm(tx, kind, id);
  if (!term) throw NotFoundError.of(`The ${TERM_KIND_LABEL[kind].one}`);
  return term;
}

/**
 * A term of this kind whose name equals `name` ignoring case, merged ones included (their names
 * stay taken: the column is unique). LOWER() on both sides works the same on SQLite and
 * PostgreSQL, where Prisma's case-insensitive mode exists only on the latter.
 */
export async function findNameClash(tx: Tx, kind: TermKind, name: string, exceptId?: string): Promise<{ id: string; name: string } | null> {
  const rows =
    kind === 'theme'
      ? await tx.$queryRaw<{ id: string; name: string }[]>`SELECT "id", "name" FROM "Theme" WHERE LOWER("name") = LOWER(${name})`
      : await tx.$queryRaw<{ id: string; name: string }[]>`SELECT "id", "name" FROM "Sector" WHERE LOWER("name") = LOWER(${name})`;
  return rows.find((row) => row.id !== exceptId) ?? null;
}

export function duplicateNameError(kind: TermKind, existing: { name: string }): ConflictError {
  const message = `A ${TERM_KIND_LABEL[kind].one} named “${existing.name}” already exists (names are compared ignoring case). Choose another name, or merge into it.`;
  return new ConflictError('duplicate_name', message, { name: [message] });
}

/** Active (not merged) terms of the kind in their display order. */
export async function activeTermsInOrder(tx: Tx, kind: TermKind): Promise<{ id: string; name: string; sortOrder: number; updatedAt: Date }[]> {
  const args = {
    where: { mergedIntoId: null },
    orderBy: [{ sortOrder: 'asc' as const }, { name: 'asc' as const }],
    select: { id: true, name: true, sortOrder: true, updatedAt: true },
  };
  return kind === 'theme' ? tx.theme.findMany(args) : tx.sector.findMany(args);
}

/**
 * updatedAt is the edit forms' concurrency token, so every write must move it, even two writes
 * within the same millisecond (Prisma's automatic value could repeat the old one).
 */
function nextUpdatedAt(previous: Date): Date {
  return new Date(Math.max(Date.now(), previous.getTime() + 1));
}

/** Writes `data` only if the row still has the updatedAt the caller saw; returns whether it did. */
export async function updateTermIfUnchanged(tx: Tx, kind: TermKind, id: string, expectedUpdatedAt: Date, data: TermData): Promise<boolean> {
  const args = { where: { id, updatedAt: expectedUpdatedAt }, data: { ...data, updatedAt: nextUpdatedAt(expectedUpdatedAt) } };
  const { count } = kind === 'theme' ? await tx.theme.updateMany(args) : await tx.sector.updateMany(args);
  return count === 1;
}

/**
 * Moves a term in the display order. updatedAt is deliberately kept: it is the edit form's token
 * for the name, description and colour, and a colleague reordering the list has not changed those.
 * The write is conditional on that token too, so it can never put back the token of a version
 * that someone replaced in the meantime.
 */
export async function setSortOrder(tx: Tx, kind: TermKind, term: { id: string; name: string; updatedAt: Date }, sortOrder: number): Promise<void> {
  const args = { where: { id: term.id, updatedAt: term.updatedAt }, data: { sortOrder, updatedAt: term.updatedAt } };
  const { count } = kind === 'theme' ? await tx.theme.updateMany(args) : await tx.sector.updateMany(args);
  if (count !== 1) throw new EditConflictError('conflict', `“${term.name}” was changed at the same moment. Reload the page and try again.`);
}

/** The 409 for an edit based on an outdated form, naming who changed the term last and when. */
export async function staleTermError(tx: Tx, kind: TermKind, term: { id: string; name: string }): Promise<EditConflictError> {
  const last = await lastAuditEntry(tx, kind, term.id);
  const who = last ? `${last.actorLabel} changed it on ${formatDateTime(last.createdAt)} (${last.action})` : 'It was changed by someone else';
  return new EditConflictError(
    'conflict',
    `“${term.name}” changed while you were editing: ${who}. Reload the page to see the current ${TERM_KIND_LABEL[kind].one}; what you typed is kept below.`,
  );
}
