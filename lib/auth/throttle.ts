// Sign-in throttling: per account (email) and per client address. After a few failures each
// attempt is slowed down; at the limit, sign-in is refused for a while, whatever the password.
// Counters live in the database (rate-limiter-flexible's Prisma store), so they survive restarts
// and are shared by every app server. Limits are set by environment variables (README).
import { RateLimiterPrisma } from 'rate-limiter-flexible';
import type { Db } from '@/lib/db';

const num = (name: string, fallback: number) => Number(process.env[name]) || fallback;

export const throttleSettings = () => ({
  perAccount: num('SIGNIN_MAX_FAILURES_PER_ACCOUNT', 5),
  perAddress: num('SIGNIN_MAX_FAILURES_PER_ADDRESS', 50),
  windowSeconds: num('SIGNIN_FAILURE_WINDOW_SECONDS', 15 * 60),
  lockSeconds: num('SIGNIN_LOCK_SECONDS', 15 * 60),
});

type Limiters = { account: RateLimiterPrisma; address: RateLimiterPrisma; settings: ReturnType<typeof throttleSettings> };
const cache = new WeakMap<Db, Limiters>();

function limiters(db: Db): Limiters {
  let found = cache.get(db);
  if (!found) {
    const settings = throttleSettings();
    const make = (keyPrefix: string, points: number) =>
      new RateLimiterPrisma({
        storeClient: db,
        tableName: 'rateLimiterFlexible',
        keyPrefix,
        points,
        duration: settings.windowSeconds,
        clearExpiredByTimeout: false,
      });
    found = { account: make('signin-account', settings.perAccount), address: make('signin-address', settings.perAddress), settings };
    cache.set(db, found);
  }
  return found;
}

export type ThrottleVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterSeconds: number };

const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 254);

export async function checkSignIn(db: Db, email: string, address: string): Promise<ThrottleVerdict> {
  const { account, address: byAddress, settings } = limiters(db);
  const [forAccount, forAddress] = await Promise.all([account.get(accountKey(email)), byAddress.get(address)]);
  const locked = [
    forAccount && forAccount.consumedPoints >= settings.perAccount ? forAccount.msBeforeNext : 0,
    forAddress && forAddress.consumedPoints >= settings.perAddress ? forAddress.msBeforeNext : 0,
  ];
  const lockedMs = Math.max(...locked);
  if (lockedMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(lockedMs / 1000) };
  const failures = forAccount?.consumedPoints ?? 0;
  // 0, 0, then 0.5 s, 1 s, 2 s ... capped at 4 s: harmless to a person, ruinous to a guesser.
  const delayMs = failures < 2 ? 0 : Math.min(4_000, 250 * 2 ** (failures - 1));
  return { allowed: true, delayMs };
}

export async function recordFailedSignIn(db: Db, email: string, address: string): Promise<void> {
  const { account, address: byAddress, settings } = limiters(db);
  for (const [limiter, key, limit] of [
    [account, accountKey(email), settings.perAccount],
    [byAddress, address, settings.perAddress],
  ] as const) {
    const result = await limiter.penalty(key, 1);
    if (result.consumedPoints >= limit) await limiter.block(key, settings.lockSeconds);
  }
}

export async function recordSuccessfulSignIn(db: Db, email: string): Promise<void> {
  await limiters(db).account.delete(accountKey(email));
}
