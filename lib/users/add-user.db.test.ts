import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { asHttp } from '@/lib/test/refusal';
import { verifyPassword } from '@/lib/auth/password';
import { hashToken } from '@/lib/tokens/token-secret';
import { testDb, uniqueId } from '@/lib/test/test-db';
import { auditRows, seedUser, type SeededUser } from '@/lib/test/user-factory';
import { newUserSchema } from '@/lib/validations/user';
import { addUser } from './add-user';

process.env.PASSWORD_HASH_COST = '10';
const db = testDb();
let admin: SeededUser;
beforeAll(async () => {
  admin = await seedUser(db, { role: 'ADMIN' });
});
afterAll(() => db.$disconnect());

const email = () => `${uniqueId('new')}@example.org`;

describe('admin: adding a user', () => {
  it('users: created with a typed password, audited as user.create by the admin', async () => {
    const input = newUserSchema.parse({
      passwordSetup: 'password',
      email: email().toUpperCase(),
      name: ' Alice ',
      role: 'EDITOR',
      password: 'correct horse battery',
    });
    const { user, link } = await addUser(db, input, admin.actor);
    expect(link).toBeNull();
    expect(user).toMatchObject({ email: input.email, name: 'Alice', role: 'EDITOR', active: true });
    expect(user.email).toBe(user.email.toLowerCase());
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword('correct horse battery', stored.passwordHash!)).toBe(true);
    const audit = await auditRows(db, user.id);
    expect(audit.map((row) => row.action)).toEqual(['user.create']);
    expect(audit[0]).toMatchObject({ actorId: admin.id, actorLabel: admin.email, entityType: 'user' });
    expect(audit[0]!.after).not.toContain('passwordHash');
  });

  it('users: created with a one-time link, the account has no password and only the hash of the link is stored', async () => {
    const input = newUserSchema.parse({ passwordSetup: 'link', email: email(), name: 'Bob', role: 'VIEWER' });
    const { user, link } = await addUser(db, input, admin.actor);
    expect(link).not.toBeNull();
    expect(link!.url).toMatch(new RegExp(`/set-password/${link!.token}$`));
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBeNull();
    const tokens = await db.setPasswordToken.findMany({ where: { userId: user.id } });
    expect(tokens).toHaveLength(1);
    expect(tokens[0]!.tokenHash).toBe(hashToken(link!.token));
    expect(tokens[0]!.tokenHash).not.toContain(link!.token);
    const days = (tokens[0]!.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const actions = (await auditRows(db, user.id)).map((row) => row.action);
    expect(actions).toEqual(['user.create', 'user.password_reset_link']);
  });

  it('users: a duplicate email (any case) is refused on the email field and nothing is written', async () => {
    const taken = email();
    await addUser(db, newUserSchema.parse({ passwordSetup: 'link', email: taken, name: 'First', role: 'VIEWER' }), admin.actor);
    const before = { users: await db.user.count(), audit: await db.auditLog.count(), links: await db.setPasswordToken.count() };
    const again = newUserSchema.parse({ passwordSetup: 'link', email: taken.toUpperCase(), name: 'Second', role: 'ADMIN' });
    const error = await addUser(db, again, admin.actor).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(asHttp(error).fields?.email).toEqual(['A user with this email already exists.']);
    expect({ users: await db.user.count(), audit: await db.auditLog.count(), links: await db.setPasswordToken.count() }).toEqual(before);
  });

  it('users: the form schema asks for the password only when the admin chose to type one', () => {
    expect(newUserSchema.safeParse({ passwordSetup: 'link', email: email(), name: 'C', role: 'VIEWER', password: '' }).success).toBe(true);
    const missing = newUserSchema.safeParse({ passwordSetup: 'password', email: email(), name: 'C', role: 'VIEWER', password: 'short' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['password']);
  });
});
