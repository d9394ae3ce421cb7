import type { Db } from '@/lib/db';
import { EditConflictError, InvalidInputError } from '@/lib/errors';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { endUserAccess } from '@/lib/auth/user-sessions';
import { reservePasswordCheck } from '@/lib/auth/password-check-limit';
import type { ChangeOwnPasswordInput } from '@/lib/validations/user';

/**
 * Changes the signed-in user's own password after checking the current one. The user's other
 * sessions end and their API tokens are revoked (whoever knew the old password may hold one);
 * the session making the change, `keepSessionId`, stays open. sessionVersion is left alone:
 * bumping it would sign out that session too.
 */
export async function changeOwnPassword(db: Db, input: ChangeOwnPasswordInput, actor: Actor & { id: string }, keepSessionId?: string): Promise<void> {
  requireRole(actor, 'VIEWER');
  // Counted before bcrypt runs, so parallel guesses from a stolen session are bounded too.
  const reservation = await reservePasswordCheck(db, actor.id);
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, active: true, passwordHash: true } });
  const currentOk = user?.active && user.passwordHash ? await verifyPassword(input.currentPassword, user.passwordHash) : false;
  if (!user || !currentOk) {
    throw new InvalidInputError('wrong_password', 'Your current password is not right.', { currentPassword: ['Your current password is not right.'] });
  }
  await reservation.release();
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    // Only if the hash is still the one just checked, so a concurrent reset is not overwritten.
    const changed = await tx.user.updateMany({ where: { id: user.id, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (changed.count !== 1) throw new EditConflictError('conflict', 'Your password was changed elsewhere in the meantime. Sign in again.');
    const ended = await endUserAccess(tx, user.id, { keepSessionId });
    await writeAudit(tx, {
      actor,
      action: 'user.password_change',
      entityType: 'user',
      entityId: user.id,
      after: { otherSessionsEnded: ended.sessions, tokensRevoked: ended.tokens },
    });
  });
}
