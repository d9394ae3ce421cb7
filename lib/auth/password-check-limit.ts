// A limit on checking a signed-in user's current password (the own password change). A stolen
// session must not become an unlimited password-guessing oracle: each check reserves an attempt
// before bcrypt runs, a right password gives it back, and after the limit the account's checks are
// refused until the window passes. Shares the sign-in settings (SIGNIN_MAX_FAILURES_PER_ACCOUNT...).
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/lib/db';
import { TooManyAttemptsError } from '@/lib/errors';
import { throttleSettings } from './throttle';

const limiters = new WeakMap<Db, RateLimiterPrisma>();

function limiter(db: Db): RateLimiterPrisma {
  let found = limiters.get(db);
  if (!found) {
    const settings = throttleSettings();
    found = new RateLimiterPrisma({
      storeClient: db,
      tableName: 'rateLimiterFlexible',
      keyPrefix: 'password-check',
      points: settings.perAccount,
      duration: settings.windowSeconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(db, found);
  }
  return found;
}

/** Reserves one check of `userId`'s current password; past the limit, a 429. Returns the give-back for a right password. */
export async function reservePasswordCheck(db: Db, userId: string): Promise<{ release: () => Promise<void> }> {
  try {
    await limiter(db).consume(userId, 1);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw new TooManyAttemptsError(`Too many wrong current passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, Math.ceil(error.msBeforeNext / 1000));
  }
  return { release: async () => void (await limiter(db).delete(userId)) };
}
