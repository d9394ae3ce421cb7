// Test-only factories for the *.db.test.ts files of lib/users and lib/tokens.
import type { Db } from '@/lib/db';
import type { Role } from '@/lib/auth/roles';
import { actorFromUser, type Actor } from '@/lib/auth/actor';
import { hashPassword } from '@/lib/auth/password';
import { uniqueId } from './test-db';

export type SeededUser = { id: string; email: string; role: Role; actor: Actor & { id: string } };

/** A user with unique email; `password` is hashed when given, otherwise the account has none. */
export async function seedUser(db: Db, options: { role?: Role; active?: boolean; password?: string } = {}): Promise<SeededUser> {
  const email = `${uniqueId('user')}@example.org`;
  const role = options.role ?? 'VIEWER';
  const user = await db.user.create({
    data: {
      email,
      name: 'Test User',
      role,
      active: options.active ?? true,
      passwordHash: options.password ? await hashPassword(options.password) : null,
    },
    select: { id: true },
  });
  return { id: user.id, email, role, actor: actorFromUser({ id: user.id, email, role }) };
}

export function auditRows(db: Db, entityId: string, action?: string) {
  return db.auditLog.findMany({ where: { entityId, ...(action ? { action } : {}) }, orderBy: { createdAt: 'asc' } });
}

/**
 * Runs `body` while `keep` are the only active administrators, then reactivates the others.
 * Test files run one at a time (vitest.config.ts), so nothing else sees the interlude.
 */
export async function withOnlyTheseAdmins(db: Db, keep: string[], body: () => Promise<void>): Promise<void> {
  const others = await db.user.findMany({ where: { role: 'ADMIN', active: true, id: { notIn: keep } }, select: { id: true } });
  const ids = others.map((user) => user.id);
  await db.user.updateMany({ where: { id: { in: ids } }, data: { active: false } });
  try {
    await body();
  } finally {
    await db.user.updateMany({ where: { id: { in: ids } }, data: { active: true } });
  }
}
