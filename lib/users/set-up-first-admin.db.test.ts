import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { firstAdminSchema } from '@/lib/validations/user';
import { ensureSetupCode, newSetupCode } from './setup-code';
import { setUpFirstAdmin } from './set-up-first-admin';
import { httpRefusal } from '@/lib/test/refusal';

// The test database already has users, so "is setup still open" and the creation itself are stood
// in for: what is tested is the order of the checks and that nothing is hashed or created early.
const firstRun = vi.hoisted(() => ({ open: true, created: 0 }));
vi.mock('./first-run', () => ({
  needsFirstAdmin: async () => firstRun.open,
  createFirstAdmin: async (_db: unknown, input: { email: string; name: string }) => {
    firstRun.created += 1;
    return { id: 'admin', email: input.email, name: input.name, role: 'ADMIN', active: true };
  },
}));

const db = testDb();
afterAll(() => db.$disconnect());
const address = () => `10.7.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
const input = (setupCode: string) =>
  firstAdminSchema.parse({
    setupCode,
    email: 'first@example.org',
    name: 'First',
    password: 'a long enough password',
    confirmPassword: 'a long enough password',
  });

beforeEach(() => {
  firstRun.open = true;
  firstRun.created = 0;
});

describe('first-administrator setup', () => {
  it('needs the setup code: a wrong one is a field error and nobody is created', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'setup-')), 'setup-code');
    ensureSetupCode(file);
    expect(await httpRefusal(setUpFirstAdmin(db, input(newSetupCode()), address(), file))).toMatchObject({ status: 400, code: 'wrong_setup_code' });
    expect(firstRun.created).toBe(0);
  });

  it('with the right code creates the administrator, and the code is then gone', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'setup-')), 'setup-code');
    const { code } = ensureSetupCode(file);
    await setUpFirstAdmin(db, input(code), address(), file);
    expect(firstRun.created).toBe(1);
    expect(await httpRefusal(setUpFirstAdmin(db, input(code), address(), file))).toMatchObject({ code: 'wrong_setup_code' });
  });

  it('once setup is done, it answers so before looking at the code or the password', async () => {
    firstRun.open = false;
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'setup-')), 'setup-code');
    const { code } = ensureSetupCode(file);
    expect(await httpRefusal(setUpFirstAdmin(db, input(code), address(), file))).toMatchObject({ status: 409, code: 'setup_done' });
    expect(firstRun.created).toBe(0);
  });

  it('an address gets 10 attempts per 15 minutes; the 11th is refused with 429 whatever the code', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'setup-')), 'setup-code');
    const { code } = ensureSetupCode(file);
    const from = address();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      expect(await httpRefusal(setUpFirstAdmin(db, input(newSetupCode()), from, file))).toMatchObject({ code: 'wrong_setup_code' });
    }
    expect(await httpRefusal(setUpFirstAdmin(db, input(code), from, file))).toMatchObject({ status: 429, code: 'too_many_attempts' });
    expect(firstRun.created).toBe(0);
  });
});
