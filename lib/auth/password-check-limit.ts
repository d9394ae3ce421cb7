// A limit on checking a signed-in user's current password (the own password change). A stolen
// session must not become an unlimited password-guessing oracle: each check reserves an attempt
// before bcrypt runs, a right password gives it back, and after the limit the account's checks are
// refused until the window passes. Shares the sign-in settings (SIGNIN_MAX_FAILURES_PER_ACCOUNT...).
import type { Db } from '@/lib/db';
import { attemptLimit, minutesText } from './attempt-limit';
import { throttleSettings } from './throttle';

const checks = attemptLimit({
  keyPrefix: 'password-check',
  limit: () => ({ points: throttleSettings().perAccount, windowSeconds: throttleSettings().windowSeconds }),
  refusal: (minutes) => `Too many wrong current passwords. Try again in ${minutesText(minutes)}.`,
});

/** Reserves one check of `userId`'s current password; past the limit, a 429. Returns the give-back for a right password. */
export async function reservePasswordCheck(db: Db, userId: string): Promise<{ release: () => Promise<void> }> {
  await checks.consume(db, userId);
  return { release: () => checks.release(db, userId) };
}
