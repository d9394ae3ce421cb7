// Sign-in throttling: per account (email) and per client address. After a few failures each
// attempt is slowed down; at the limit, sign-in is refused for a while, whatever the password.
// An attempt reserves its place in both counters (an atomic increment in the database) before
// the password is checked, and a successful one gives it back: a burst of parallel guesses cannot
// all read "4 failures so far" and all be judged.
// Counters live in the database (rate-limiter-flexible's Prisma store), so they survive restarts
// and are shared by every app server. Limits are set by environment variables (README).
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
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

/** What reserveSignIn took, handed to confirmFailedSignIn or releaseSignIn. */
export type SignInReservation = { email: string; address: string; accountCount: number; addressCount: number };

type Taken = { ok: true; count: number } | { ok: false; msBeforeNext: number };

async function take(limiter: RateLimiterPrisma, key: string): Promise<Taken> {
  try {
    return { ok: true, count: (await limiter.consume(key, 1)).consumedPoints };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { ok: false, msBeforeNext: error.msBeforeNext };
    throw error;
  }
}

/**
 * Reserves one attempt for the account and one for the address, atomically, before the password
 * is checked: of any number of parallel attempts, at most the limit get a reservation.
 */
export async function reserveSignIn(
  db: Db,
  email: string,
  address: string,
): Promise<{ allowed: true; delayMs: number; reservation: SignInReservation } | { allowed: false; retryAfterSeconds: number }> {
  const { account, address: byAddress } = limiters(db);
  const key = accountKey(email);
  const [forAccount, forAddress] = await Promise.all([take(account, key), take(byAddress, address)]);
  if (!forAccount.ok || !forAddress.ok) {
    // Give back the half that was taken: the attempt is not judged.
    if (forAccount.ok) await account.reward(key, 1);
    if (forAddress.ok) await byAddress.reward(address, 1);
    const lockedMs = Math.max(forAccount.ok ? 0 : forAccount.msBeforeNext, forAddress.ok ? 0 : forAddress.msBeforeNext, 1000);
    return { allowed: false, retryAfterSeconds: Math.ceil(lockedMs / 1000) };
  }
  const failures = forAccount.count - 1;
  const delayMs = failures < 2 ? 0 : Math.min(4_000, 250 * 2 ** (failures - 1));
  return { allowed: true, delayMs, reservation: { email: key, address, accountCount: forAccount.count, addressCount: forAddress.count } };
}

/** The reserved attempt failed: it stays counted, and at the limit the account or address is locked. */
export async function confirmFailedSignIn(db: Db, reservation: SignInReservation): Promise<void> {
  const { account, address: byAddress, settings } = limiters(db);
  if (reservation.accountCount >= settings.perAccount) await account.block(reservation.email, settings.lockSeconds);
  if (reservation.addressCount >= settings.perAddress) await byAddress.block(reservation.address, settings.lockSeconds);
}

/** The reserved attempt succeeded: the account's failures are forgotten and the address gets its place back. */
export async function releaseSignIn(db: Db, reservation: SignInReservation): Promise<void> {
  const { account, address: byAddress } = limiters(db);
  await account.delete(reservation.email);
  await byAddress.reward(reservation.address, 1);
}
