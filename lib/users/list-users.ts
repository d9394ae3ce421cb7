import type { Db } from '@/lib/db';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';

/** What the admin page shows about a user. Never the password hash. */
export type UserListItem = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastSignInAt: Date | null;
  createdAt: Date;
};

const USER_LIST_SELECT = { id: true, email: true, name: true, role: true, active: true, lastSignInAt: true, createdAt: true } as const;

/** Every user, active ones first, then by email. Users are never deleted, only deactivated. */
export async function listUsers(db: Db, actor: Actor): Promise<UserListItem[]> {
  requireRole(actor, 'ADMIN');
  const users = await db.user.findMany({ select: USER_LIST_SELECT, orderBy: [{ active: 'desc' }, { email: 'asc' }] });
  return users.map((user) => ({ ...user, role: user.role as Role }));
}
