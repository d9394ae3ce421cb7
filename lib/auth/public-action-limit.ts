// A limit on the public forms that hash a password without a session (the first-administrator
// setup and the set-password link): each attempt from one client address counts, right or wrong,
// so nobody can make the server hash passwords, or try setup codes and link tokens, without end.
// Stored in the database like the sign-in counters (lib/auth/throttle.ts).
import type { Db } from '@/lib/db';
import { attemptLimit, minutesText } from './attempt-limit';

export const PUBLIC_ACTION_LIMIT = { points: 10, windowSeconds: 15 * 60 };

const attempts = attemptLimit({
  keyPrefix: 'public-action',
  limit: () => PUBLIC_ACTION_LIMIT,
  refusal: (minutes) => `Too many attempts. Try again in ${minutesText(minutes)}.`,
});

/** Counts one attempt of `action` from `address`; past the limit, a TooManyAttemptsError (429). */
export async function limitPublicAction(db: Db, action: string, address: string): Promise<void> {
  await attempts.consume(db, `${action}:${address}`);
}
