import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { listUsers } from './list-users';
import { readerActor } from '@/lib/test/refusal';

process.env.PASSWORD_HASH_COST = '10';
const db = testDb();
afterAll(() => db.$disconnect());

describe('admin: the list of users', () => {
  it('list: every user, active first, with only the fields the page shows (never the password hash)', async () => {
    const active = await seedUser(db, { role: 'EDITOR', password: 'a password to hide' });
    const inactive = await seedUser(db, { active: false });
    const users = await listUsers(db, readerActor('ADMIN'));
    expect(users.map((user) => user.id)).toEqual(expect.arrayContaining([active.id, inactive.id]));
    expect(Object.keys(users[0]!).sort()).toEqual(['active', 'createdAt', 'email', 'id', 'lastSignInAt', 'name', 'role']);
    const firstInactive = users.findIndex((user) => !user.active);
    expect(users.slice(firstInactive).every((user) => !user.active)).toBe(true);
  });
});
