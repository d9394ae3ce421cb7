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

export const API_TOKEN_SELECT = { id: true, name: true, prefix: true, scope: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true } as const;

/** The actor's own tokens, newest first. There is deliberately no way to list someone else's. */
export async function listApiTokens(db: Db, actor: Actor & { id: string }): Promise<ApiTokenItem[]> {
  requireRole(actor, 'VIEWER');
  return db.apiToken.findMany({ where: { userId: actor.id }, select: API_TOKEN_SELECT, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }] });
}
