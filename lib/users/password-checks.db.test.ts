// The password checks that cost a bcrypt run, bounded: dead set-password links are refused before
// hashing, a signed-in user's current password cannot be guessed without limit, and passwords
// longer than bcrypt reads are refused rather than silently cut.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { changeOwnPasswordSchema, passwordSchema, setPasswordSchema } from '@/lib/validations/user';
import { issueSetPasswordLink } from './issue-set-password-link';
import { redeemSetPasswordLink } from './use-set-password-link';
import { changeOwnPassword } from './change-own-password';
import { hashPassword } from '@/lib/auth/password';
import { httpRefusal, asHttp } from '@/lib/test/refusal';

const bcryptRuns = vi.hoisted(() => ({ hash: 0, verify: 0 }));
vi.mock('@/lib/auth/password', async (importOriginal) => {
  const real = await importOriginal<typeof import('@/lib/auth/password')>();
  return {
    ...real,
    hashPassword: (password: string) => ((bcryptRuns.hash += 1), real.hashPassword(password)),
    verifyPassword: (password: string, hash: string) => ((bcryptRuns.verify += 1), real.verifyPassword(password, hash)),
  };
});

process.env.PASSWORD_HASH_COST = '10';
const db = testDb();
afterAll(() => db.$disconnect());
const NEXT = 'a brand new passphrase';

describe('set-password links are checked before hashing', () => {
  it('an unknown link, or one already used, is refused without a bcrypt run', async () => {
    bcryptRuns.hash = 0;
    expect(
      await httpRefusal(redeemSetPasswordLink(db, setPasswordSchema.parse({ token: 'x'.repeat(43), password: NEXT, confirmPassword: NEXT }))),
    ).toMatchObject({
      status: 404,
    });
    expect(bcryptRuns.hash).toBe(0);

    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db);
    const link = await issueSetPasswordLink(db, { userId: user.id }, admin.actor);
    await redeemSetPasswordLink(db, setPasswordSchema.parse({ token: link.token, password: NEXT, confirmPassword: NEXT }));
    bcryptRuns.hash = 0;
    expect(await httpRefusal(redeemSetPasswordLink(db, setPasswordSchema.parse({ token: link.token, password: NEXT, confirmPassword: NEXT })))).toMatchObject({
      status: 404,
    });
    expect(bcryptRuns.hash).toBe(0);
  });
});

describe('own password change: the current password cannot be guessed without limit', () => {
  it('20 parallel wrong guesses from one session are judged at most 5 times; then even the right one waits', async () => {
    const user = await seedUser(db, { password: 'the right current one' });
    const guess = (currentPassword: string) =>
      changeOwnPassword(db, changeOwnPasswordSchema.parse({ currentPassword, password: NEXT, confirmPassword: NEXT }), user.actor);
    bcryptRuns.verify = 0;
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => guess(`wrong guess ${i}`)));
    expect(bcryptRuns.verify).toBeLessThanOrEqual(5);
    const statuses = results.map((result) => (result.status === 'rejected' ? asHttp(result.reason).status : 200));
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(15);
    expect(await httpRefusal(guess('the right current one'))).toMatchObject({ status: 429 });
  });

  it('a right current password gives its attempt back', async () => {
    const user = await seedUser(db, { password: 'the right current one' });
    const input = (currentPassword: string, password: string) => changeOwnPasswordSchema.parse({ currentPassword, password, confirmPassword: password });
    expect(await httpRefusal(changeOwnPassword(db, input('wrong', NEXT), user.actor))).toMatchObject({ status: 400 });
    let current = 'the right current one';
    for (let i = 0; i < 5; i += 1) {
      const next = `the next password ${i}`;
      await changeOwnPassword(db, input(current, next), user.actor);
      current = next;
    }
  });
});

describe('bcrypt’s 72-byte limit', () => {
  it('a new password over 72 bytes is refused with a message, also when accents make the bytes run out first', () => {
    expect(passwordSchema.safeParse('a'.repeat(72)).success).toBe(true);
    expect(passwordSchema.safeParse('a'.repeat(73)).success).toBe(false);
    const accented = 'é'.repeat(40); // 40 characters, 80 bytes
    const refused = passwordSchema.safeParse(accented);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toMatch(/72 bytes/);
  });

  it('hashPassword refuses more than 72 bytes instead of silently using the first 72', async () => {
    await expect(hashPassword(`${'a'.repeat(72)}and the rest`)).rejects.toThrow(/72 bytes/);
  });
});
