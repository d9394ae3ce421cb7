// A limit on the public forms that hash a password without a session (the first-administrator
// setup and the set-password link): each attempt from one client address counts, right or wrong,
// so nobody can make the server hash passwords, or try setup codes and link tokens, without end.
// Stored in the database like the sign-in counters (lib/auth/throttle.ts).
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/lib/db';
import { TooManyAttemptsError } from '@/lib/errors';

export const PUBLIC_ACTION_LIMIT = { points: 10, windowSeconds: 15 * 60 };

const limiters = new WeakMap<Db, RateLimiterPrisma>();

function limiter(db: Db): RateLimiterPrisma {
  let found = limiters.get(db);
  if (!found) {
    found = new RateLimiterPrisma({
      storeClient: db,
      tableName: 'rateLimiterFlexible',
      keyPrefix: 'public-action',
      points: PUBLIC_ACTION_LIMIT.points,
      duration: PUBLIC_ACTION_LIMIT.windowSeconds,
      clearExpiredByTimeout: false,
    });
    limiters.set(db, found);
  }
  return found;
}

/** Counts one attempt of `action` from `address`; past the limit, a TooManyAttemptsError (429). */
export async function limitPublicAction(db: Db, action: string, address: string): Promise<void> {
  try {
    await limiter(db).consume(`${action}:${address}`, 1);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
    throw new TooManyAttemptsError(`Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, Math.ceil(error.msBeforeNext / 1000));
  }
}
