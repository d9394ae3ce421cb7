import { afterAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '@/lib/auth/password';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { setPasswordSchema } from '@/lib/validations/user';
import { issueSetPasswordLink } from './issue-set-password-link';
import { checkSetPasswordLink, INVALID_LINK_MESSAGE, redeemSetPasswordLink } from './use-set-password-link';
import { setUserActive } from './set-user-active';

process.env.PASSWORD_HASH_COST = '10';
const db = testDb();
afterAll(() => db.$disconnect());

const NEW_PASSWORD = 'a brand new passphrase';
const input = (token: string, password = NEW_PASSWORD) => setPasswordSchema.parse({ token, password, confirmPassword: password });
const userRow = (id: string) => db.user.findUniqueOrThrow({ where: { id } });

describe('set-password links', () => {
  it('reset: clears the current password, ends sessions and is audited without the token', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db, { password: 'the old password!' });
    const link = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    const row = await userRow(user.id);
    expect(row.passwordHash).toBeNull();
    expect(row.sessionVersion).toBe(1);
    const audit = await auditRows(db, user.id, 'user.password_reset_link');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(admin.id);
    expect(`${audit[0]!.before}${audit[0]!.after}`).not.toContain(link.token);
  });

  it('redeem: sets a password verifyPassword accepts, marks the link used, bumps sessionVersion, audits', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db);
    const link = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    expect(await checkSetPasswordLink(db, link.token)).toEqual({ email: user.email });
    await expect(redeemSetPasswordLink(db, input(link.token))).resolves.toEqual({ userId: user.id, email: user.email });
    const row = await userRow(user.id);
    expect(await verifyPassword(NEW_PASSWORD, row.passwordHash!)).toBe(true);
    expect(row.sessionVersion).toBe(2);
    const stored = await db.setPasswordToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.usedAt).not.toBeNull();
    const audit = await auditRows(db, user.id, 'user.password_set');
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, actorLabel: user.email });
  });

  it('redeem: a link works once; the second use is refused and the password stays', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db);
    const link = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    await redeemSetPasswordLink(db, input(link.token));
    await expect(redeemSetPasswordLink(db, input(link.token, 'another passphrase here'))).rejects.toThrow(INVALID_LINK_MESSAGE);
    expect(await checkSetPasswordLink(db, link.token)).toBeNull();
    expect(await verifyPassword(NEW_PASSWORD, (await userRow(user.id)).passwordHash!)).toBe(true);
  });

  it('redeem: two uses at the same moment, exactly one wins', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db);
    const link = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    const results = await Promise.allSettled([redeemSetPasswordLink(db, input(link.token)), redeemSetPasswordLink(db, input(link.token))]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await auditRows(db, user.id, 'user.password_set')).toHaveLength(1);
  });

  it('expiry: a link older than 7 days is refused', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db);
    const link = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    const later = new Date(link.expiresAt.getTime() + 1_000);
    const justBefore = new Date(link.expiresAt.getTime() - 1_000);
    expect(await checkSetPasswordLink(db, link.token, justBefore)).not.toBeNull();
    expect(await checkSetPasswordLink(db, link.token, later)).toBeNull();
    await expect(redeemSetPasswordLink(db, input(link.token), later)).rejects.toThrow(INVALID_LINK_MESSAGE);
    expect((await userRow(user.id)).passwordHash).toBeNull();
  });

  it('reset: a new link makes the earlier unused one stop working', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db);
    const first = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    const second = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    expect(await checkSetPasswordLink(db, first.token)).toBeNull();
    await expect(redeemSetPasswordLink(db, input(first.token))).rejects.toThrow(INVALID_LINK_MESSAGE);
    await redeemSetPasswordLink(db, input(second.token));
  });

  it('redeem: unknown tokens and deactivated users are refused', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db);
    const link = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    await setUserActive(db, { userId: user.id, active: false }, admin.actor);
    expect(await checkSetPasswordLink(db, link.token)).toBeNull();
    await expect(redeemSetPasswordLink(db, input(link.token))).rejects.toThrow(INVALID_LINK_MESSAGE);
    expect(await checkSetPasswordLink(db, 'x'.repeat(43))).toBeNull();
    expect(await checkSetPasswordLink(db, '../../etc')).toBeNull();
  });

  it('reset: refused for a deactivated user and for the admin themself', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const inactive = await seedUser(db, { active: false });
    await expect(issueSetPasswordLink(db, { userId: inactive.id }, admin.actor)).rejects.toThrow(/Reactivate/);
    await expect(issueSetPasswordLink(db, { userId: admin.id }, admin.actor)).rejects.toThrow(/account page/);
  });
});
