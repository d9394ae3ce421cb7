import { afterAll, describe, expect, it } from 'vitest';
import { setUserActive } from '@/lib/users/set-user-active';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { authenticateToken } from './authenticate-token';
import { createApiToken } from './create-api-token';
import { listApiTokens } from './list-api-tokens';
import { revokeApiToken } from './revoke-api-token';
import { hashToken, TOKEN_PREFIX } from './token-secret';
import { httpRefusal } from '@/lib/test/refusal';

const db = testDb();
afterAll(() => db.$disconnect());

describe('personal API tokens', () => {
  it('create: returns the secret once, stores only its SHA-256, audits without the secret', async () => {
    const user = await seedUser(db, { role: 'EDITOR' });
    const { token, apiToken } = await createApiToken(db, { name: 'Report script' }, user.actor);
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } });
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect(token.startsWith(stored.prefix)).toBe(true);
    expect(apiToken).not.toHaveProperty('tokenHash');
    const audit = await auditRows(db, apiToken.id, 'token.create');
    expect(audit).toHaveLength(1);
    expect(`${audit[0]!.after}`).not.toContain(token);
  });

  it('authenticate: the new token signs its user in with their current role and records its use', async () => {
    const user = await seedUser(db, { role: 'EDITOR' });
    const { token, apiToken } = await createApiToken(db, { name: 'CI' }, user.actor);
    expect(await authenticateToken(token, db)).toEqual({ id: user.id, email: user.email, name: 'Test User', role: 'EDITOR' });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: apiToken.id } })).lastUsedAt).not.toBeNull();
    expect(await authenticateToken(`${token}x`, db)).toBeNull();
  });

  it('revoke: a revoked token is rejected at once; revocation is audited', async () => {
    const user = await seedUser(db);
    const { token, apiToken } = await createApiToken(db, { name: 'Old laptop' }, user.actor);
    const revoked = await revokeApiToken(db, { tokenId: apiToken.id }, user.actor);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await authenticateToken(token, db)).toBeNull();
    expect(await auditRows(db, apiToken.id, 'token.revoke')).toHaveLength(1);
    await revokeApiToken(db, { tokenId: apiToken.id }, user.actor);
    expect(await auditRows(db, apiToken.id, 'token.revoke')).toHaveLength(1);
  });

  it('revoke: nobody can revoke someone else’s token, not even an administrator', async () => {
    const owner = await seedUser(db);
    const admin = await seedUser(db, { role: 'ADMIN' });
    const { token, apiToken } = await createApiToken(db, { name: 'Mine' }, owner.actor);
    expect(await httpRefusal(revokeApiToken(db, { tokenId: apiToken.id }, admin.actor))).toMatchObject({ status: 404 });
    expect(await authenticateToken(token, db)).not.toBeNull();
  });

  it('authenticate: a deactivated user’s token is rejected', async () => {
    const user = await seedUser(db, { role: 'EDITOR' });
    const admin = await seedUser(db, { role: 'ADMIN' });
    const { token } = await createApiToken(db, { name: 'Script' }, user.actor);
    await setUserActive(db, { userId: user.id, active: false }, admin.actor);
    expect(await authenticateToken(token, db)).toBeNull();
  });

  it('list: only the user’s own tokens, newest first, never a hash', async () => {
    const user = await seedUser(db);
    const other = await seedUser(db);
    await createApiToken(db, { name: 'first' }, user.actor);
    await createApiToken(db, { name: 'second' }, user.actor);
    await createApiToken(db, { name: 'not mine' }, other.actor);
    const tokens = await listApiTokens(db, user.actor);
    expect(tokens.map((token) => token.name).sort()).toEqual(['first', 'second']);
    expect(Object.keys(tokens[0]!).sort()).toEqual(['createdAt', 'expired', 'expiresAt', 'id', 'lastUsedAt', 'name', 'prefix', 'revokedAt', 'scope']);
  });
});
