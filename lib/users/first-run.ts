import type { Db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit/write-audit';
import { auditActorOf } from '@/lib/auth/actor';
import { ConflictError, DomainError } from '@/lib/errors';
import { USER_SUMMARY_SELECT, type UserSummary } from './create-user';

const SETUP_KEY = 'setup.completed';

/** True until the first administrator exists; after that the setup page is gone for good. */
export async function needsFirstAdmin(db: Db): Promise<boolean> {
  const [users, done] = await Promise.all([db.user.count(), db.setting.findUnique({ where: { key: SETUP_KEY } })]);
  return users === 0 && !done;
}

/**
 * Creates the first administrator. The setting row's primary key makes a second, concurrent
 * attempt fail inside its transaction, so two people racing the setup page cannot both win.
 */
export async function createFirstAdmin(db: Db, input: { email: string; name: string; password: string }): Promise<UserSummary> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      if ((await tx.user.count()) > 0) throw new ConflictError('setup_done', 'The first administrator already exists. Sign in instead.');
      await tx.setting.create({ data: { key: SETUP_KEY, value: new Date().toISOString() } });
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: 'ADMIN', passwordHash },
        select: USER_SUMMARY_SELECT,
      });
      await writeAudit(tx, { actor: auditActorOf(user), action: 'user.create_first_admin', entityType: 'user', entityId: user.id, after: user });
      return user;
    });
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (!(await needsFirstAdmin(db))) throw new ConflictError('setup_done', 'The first administrator already exists. Sign in instead.');
    throw error;
  }
}
