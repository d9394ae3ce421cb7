import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '@/lib/errors';
import { asHttp } from '@/lib/test/refusal';
import { verifyPassword } from '@/lib/auth/password';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { changeOwnPasswordSchema } from '@/lib/validations/user';
import { changeOwnPassword } from './change-own-password';

process.env.PASSWORD_HASH_COST = '10';
const db = testDb();
afterAll(() => db.$disconnect());

const CURRENT = 'my current password';
const NEXT = 'my next password please';
const input = (currentPassword: string) => changeOwnPasswordSchema.parse({ currentPassword, password: NEXT, confirmPassword: NEXT });

describe('account: changing one’s own password', () => {
  it('own password: with the right current password it changes, keeps the session, and is audited', async () => {
    const user = await seedUser(db, { password: CURRENT });
    await changeOwnPassword(db, input(CURRENT), user.actor);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(NEXT, row.passwordHash!)).toBe(true);
    expect(row.sessionVersion).toBe(0);
    const audit = await auditRows(db, user.id, 'user.password_change');
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(user.id);
  });

  it('own password: a wrong current password is a field error and nothing changes', async () => {
    const user = await seedUser(db, { password: CURRENT });
    const error = await changeOwnPassword(db, input('not my password'), user.actor).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DomainError);
    expect(asHttp(error).fields).toEqual({ currentPassword: ['Your current password is not right.'] });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(CURRENT, row.passwordHash!)).toBe(true);
    expect(await auditRows(db, user.id)).toHaveLength(0);
  });

  it('own password: the form schema wants matching, new, long-enough passwords', () => {
    const errorsOf = (value: Record<string, string>) =>
      changeOwnPasswordSchema.safeParse(value).error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    expect(errorsOf({ currentPassword: CURRENT, password: NEXT, confirmPassword: 'different' })).toEqual(['confirmPassword: The two passwords differ.']);
    expect(errorsOf({ currentPassword: CURRENT, password: CURRENT, confirmPassword: CURRENT })).toEqual([
      'password: Choose a password different from your current one.',
    ]);
    expect(errorsOf({ currentPassword: '', password: 'short', confirmPassword: 'short' })).toEqual([
      'currentPassword: Enter your current password.',
      'password: Use at least 12 characters.',
    ]);
  });
});
