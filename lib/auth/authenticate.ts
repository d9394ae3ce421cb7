import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { auditActorOf } from './actor';
import { burnPasswordCheck, verifyPassword } from './password';
import { startUserSession } from './user-sessions';
import { confirmFailedSignIn, releaseSignIn, reserveSignIn } from './throttle';
import { log } from '@/lib/log/logger';

export type SignedInUser = { id: string; email: string; name: string; role: string; sessionVersion: number; sessionId: string };

export type AuthenticateResult = { ok: true; user: SignedInUser } | { ok: false; code: 'invalid' } | { ok: false; code: 'locked'; retryAfterSeconds: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Checks an email and password. The answer never tells whether the email exists: unknown
 * emails, wrong passwords and deactivated accounts all read "invalid" and cost the same time.
 */
export async function authenticate(db: Db, input: { email: string; password: string; address: string }): Promise<AuthenticateResult> {
  const email = input.email.trim().toLowerCase();
  // The attempt is counted before the password is checked (and given back if it is right).
  const verdict = await reserveSignIn(db, email, input.address);
  if (!verdict.allowed) {
    log().warn({ event: 'sign_in_failed', reason: 'too many attempts' }, 'sign-in refused: too many attempts');
    return { ok: false, code: 'locked', retryAfterSeconds: verdict.retryAfterSeconds };
  }
  if (verdict.delayMs) await sleep(verdict.delayMs);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  const passwordOk = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : (await burnPasswordCheck(input.password), false);

  if (!user || !user.active || !passwordOk) {
    const reason = !user ? 'unknown email' : !user.active ? 'deactivated' : 'wrong password';
    await confirmFailedSignIn(db, verdict.reservation);
    await db.$transaction((tx) =>
      writeAudit(tx, {
        actor: { id: null, label: email.slice(0, 254) || '(empty)' },
        action: 'auth.sign_in_failed',
        entityType: 'user',
        entityId: user?.id ?? null,
        after: { reason },
        ip: input.address,
      }),
    );
    // The user id when the email is known; never the email or the password.
    log().warn({ event: 'sign_in_failed', reason, ...(user ? { userId: user.id } : {}) }, `sign-in failed: ${reason}`);
    return { ok: false, code: 'invalid' };
  }

  await releaseSignIn(db, verdict.reservation);
  const sessionId = await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
    await writeAudit(tx, { actor: auditActorOf(user), action: 'auth.sign_in', entityType: 'user', entityId: user.id, ip: input.address });
    return startUserSession(tx, user.id);
  });
  log().info({ event: 'sign_in', userId: user.id }, 'signed in');
  const { passwordHash: _hash, active: _active, ...signedIn } = user;
  return { ok: true, user: { ...signedIn, sessionId } };
}
