import type { Db } from '@/lib/db';
import { ConflictError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { TERM_KIND_LABEL, type UpdateTermInput } from '@/lib/validations/taxonomy';
import { duplicateNameError, findNameClash, findTerm, findTermOrThrow, staleTermError, updateTermIfUnchanged, type TermRow } from './term-store';

/**
 * Renames, recolours or re-describes a term. The slug stays as it was, so saved links and
 * filters keep working. Refused with 409 when the term changed since the form was loaded.
 */
export async function updateTerm(db: Db, input: UpdateTermInput, actor: Actor): Promise<TermRow> {
  requireRole(actor, 'ADMIN');
  const { kind } = input;
  try {
    return await db.$transaction(async (tx) => {
      const term = await findTermOrThrow(tx, kind, input.id);
      if (term.mergedIntoId) {
        const target = await findTerm(tx, kind, term.mergedIntoId);
        throw new ConflictError(
          'merged',
          `“${term.name}” was merged into “${target?.name ?? 'another term'}” and can no longer be edited. Edit that ${TERM_KIND_LABEL[kind].one} instead.`,
        );
      }
      if (term.updatedAt.getTime() !== input.expectedUpdatedAt.getTime()) throw await staleTermError(tx, kind, term);

      const before = { name: term.name, description: term.description, color: term.color };
      const after = { name: input.name, description: input.description, color: input.color };
      if (before.name === after.name && before.description === after.description && before.color.toLowerCase() === after.color) return term;

      if (after.name.toLowerCase() !== before.name.toLowerCase()) {
        const clash = await findNameClash(tx, kind, after.name, term.id);
        if (clash) throw duplicateNameError(kind, clash);
      }
      // The updatedAt condition is the real guard: another writer may have committed since the read above.
      if (!(await updateTermIfUnchanged(tx, kind, term.id, input.expectedUpdatedAt, after))) throw await staleTermError(tx, kind, term);
      await writeAudit(tx, { actor, action: `${kind}.update`, entityType: kind, entityId: term.id, before, after });
      return findTermOrThrow(tx, kind, term.id);
    });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'P2002') throw duplicateNameError(kind, { name: input.name });
    throw error;
  }
}
