// Exported as redeem/check rather than "useSetPasswordLink": a use* name reads as a React hook.
import type { Db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit/write-audit';
import { auditActorOf } from '@/lib/auth/actor';
import { endUserAccess } from '@/lib/auth/user-sessions';
import { hashToken } from '@/lib/tokens/token-secret';
import { setPasswordTokenSchema, type SetPasswordInput } from '@/lib/validations/user';

export const INVALID_LINK_MESSAGE = 'This link is invalid or has expired. Ask an administrator for a new one.';

const invalidLink = () => new NotFoundError('invalid_link', INVALID_LINK_MESSAGE);

/** The account a set-password link is for, or null when the link is unknown, used, expired or its user deactivated. */
export async function checkSetPasswordLink(db: Db, token: string, now = new Date()): Promise<{ email: string } | null> {
  if (!setPasswordTokenSchema.safeParse(token).success) return null;
  const link = await db.setPasswordToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { usedAt: true, expiresAt: true, user: { select: { email: true, active: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || !link.user.active) return null;
  return { email: link.user.email };
}

/**
 * Sets the password through a one-time link. The link is claimed with a conditional update, so
 * of two concurrent uses exactly one wins. Open sessions end (sessionVersion bumped, rows closed)
 * and the user's API tokens are revoked.
 */
export async function redeemSetPasswordLink(db: Db, input: SetPasswordInput, now = new Date()): Promise<{ userId: string; email: string }> {
  // A dead link is refused before the (deliberately slow) hash: nobody can make the server hash for nothing.
  if (!(await checkSetPasswordLink(db, input.token, now))) throw invalidLink();
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const link = await tx.setPasswordToken.findUnique({
      where: { tokenHash: hashToken(input.token) },
      select: { id: true, user: { select: { id: true, email: true, active: true } } },
    });
    if (!link || !link.user.active) throw invalidLink();
    const claimed = await tx.setPasswordToken.updateMany({
      where: { id: link.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw invalidLink();
    const { id, email } = link.user;
    await tx.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    const ended = await endUserAccess(tx, id, { now });
    await writeAudit(tx, {
      actor: auditActorOf(link.user),
      action: 'user.password_set',
      entityType: 'user',
      entityId: id,
      after: { via: 'set-password link', linkId: link.id, tokensRevoked: ended.tokens },
    });
    return { userId: id, email };
  });
}
