import { afterAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '@/lib/db/client';
import { testDatabaseUrl, testDb, uniqueId } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { authenticate } from './authenticate';

// Counts the password checks sign-in makes (a right one, a wrong one, or the dummy for an unknown email).
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock('./password', async (importOriginal) => {
  const real = await importOriginal<typeof import('./password')>();
  return {
    ...real,
    verifyPassword: (password: string, hash: string) => ((checks.count += 1), real.verifyPassword(password, hash)),
    burnPasswordCheck: (password: string) => ((checks.count += 1), real.burnPasswordCheck(password)),
  };
});

const db = testDb();
afterAll(() => db.$disconnect());
const PASSWORD = 'a long enough password';
const address = () => `10.0.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe('sign-in', () => {
  it('signs in with the right password and audits it; a wrong one is refused and audited, without saying which part was wrong', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    const ok = await authenticate(db, { email: user.email.toUpperCase(), password: PASSWORD, address: address() });
    expect(ok).toMatchObject({ ok: true, user: { id: user.id, email: user.email } });
    expect(await auditRows(db, user.id, 'auth.sign_in')).toHaveLength(1);

    const wrong = await authenticate(db, { email: user.email, password: 'not it at all', address: address() });
    const unknown = await authenticate(db, { email: `${uniqueId('nobody')}@example.org`, password: PASSWORD, address: address() });
    expect(wrong).toEqual({ ok: false, code: 'invalid' });
    expect(unknown).toEqual({ ok: false, code: 'invalid' });
    expect(await auditRows(db, user.id, 'auth.sign_in_failed')).toHaveLength(1);
  });

  it('a deactivated account cannot sign in, even with the right password', async () => {
    const user = await seedUser(db, { password: PASSWORD, active: false });
    expect(await authenticate(db, { email: user.email, password: PASSWORD, address: address() })).toEqual({ ok: false, code: 'invalid' });
  });

  it('locks an account after 5 failures, even for the right password, and the lock survives a restart (a new client)', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await authenticate(db, { email: user.email, password: `wrong ${attempt}`, address: address() })).toMatchObject({ ok: false, code: 'invalid' });
    }
    const locked = await authenticate(db, { email: user.email, password: PASSWORD, address: address() });
    expect(locked).toMatchObject({ ok: false, code: 'locked' });
    expect(locked.ok === false && locked.code === 'locked' && locked.retryAfterSeconds).toBeGreaterThan(60);

    const restarted = createClient(testDatabaseUrl());
    try {
      expect(await authenticate(restarted, { email: user.email, password: PASSWORD, address: address() })).toMatchObject({ ok: false, code: 'locked' });
    } finally {
      await restarted.$disconnect();
    }
  }, 60_000);

  it('30 parallel wrong passwords for one account are judged at most 5 times; the rest are refused as locked', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    checks.count = 0;
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, attempt) => authenticate(db, { email: user.email, password: `wrong ${attempt}`, address: address() })),
    );
    expect(checks.count).toBeLessThanOrEqual(5);
    expect(results.filter((result) => result.ok === false && result.code === 'invalid').length).toBeLessThanOrEqual(5);
    expect(results.filter((result) => result.ok === false && result.code === 'locked').length).toBeGreaterThanOrEqual(25);
    expect(await authenticate(db, { email: user.email, password: PASSWORD, address: address() })).toMatchObject({ ok: false, code: 'locked' });
  }, 60_000);

  it('a right password gives its reserved attempt back: the address is not charged for it', async () => {
    const user = await seedUser(db, { password: PASSWORD });
    const from = address();
    expect(await authenticate(db, { email: user.email, password: 'wrong', address: from })).toMatchObject({ ok: false });
    for (let i = 0; i < 3; i += 1) expect(await authenticate(db, { email: user.email, password: PASSWORD, address: from })).toMatchObject({ ok: true });
    const row = await db.rateLimiterFlexible.findUnique({ where: { key: `signin-address:${from}` } });
    expect(row?.points).toBe(1);
  });
});
