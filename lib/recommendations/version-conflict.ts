// Optimistic concurrency on Recommendation.version: every edit says which version it was made
// against; a stale edit is refused with a message naming who changed the item, what and when, so
// nobody silently overwrites a colleague's work.
import type { Db, Tx } from '@/lib/db';
import type { RecommendationUpdateManyMutationInput } from '@/lib/db/types';
import { NotFoundError, EditConflictError, ConflictError } from '@/lib/errors';
import { formatDateTime } from '@/lib/format';
import { isStatus, STATUS_LABEL } from '@/lib/status/status';
import { conflictAuthor } from '@/lib/audit/conflict-author';

/**
 * Moves the item from `expectedVersion` to the next version, atomically: the WHERE on the version
 * is what makes two concurrent edits unable to both succeed. `fields` are set in the same UPDATE.
 * Returns the new version.
 */
export async function bumpVersion(
  tx: Tx,
  id: string,
  expectedVersion: number,
  fields: Omit<RecommendationUpdateManyMutationInput, 'version'> = {},
): Promise<number> {
  const { count } = await tx.recommendation.updateMany({
    where: { id, version: expectedVersion },
    data: { ...fields, version: { increment: 1 } },
  });
  if (count === 1) return expectedVersion + 1;
  throw await versionConflict(tx, id);
}

/** Refuses an edit made against an older version, without writing anything (see bumpVersion). */
export async function assertVersion(tx: Tx | Db, item: { id: string; version: number }, expectedVersion: number): Promise<void> {
  if (item.version !== expectedVersion) throw await versionConflict(tx, item.id);
}

/**
 * Refuses any change to a withdrawn item (status, evidence, classification, text, links): it is out
 * of the lists, counts and reports, and a change would move figures nobody can see. Restoring it
 * (withdraw-recommendation.ts) is the one change it takes.
 */
export function assertNotWithdrawn(item: { code: string; archived: boolean }): void {
  if (item.archived) {
    throw new ConflictError('withdrawn', `${item.code} is withdrawn: restore it before changing it.`);
  }
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(action: string, code: string, after: unknown): string {
  if (action === 'recommendation.status_change') {
    const toStatus = (after as { change?: { toStatus?: unknown } } | null)?.change?.toStatus;
    return isStatus(toStatus) ? `changed the status of ${code} to ${STATUS_LABEL[toStatus]}` : `changed the status of ${code}`;
  }
  if (action === 'recommendation.update') return `edited the details of ${code}`;
  if (action === 'recommendation.correct_text') return `corrected the text of ${code}`;
  if (action === 'recommendation.withdraw') return `withdrew ${code}`;
  if (action === 'recommendation.restore') return `restored ${code}`;
  return `changed ${code}`;
}

/**
 * The 409 for a stale edit (or 404 when the item is gone), built from the latest audit row: who (by
 * name), when and what, in words. The audit row's own before/after stay in the audit log.
 */
export async function versionConflict(tx: Tx | Db, id: string): Promise<EditConflictError | NotFoundError> {
  const item = await tx.recommendation.findUnique({ where: { id }, select: { code: true, version: true } });
  if (!item) return NotFoundError.of('The recommendation');
  const latest = await tx.auditLog.findFirst({
    where: { entityType: 'recommendation', entityId: id },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { action: true, actorLabel: true, after: true, createdAt: true, actor: { select: { name: true } } },
  });
  const extra: Record<string, unknown> = { currentVersion: item.version, changedBy: null, changedAt: null, change: null };
  if (!latest) {
    return new EditConflictError(
      'version_conflict',
      `${item.code} was changed since you loaded it — reload to see it; your changes are kept below.`,
      {},
      extra,
    );
  }
  const changedBy = conflictAuthor(latest);
  const summary = describe(latest.action, item.code, parseJson(latest.after));
  const message = `${changedBy} ${summary} at ${formatDateTime(latest.createdAt)} — reload to see it; your changes are kept below.`;
  return new EditConflictError(
    'version_conflict',
    message,
    {},
    {
      currentVersion: item.version,
      changedBy,
      changedAt: latest.createdAt.toISOString(),
      change: { action: latest.action, summary },
    },
  );
}
