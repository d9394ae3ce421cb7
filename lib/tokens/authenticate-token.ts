import { db as defaultDb, type Db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/roles';
import { hashToken, TOKEN_PREFIX } from './token-secret';

/** The active user behind a personal API token, or null. A token carries its user's current role. */
export async function authenticateToken(token: string, db: Db = defaultDb): Promise<CurrentUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, revokedAt: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
  });
  if (!found || found.revokedAt || !found.user.active) return null;
  // Recording use at most once a minute keeps API reads from turning into writes.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  const { id, email, name, role } = found.user;
  return { id, email, name, role: role as Role };
}
