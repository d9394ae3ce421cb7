import type { Db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit, type Actor } from '@/lib/audit/write-audit';
import type { CreateUserInput } from '@/lib/validations/user';

export class DuplicateEmailError extends Error {
  constructor() {
    super('A user with this email already exists.');
  }
}

export type UserSummary = { id: string; email: string; name: string; role: string; active: boolean };

export const USER_SUMMARY_SELECT = { id: true, email: true, name: true, role: true, active: true } as const;

/** Creates a user and its audit row in one transaction. Input must already be parsed by createUserSchema. */
export async function createUser(db: Db, input: CreateUserInput, actor: Actor): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
    if (existing) throw new DuplicateEmailError();
    const user = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, passwordHash },
      select: USER_SUMMARY_SELECT,
    });
    await writeAudit(tx, { actor, action: 'user.create', entityType: 'user', entityId: user.id, after: user });
    return user;
  });
}
