import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import { DomainError } from '@/lib/errors';
import { httpRefusal, asHttp } from '@/lib/test/refusal';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser, withOnlyTheseAdmins } from '@/lib/test/user-factory';
import { changeRole } from './change-role';
import { setUserActive } from './set-user-active';

const db = testDb();
afterAll(() => db.$disconnect());

describe('admin: changing roles', () => {
  it('roles: a change is saved and audited with the role before and after', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db, { role: 'VIEWER' });
    const updated = await changeRole(db, { userId: user.id, role: 'EDITOR' }, admin.actor);
    expect(updated.role).toBe('EDITOR');
    const audit = await auditRows(db, user.id, 'user.role_change');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.before!)).toEqual({ role: 'VIEWER' });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ role: 'EDITOR' });
    expect(audit[0]!.actorId).toBe(admin.id);
  });

  it('roles: choosing the role a user already has writes nothing', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db, { role: 'EDITOR' });
    await changeRole(db, { userId: user.id, role: 'EDITOR' }, admin.actor);
    expect(await auditRows(db, user.id)).toHaveLength(0);
  });

  it('roles: an unknown user is not found', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    expect(await httpRefusal(changeRole(db, { userId: 'no-such-user', role: 'EDITOR' }, admin.actor))).toMatchObject({ status: 404 });
  });
});

describe('admin: the last active administrator', () => {
  it('last admin: cannot be demoted, by themself or anyone, and nothing is written', async () => {
    const only = await seedUser(db, { role: 'ADMIN' });
    await withOnlyTheseAdmins(db, [only.id], async () => {
      const error = await changeRole(db, { userId: only.id, role: 'EDITOR' }, only.actor).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect(asHttp(error).message).toMatch(/last active administrator/);
      expect((await db.user.findUniqueOrThrow({ where: { id: only.id } })).role).toBe('ADMIN');
      expect(await auditRows(db, only.id)).toHaveLength(0);
    });
  });

  it('last admin: cannot be deactivated', async () => {
    const only = await seedUser(db, { role: 'ADMIN' });
    await withOnlyTheseAdmins(db, [only.id], async () => {
      // A system actor, so the self-deactivation rule is not what refuses it.
      await expect(setUserActive(db, { userId: only.id, active: false }, SYSTEM_ACTOR)).rejects.toThrow(/last active administrator/);
      expect((await db.user.findUniqueOrThrow({ where: { id: only.id } })).active).toBe(true);
    });
  });

  it('last admin: with a second active administrator, one may be demoted', async () => {
    const first = await seedUser(db, { role: 'ADMIN' });
    const second = await seedUser(db, { role: 'ADMIN' });
    await withOnlyTheseAdmins(db, [first.id, second.id], async () => {
      await changeRole(db, { userId: first.id, role: 'VIEWER' }, second.actor);
      await expect(changeRole(db, { userId: second.id, role: 'VIEWER' }, second.actor)).rejects.toThrow(/last active administrator/);
    });
  });

  it('last admin: an inactive administrator does not count', async () => {
    const active = await seedUser(db, { role: 'ADMIN' });
    const inactive = await seedUser(db, { role: 'ADMIN', active: false });
    await withOnlyTheseAdmins(db, [active.id], async () => {
      await expect(changeRole(db, { userId: active.id, role: 'EDITOR' }, active.actor)).rejects.toThrow(/last active administrator/);
      // Demoting the inactive one is fine: it leaves the active one in place.
      await changeRole(db, { userId: inactive.id, role: 'EDITOR' }, active.actor);
    });
  });

  it('last admin: two administrators demoting each other at once leave one administrator', async () => {
    const first = await seedUser(db, { role: 'ADMIN' });
    const second = await seedUser(db, { role: 'ADMIN' });
    await withOnlyTheseAdmins(db, [first.id, second.id], async () => {
      const results = await Promise.allSettled([
        changeRole(db, { userId: first.id, role: 'VIEWER' }, second.actor),
        changeRole(db, { userId: second.id, role: 'VIEWER' }, first.actor),
      ]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      expect(await db.user.count({ where: { id: { in: [first.id, second.id] }, role: 'ADMIN', active: true } })).toBe(1);
    });
  });
});
