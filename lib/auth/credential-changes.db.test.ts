// Credential changes end access: sessions (server-side rows) and API tokens.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { changeOwnPasswordSchema, setPasswordSchema } from '@/lib/validations/user';
import { createApiTokenSchema } from '@/lib/validations/token';

// The app's db (used by the route wrapper and next-auth's events) is this worker's test database.
vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));

const { authenticate } = await import('./authenticate');
const { activeUser } = await import('./session');
const { authOptions } = await import('./options');
const { changeOwnPassword } = await import('@/lib/users/change-own-password');
const { issueSetPasswordLink } = await import('@/lib/users/issue-set-password-link');
const { redeemSetPasswordLink } = await import('@/lib/users/use-set-password-link');
const { setUserActive } = await import('@/lib/users/set-user-active');
const { createApiToken } = await import('@/lib/tokens/create-api-token');
const { authenticateToken } = await import('@/lib/tokens/authenticate-token');
const { apiRoute } = await import('@/lib/api/route');

process.env.PASSWORD_HASH_COST = '10';
const db = testDb();
afterAll(() => db.$disconnect());

const PASSWORD = 'the first long password';
const NEXT = 'the second long password';
const address = () => `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

async function signIn(email: string, password = PASSWORD) {
  const result = await authenticate(db, { email, password, address: address() });
  if (!result.ok) throw new Error(`sign-in failed: ${result.code}`);
  return result.user;
}
const stillIn = (session: { id: string; sessionVersion: number; sessionId: string }) => activeUser(session.id, session.sessionVersion, session.sessionId, db);

describe('sessions end on the server', () => {
  it('sign-out ends the session: the same cookie no longer gets in', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    const session = await signIn(user.email);
    expect(await stillIn(session)).toMatchObject({ id: user.id });
    await authOptions.events!.signOut!({ token: { sub: user.id, email: user.email, sid: session.sessionId }, session: null as never });
    expect(await stillIn(session)).toBeNull();
  });

  it('a cookie without a session row (or with someone else’s) gets nowhere', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    const other = await seedUser(db, { password: PASSWORD });
    const theirs = await signIn(other.email);
    expect(await activeUser(user.id, 0, '', db)).toBeNull();
    expect(await activeUser(user.id, 0, theirs.sessionId, db)).toBeNull();
  });

  it('own password change: other sessions end, the one making the change stays, every API token is revoked', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    const here = await signIn(user.email);
    const elsewhere = await signIn(user.email);
    const { token } = await createApiToken(db, { name: 'script', scope: 'write' }, user.actor);
    await changeOwnPassword(
      db,
      changeOwnPasswordSchema.parse({ currentPassword: PASSWORD, password: NEXT, confirmPassword: NEXT }),
      user.actor,
      here.sessionId,
    );
    expect(await stillIn(here)).not.toBeNull();
    expect(await stillIn(elsewhere)).toBeNull();
    expect(await authenticateToken(token, db)).toBeNull();
  });

  it('a set-password link: issuing it and using it each end sessions and revoke API tokens', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    const admin = await seedUser(db, { role: 'ADMIN' });
    const session = await signIn(user.email);
    const first = await createApiToken(db, { name: 'before reset' }, user.actor);
    const link = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    expect(await stillIn(session)).toBeNull();
    expect(await authenticateToken(first.token, db)).toBeNull();

    // A token made between the link's issue and its use (the old password's holder had a session) goes too.
    const second = await createApiToken(db, { name: 'in between' }, user.actor);
    await redeemSetPasswordLink(db, setPasswordSchema.parse({ token: link.token, password: NEXT, confirmPassword: NEXT }));
    expect(await authenticateToken(second.token, db)).toBeNull();
  });

  it('deactivation revokes API tokens, and reactivation does not revive them', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    const admin = await seedUser(db, { role: 'ADMIN' });
    const { token } = await createApiToken(db, { name: 'script' }, user.actor);
    await setUserActive(db, { userId: user.id, active: false }, admin.actor);
    await setUserActive(db, { userId: user.id, active: true }, admin.actor);
    expect(await authenticateToken(token, db)).toBeNull();
    expect((await db.apiToken.findFirstOrThrow({ where: { userId: user.id } })).revokedAt).not.toBeNull();
  });
});

describe('API tokens: expiry and read-only scope', () => {
  const echo = apiRoute('VIEWER', async ({ request }) => Response.json({ method: request.method }));
  const call = (method: string, token: string) =>
    echo(new Request('http://localhost/api/v1/test', { method, headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });

  it('expiry: a future date up to a year ahead is accepted; a past one or a later one is refused', () => {
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    expect(createApiTokenSchema.parse({ name: 'x', expiresAt: day(30) }).expiresAt).toBeInstanceOf(Date);
    expect(createApiTokenSchema.parse({ name: 'x', expiresAt: '' }).expiresAt).toBeUndefined();
    expect(createApiTokenSchema.safeParse({ name: 'x', expiresAt: day(-1) }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: 'x', expiresAt: day(400) }).success).toBe(false);
    expect(createApiTokenSchema.safeParse({ name: 'x', expiresAt: 'soon' }).success).toBe(false);
  });

  it('a token past its expiry is refused', async () => {
    const user = await seedUser(db);
    const { token, apiToken } = await createApiToken(db, { name: uniqueId('exp'), expiresAt: new Date(Date.now() + 60_000) }, user.actor);
    expect(await authenticateToken(token, db)).not.toBeNull();
    await db.apiToken.update({ where: { id: apiToken.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateToken(token, db)).toBeNull();
  });

  it('a read-only token (the default) reads but gets 403 on anything else; a read-and-write token may write', async () => {
    const user = await seedUser(db, { role: 'EDITOR' });
    const read = await createApiToken(db, createApiTokenSchema.parse({ name: 'reader' }), user.actor);
    expect(read.apiToken.scope).toBe('read');
    expect((await call('GET', read.token)).status).toBe(200);
    for (const method of ['POST', 'PATCH', 'PUT', 'DELETE']) {
      const refused = await call(method, read.token);
      expect(refused.status).toBe(403);
      expect((await refused.json()).error.code).toBe('read_only_token');
    }
    const write = await createApiToken(db, createApiTokenSchema.parse({ name: 'writer', scope: 'write' }), user.actor);
    expect((await call('POST', write.token)).status).toBe(200);
  });
});
