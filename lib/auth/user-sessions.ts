// Server-side session state. A session cookie is a signed JWT that next-auth cannot take back, so
// each sign-in also writes a UserSession row whose id the cookie carries (`sid`); the data-access
// layer accepts a cookie only while its row is open. Signing out closes the row; a password change
// closes the user's other rows and revokes their API tokens.
import type { Db, Tx } from '@/lib/db';

/** Session lifetime: SESSION_MAX_AGE_HOURS (default 8, a working day). */
export const sessionMaxAgeSeconds = () => Math.round((Number(process.env.SESSION_MAX_AGE_HOURS) || 8) * 3600);

/** Opens a session row for a sign-in; its id goes into the cookie. Rows long past their expiry are swept. */
export async function startUserSession(db: Db | Tx, userId: string, now = new Date()): Promise<string> {
  const expiresAt = new Date(now.getTime() + sessionMaxAgeSeconds() * 1000);
  // Kept a day past expiry, so a session list could still show them; older ones serve nothing.
  await db.userSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now.getTime() - 24 * 3600 * 1000) } } });
  const row = await db.userSession.create({ data: { userId, expiresAt }, select: { id: true } });
  return row.id;
}

/** Sign-out: the session's row is closed, so its cookie no longer works even if it was copied. */
export async function endUserSession(db: Db, sessionId: string, now = new Date()): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
}

/**
 * Ends a user's access after their credentials change: every open session except `keepSessionId`
 * (the one making an own password change) is closed, and every API token is revoked. Tokens stay
 * revoked if the account is later reactivated.
 */
export async function endUserAccess(
  tx: Tx,
  userId: string,
  options: { keepSessionId?: string; now?: Date } = {},
): Promise<{ sessions: number; tokens: number }> {
  const now = options.now ?? new Date();
  const sessions = await tx.userSession.updateMany({
    where: { userId, endedAt: null, ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}) },
    data: { endedAt: now },
  });
  const tokens = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return { sessions: sessions.count, tokens: tokens.count };
}
