import { db as defaultDb, type Db } from '@/lib/db';
import type { CurrentUser } from '@/lib/auth/session';
import type { Role } from '@/lib/auth/roles';
import type { TokenScope } from '@/lib/validations/token';
import { hashToken, TOKEN_PREFIX } from './token-secret';

/** The active user behind a personal API token, or null. A token carries its user's current role. */
export async function authenticateToken(token: string, db: Db = defaultDb): Promise<CurrentUser | null> {
  return (await authenticateTokenWithScope(token, db))?.user ?? null;
}

/** The user, and what the token may do: "read" tokens are refused any request that is not a read (lib/api/route.ts). */
export async function authenticateTokenWithScope(token: string, db: Db = defaultDb): Promise<{ user: CurrentUser; scope: TokenScope } | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const found = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      scope: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true } },
    },
  });
  if (!found || found.revokedAt || !found.user.active) return null;
  if (found.expiresAt && found.expiresAt.getTime() <= Date.now()) return null;
  // Recording use at most once a minute keeps API reads from turning into writes.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  const { id, email, name, role } = found.user;
  // Anything but an explicit "write" is read-only.
  return { user: { id, email, name, role: role as Role }, scope: found.scope === 'write' ? 'write' : 'read' };
}
