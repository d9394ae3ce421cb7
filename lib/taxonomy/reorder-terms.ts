import type { Db } from '@/lib/db';
import { NotFoundError, EditConflictError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { TERM_KIND_LABEL, type MoveTermInput, type ReorderTermsInput, type TermKind } from '@/lib/validations/taxonomy';
import { activeTermsInOrder, setSortOrder } from './term-store';

const SORT_STEP = 10;

type Placed = { id: string; name: string; sortOrder: number; updatedAt: Date };

/** The new order of ids, given the current one: a whole list, or one term moved a place. */
function newOrder(kind: TermKind, current: string[], input: ReorderTermsInput | MoveTermInput): string[] {
  if ('ids' in input) {
    const same = input.ids.length === current.length && input.ids.every((id) => current.includes(id));
    if (!same) {
      throw new EditConflictError('conflict', `The list of ${TERM_KIND_LABEL[kind].many} changed while you were ordering it. Reload the page and try again.`);
    }
    return input.ids;
  }
  const index = current.indexOf(input.id);
  if (index === -1) throw NotFoundError.of(`The ${TERM_KIND_LABEL[kind].one}`);
  const swapWith = input.direction === 'up' ? index - 1 : index + 1;
  if (swapWith < 0 || swapWith >= current.length) return current;
  const order = [...current];
  [order[index], order[swapWith]] = [order[swapWith]!, order[index]!];
  return order;
}

/**
 * The sortOrder each term needs for `order`. Where the numbers already ascend along the new order
 * only the moved terms change (a move up/down swaps two numbers); otherwise the list is numbered
 * afresh 10, 20, 30…. Either way only rows whose number changes are written.
 */
function numbering(current: Placed[], order: string[]): Map<Placed, number> {
  const byId = new Map(current.map((term) => [term.id, term]));
  const existing = current.map((term) => term.sortOrder);
  const reused = order.map((_, index) => existing[index]!);
  // Ties elsewhere in the list may stay (they keep their order by name); where the order changed,
  // the reused numbers must strictly ascend or the moved terms would not land where they should.
  const moved = (index: number) => order[index] !== current[index]?.id;
  const ascending = reused.every(
    (value, index) => index === 0 || (moved(index) || moved(index - 1) ? value > reused[index - 1]! : value >= reused[index - 1]!),
  );
  const numbers = ascending ? reused : order.map((_, index) => (index + 1) * SORT_STEP);
  const changes = new Map<Placed, number>();
  order.forEach((id, index) => {
    const term = byId.get(id)!;
    if (term.sortOrder !== numbers[index]) changes.set(term, numbers[index]!);
  });
  return changes;
}

/** Sets the display order of a kind's active terms; merged ones are hidden and keep theirs. */
export async function reorderTerms(db: Db, input: ReorderTermsInput | MoveTermInput, actor: Actor): Promise<void> {
  requireRole(actor, 'ADMIN');
  const { kind } = input;
  await db.$transaction(async (tx) => {
    const terms = await activeTermsInOrder(tx, kind);
    const current = terms.map((term) => term.id);
    const order = newOrder(kind, current, input);
    if (order.every((id, index) => id === current[index])) return;
    // A vocabulary holds tens of terms: one small update per renumbered row is fine here.
    for (const [term, sortOrder] of numbering(terms, order)) await setSortOrder(tx, kind, term, sortOrder);
    const names = new Map(terms.map((term) => [term.id, term.name]));
    await writeAudit(tx, {
      actor,
      action: `${kind}.reorder`,
      entityType: kind,
      entityId: 'direction' in input ? input.id : null,
      before: { order: current.map((id) => names.get(id)) },
      after: { order: order.map((id) => names.get(id)) },
    });
  });
}
