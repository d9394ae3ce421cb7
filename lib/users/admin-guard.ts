import type { Db, Tx } from '@/lib/db';
import { ConflictError, EditConflictError } from '@/lib/errors';

/**
 * Runs a change that could leave the tracker without an active administrator. Serializable
 * isolation makes two admins demoting each other at the same moment conflict instead of both
 * succeeding (SQLite already serialises writers; PostgreSQL reports the conflict as P2034).
 */
export async function inAdminSafeTransaction<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.$transaction(run, { isolationLevel: 'Serializable' });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'P2034') {
      throw new EditConflictError('conflict', 'Someone else changed user accounts at the same moment. Try again.');
    }
    throw error;
  }
}

/** Refuses when `userId` is an active administrator and no other active administrator exists. */
export async function refuseIfLastActiveAdmin(tx: Tx, user: { id: string; role: string; active: boolean }, message: string): Promise<void> {
  if (user.role !== 'ADMIN' || !user.active) return;
  const others = await tx.user.count({ where: { role: 'ADMIN', active: true, id: { not: user.id } } });
  if (others === 0) throw new ConflictError('last_admin', message);
}
