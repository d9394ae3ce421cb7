import { db } from '@/lib/db';
import { errorResponse, toApiError } from '@/lib/api/errors';
import { TooManyAttemptsError } from '@/lib/errors';
import { clientAddress } from './client-address';
import { checkSignIn } from './throttle';
import { log } from '@/lib/log/logger';

/**
 * Answers 429 to a credentials sign-in while the account or the address is locked, before
 * next-auth (which can only answer 401) sees it. Reads a clone, so the body stays for next-auth.
 */
export async function refuseLockedSignIn(request: Request): Promise<Response | null> {
  if (!new URL(request.url).pathname.endsWith('/callback/credentials')) return null;
  const form = await request
    .clone()
    .formData()
    .catch(() => null);
  const field = form?.get('email');
  const email = typeof field === 'string' ? field : '';
  const verdict = await checkSignIn(db, email, clientAddress(request.headers));
  if (verdict.allowed) return null;
  log().warn({ event: 'sign_in_failed', reason: 'too many attempts' }, 'sign-in refused: too many attempts');
  const minutes = Math.ceil(verdict.retryAfterSeconds / 60);
  const error = new TooManyAttemptsError(
    `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    verdict.retryAfterSeconds,
  );
  const response = errorResponse(toApiError(error), { 'Retry-After': String(verdict.retryAfterSeconds) });
  // next-auth's client reads an absolute `url` to find the error code.
  const body = (await response.json()) as Record<string, unknown>;
  return Response.json({ ...body, url: new URL('/login?error=TooManyAttempts', request.url).toString() }, { status: 429, headers: response.headers });
}
