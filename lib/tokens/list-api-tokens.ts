import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';

/** What a user sees of their tokens: never the hash, and the secret only once, at creation. */
export type ApiTokenItem = {
  id: string;
  name: string;
  prefix: string;
  scope: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export const API_TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;

/** A token as the account page lists it: whether it has expired is decided here, once, not while rendering. */
export type ApiTokenListItem = ApiTokenItem & { expired: boolean };

/** The actor's own tokens, newest first. There is deliberately no way to list someone else's. */
export async function listApiTokens(db: Db, actor: Actor & { id: string }, now = new Date()): Promise<ApiTokenListItem[]> {
  requireRole(actor, 'VIEWER');
  const tokens = await db.apiToken.findMany({ where: { userId: actor.id }, select: API_TOKEN_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
  return tokens.map((token) => ({ ...token, expired: token.expiresAt !== null && token.expiresAt <= now }));
}
