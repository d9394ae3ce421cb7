import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { auditRows, seedUser } from '@/lib/test/user-factory';
import { setUserActive } from './set-user-active';

const db = testDb();
afterAll(() => db.$disconnect());

const sessionVersionOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id } })).sessionVersion;

describe('admin: deactivating and reactivating users', () => {
  it('deactivate: the user is kept, marked inactive, their sessions end (sessionVersion bumped), audited', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db, { role: 'EDITOR' });
    const before = await sessionVersionOf(user.id);
    const updated = await setUserActive(db, { userId: user.id, active: false }, admin.actor);
    expect(updated.active).toBe(false);
    expect(await sessionVersionOf(user.id)).toBe(before + 1);
    const audit = await auditRows(db, user.id, 'user.deactivate');
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.after!)).toEqual({ active: false });
  });

  it('reactivate: the user is active again and it is audited', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db, { active: false });
    expect((await setUserActive(db, { userId: user.id, active: true }, admin.actor)).active).toBe(true);
    expect(await auditRows(db, user.id, 'user.reactivate')).toHaveLength(1);
  });

  it('deactivate: an administrator cannot deactivate themself, even when other administrators exist', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    await seedUser(db, { role: 'ADMIN' });
    await expect(setUserActive(db, { userId: admin.id, active: false }, admin.actor)).rejects.toThrow(/your own account/);
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it('deactivate: doing it twice changes nothing the second time', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const user = await seedUser(db);
    await setUserActive(db, { userId: user.id, active: false }, admin.actor);
    const version = await sessionVersionOf(user.id);
    await setUserActive(db, { userId: user.id, active: false }, admin.actor);
    expect(await sessionVersionOf(user.id)).toBe(version);
    expect(await auditRows(db, user.id, 'user.deactivate')).toHaveLength(1);
  });
});
