// Attempt counters kept in the database (so every app server shares them), one per purpose: a
// key may use `points` attempts per `windowSeconds`; past that, a TooManyAttemptsError (429) that
// says when to try again. Used by the public forms' limit and the current-password check; sign-in
// has its own pair of counters (throttle.ts) because it confirms failures after the fact.
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import type { Db } from '@/lib/db';
import { TooManyAttemptsError } from '@/lib/errors';

export type AttemptLimit = {
  /** Counts one attempt for `key`; past the limit, throws TooManyAttemptsError. */
  consume: (db: Db, key: string) => Promise<void>;
  /** Forgets `key`'s attempts (a right answer gives its attempt back). */
  release: (db: Db, key: string) => Promise<void>;
};

/** `refusal(minutes)` is the sentence shown past the limit. */
export function attemptLimit(options: {
  keyPrefix: string;
  limit: () => { points: number; windowSeconds: number };
  refusal: (minutes: number) => string;
}): AttemptLimit {
  const limiters = new WeakMap<Db, RateLimiterPrisma>();
  const limiter = (db: Db): RateLimiterPrisma => {
    let found = limiters.get(db);
    if (!found) {
      const { points, windowSeconds } = options.limit();
      found = new RateLimiterPrisma({
        storeClient: db,
        tableName: 'rateLimiterFlexible',
        keyPrefix: options.keyPrefix,
        points,
        duration: windowSeconds,
        clearExpiredByTimeout: false,
      });
      limiters.set(db, found);
    }
    return found;
  };
  return {
    consume: async (db, key) => {
      try {
        await limiter(db).consume(key, 1);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const minutes = Math.max(1, Math.ceil(error.msBeforeNext / 60_000));
        throw new TooManyAttemptsError(options.refusal(minutes), Math.ceil(error.msBeforeNext / 1000));
      }
    },
    release: async (db, key) => void (await limiter(db).delete(key)),
  };
}

/** "3 minutes", "1 minute". */
export const minutesText = (minutes: number) => `${minutes} minute${minutes === 1 ? '' : 's'}`;
