import type { Db } from '@/lib/db';
import { NotFoundError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { RevokeApiTokenInput } from '@/lib/validations/token';
import { API_TOKEN_SELECT, type ApiTokenItem } from './list-api-tokens';

/**
 * Revokes one of the actor's own tokens; it stops working at once. Someone else's token reads
 * as not found, so its existence is not confirmed. Revoking twice changes nothing.
 */
export async function revokeApiToken(db: Db, input: RevokeApiTokenInput, actor: Actor & { id: string }): Promise<ApiTokenItem> {
  requireRole(actor, 'VIEWER');
  return db.$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({ where: { id: input.tokenId, userId: actor.id }, select: API_TOKEN_SELECT });
    if (!token) throw NotFoundError.of('The token');
    if (token.revokedAt) return token;
    const revoked = await tx.apiToken.update({ where: { id: token.id }, data: { revokedAt: new Date() }, select: API_TOKEN_SELECT });
    await writeAudit(tx, {
      actor,
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: token.id,
      before: { revokedAt: null },
      after: { name: token.name, prefix: token.prefix, revokedAt: revoked.revokedAt?.toISOString() },
    });
    return revoked;
  });
}
