import type { Db, Tx } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { CreateUserInput } from '@/lib/validations/user';

export class DuplicateEmailError extends Error {
  constructor() {
    super('A user with this email already exists.');
  }
}

export type UserSummary = { id: string; email: string; name: string; role: string; active: boolean };

export const USER_SUMMARY_SELECT = { id: true, email: true, name: true, role: true, active: true } as const;

type NewUser = { email: string; name: string; role: string; passwordHash: string | null };

/** Inserts a user and its audit row in the caller's transaction. A null hash means "no password yet". */
export async function insertUser(tx: Tx, user: NewUser, actor: Actor): Promise<UserSummary> {
  const existing = await tx.user.findUnique({ where: { email: user.email }, select: { id: true } });
  if (existing) throw new DuplicateEmailError();
  const created = await tx.user.create({ data: user, select: USER_SUMMARY_SELECT });
  await writeAudit(tx, { actor, action: 'user.create', entityType: 'user', entityId: created.id, after: created });
  return created;
}

/** Creates a user with a password, in one transaction. Input must already be parsed by createUserSchema. */
export async function createUser(db: Db, input: CreateUserInput, actor: Actor): Promise<UserSummary> {
  requireRole(actor, 'ADMIN');
  const passwordHash = await hashPassword(input.password);
  return db.$transaction((tx) => insertUser(tx, { email: input.email, name: input.name, role: input.role, passwordHash }, actor));
}
