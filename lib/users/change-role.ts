import type { Db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { ChangeRoleInput } from '@/lib/validations/user';
import { USER_SUMMARY_SELECT, type UserSummary } from './create-user';
import { inAdminSafeTransaction, refuseIfLastActiveAdmin } from './admin-guard';

/**
 * Changes a user's role. The role is read fresh on every request (lib/auth/session.ts), so it
 * applies at once without signing anyone out. The last active administrator cannot be demoted.
 */
export async function changeRole(db: Db, input: ChangeRoleInput, actor: Actor): Promise<UserSummary> {
  requireRole(actor, 'ADMIN');
  return inAdminSafeTransaction(db, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: USER_SUMMARY_SELECT });
    if (!user) throw NotFoundError.of('The user');
    if (user.role === input.role) return user;
    if (input.role !== 'ADMIN') {
      await refuseIfLastActiveAdmin(tx, user, `${user.email} is the last active administrator. Make someone else an administrator first.`);
    }
    const updated = await tx.user.update({ where: { id: user.id }, data: { role: input.role }, select: USER_SUMMARY_SELECT });
    await writeAudit(tx, {
      actor,
      action: 'user.role_change',
      entityType: 'user',
      entityId: user.id,
      before: { role: user.role },
      after: { role: updated.role },
    });
    return updated;
  });
}
