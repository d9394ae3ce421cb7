import { randomBytes } from 'node:crypto';
import type { Db, Tx } from '@/lib/db';
import { NotFoundError, ConflictError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { hashToken } from '@/lib/tokens/token-secret';
import { endUserAccess } from '@/lib/auth/user-sessions';
import type { ResetPasswordInput } from '@/lib/validations/user';

export const SET_PASSWORD_LINK_DAYS = 7;

export type SetPasswordLink = { userId: string; email: string; token: string; url: string; expiresAt: Date };

/** The address to hand over. NEXTAUTH_URL is the site's public origin; without it the path alone. */
export function setPasswordUrl(token: string): string {
  return `${(process.env.NEXTAUTH_URL ?? '').replace(/\/+$/, '')}/set-password/${token}`;
}

/**
 * Issues a one-time set-password link and makes it the only way in: the current password is
 * cleared, open sessions end (sessionVersion bumped), API tokens are revoked and earlier unused links expire. Only the
 * SHA-256 of the token is stored; the token itself is returned once and never again.
 */
export async function issueSetPasswordLink(db: Db, input: ResetPasswordInput, actor: Actor): Promise<SetPasswordLink> {
  requireRole(actor, 'ADMIN');
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, active: true } });
    if (!user) throw NotFoundError.of('The user');
    if (actor.id === user.id) throw new ConflictError('own_password', 'To change your own password, use your account page.');
    if (!user.active) throw new ConflictError('inactive_user', `${user.email} is deactivated. Reactivate the account first.`);
    return insertSetPasswordLink(tx, user, actor);
  });
}

/** The link-issuing step, in the caller's transaction (also used when a user is created without a password). */
export async function insertSetPasswordLink(tx: Tx, user: { id: string; email: string }, actor: Actor): Promise<SetPasswordLink> {
  const token = randomBytes(32).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SET_PASSWORD_LINK_DAYS * 24 * 60 * 60 * 1000);
  const before = await tx.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  await tx.setPasswordToken.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const link = await tx.setPasswordToken.create({ data: { userId: user.id, tokenHash: hashToken(token), expiresAt }, select: { id: true } });
  await tx.user.update({ where: { id: user.id }, data: { passwordHash: null, sessionVersion: { increment: 1 } } });
  const ended = await endUserAccess(tx, user.id, { now });
  await writeAudit(tx, {
    actor,
    action: 'user.password_reset_link',
    entityType: 'user',
    entityId: user.id,
    before: { hasPassword: before.passwordHash !== null },
    after: { hasPassword: false, linkId: link.id, expiresAt: expiresAt.toISOString(), tokensRevoked: ended.tokens },
  });
  return { userId: user.id, email: user.email, token, url: setPasswordUrl(token), expiresAt };
}
