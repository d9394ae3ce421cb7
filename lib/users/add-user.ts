import { hashPassword } from '@/lib/auth/password';
import type { Db } from '@/lib/db';
import { ConflictError } from '@/lib/errors';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { NewUserInput } from '@/lib/validations/user';
import { DuplicateEmailError, insertUser, type UserSummary } from './create-user';
import { insertSetPasswordLink, type SetPasswordLink } from './issue-set-password-link';

const duplicateEmail = () =>
  new ConflictError('duplicate_email', 'A user with this email already exists.', { email: ['A user with this email already exists.'] });

/**
 * Adds a user from the admin page: either with the password the administrator typed, or with no
 * password and a one-time set-password link, created together in one transaction.
 */
export async function addUser(db: Db, input: NewUserInput, actor: Actor): Promise<{ user: UserSummary; link: SetPasswordLink | null }> {
  requireRole(actor, 'ADMIN');
  const passwordHash = input.passwordSetup === 'password' ? await hashPassword(input.password) : null;
  try {
    return await db.$transaction(async (tx) => {
      const user = await insertUser(tx, { email: input.email, name: input.name, role: input.role, passwordHash }, actor);
      const link = passwordHash === null ? await insertSetPasswordLink(tx, user, actor) : null;
      return { user, link };
    });
  } catch (error) {
    // P2002: a concurrent request created the same email between the check and the insert.
    if (error instanceof DuplicateEmailError || (error as { code?: unknown } | null)?.code === 'P2002') throw duplicateEmail();
    throw error;
  }
}
