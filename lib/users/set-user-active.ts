import type { Db } from '@/lib/db';
import { NotFoundError, ConflictError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { endUserAccess } from '@/lib/auth/user-sessions';
import type { SetUserActiveInput } from '@/lib/validations/user';
import { USER_SUMMARY_SELECT, type UserSummary } from './create-user';
import { inAdminSafeTransaction, refuseIfLastActiveAdmin } from './admin-guard';

/**
 * Deactivates or reactivates a user; users are never deleted. Deactivation bumps sessionVersion,
 * so the user's open sessions stop at their next request, and revokes their API tokens, so that
 * reactivation gives the account back without reviving a token that may have leaked meanwhile.
 */
export async function setUserActive(db: Db, input: SetUserActiveInput, actor: Actor): Promise<UserSummary> {
  requireRole(actor, 'ADMIN');
  return inAdminSafeTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: USER_SUMMARY_SELECT });
    if (!user) throw NotFoundError.of('The user');
    if (user.active === input.active) return user;
    if (!input.active) {
      if (actor.id === user.id) throw new ConflictError('self_deactivation', 'You cannot deactivate your own account. Ask another administrator.');
      await refuseIfLastActiveAdmin(tx, user, `${user.email} is the last active administrator and cannot be deactivated.`);
    }
    const updated = await tx.user.update({
      where: { id: user.id },
      data: input.active ? { active: true } : { active: false, sessionVersion: { increment: 1 } },
      select: USER_SUMMARY_SELECT,
    });
    if (!input.active) await endUserAccess(tx, user.id);
    await writeAudit(tx, {
      actor,
      action: input.active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: user.id,
      before: { active: user.active },
      after: { active: updated.active },
    });
    return updated;
  });
}
