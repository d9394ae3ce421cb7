import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { CreateApiTokenInput } from '@/lib/validations/token';
import { API_TOKEN_SELECT, type ApiTokenItem } from './list-api-tokens';
import { newTokenSecret } from './token-secret';

/**
 * Creates a personal API token for the actor: read-only unless `scope` is "write", and with an
 * optional expiry. Only its SHA-256 is stored; the returned `token`
 * is the one and only time the secret exists outside the caller's hands.
 */
export async function createApiToken(db: Db, input: CreateApiTokenInput, actor: Actor & { id: string }): Promise<{ token: string; apiToken: ApiTokenItem }> {
  requireRole(actor, 'VIEWER');
  const secret = newTokenSecret();
  return db.$transaction(async (tx) => {
    const apiToken = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: input.name,
        prefix: secret.prefix,
        tokenHash: secret.hash,
        scope: input.scope ?? 'read',
        expiresAt: input.expiresAt ?? null,
      },
      select: API_TOKEN_SELECT,
    });
    await writeAudit(tx, {
      actor,
      action: 'token.create',
      entityType: 'api_token',
      entityId: apiToken.id,
      after: { name: apiToken.name, prefix: apiToken.prefix, scope: apiToken.scope, expiresAt: apiToken.expiresAt?.toISOString() ?? null },
    });
    return { token: secret.token, apiToken };
  });
}
