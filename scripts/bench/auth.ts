// Credentials for the load: an administrator in the benchmark database, a personal API token for
// the JSON API (Authorization: Bearer) and a session cookie for pages, minted with the secret the
// benchmark's server is started with, exactly as next-auth would after a sign-in.
import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import type { Db } from '@/lib/db';
import { newTokenSecret } from '@/lib/tokens/token-secret';
import { startUserSession } from '@/lib/auth/user-sessions';

export const BENCH_ADMIN_EMAIL = 'bench-admin@bench.invalid';
/** next-auth's cookie name over plain HTTP (the benchmark talks to 127.0.0.1). */
const SESSION_COOKIE = 'next-auth.session-token';

export type BenchAuth = { userId: string; secret: string; bearer: string; cookie: string };

/** `secret` is the one the server will be started with (a fresh random one by default). */
export async function prepareBenchAuth(db: Db, secret = randomBytes(32).toString('base64url')): Promise<BenchAuth> {
  const user = await db.user.upsert({
    where: { email: BENCH_ADMIN_EMAIL },
    create: { email: BENCH_ADMIN_EMAIL, name: 'Benchmark', role: 'ADMIN', active: true },
    update: { role: 'ADMIN', active: true },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  // One live token per run: earlier runs' tokens are revoked rather than piling up.
  await db.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
  const token = newTokenSecret();
  await db.apiToken.create({ data: { userId: user.id, name: `bench ${new Date().toISOString()}`, prefix: token.prefix, tokenHash: token.hash } });

  // The cookie names its session row, as a sign-in's does (lib/auth/user-sessions.ts).
  const sid = await startUserSession(db, user.id);
  const jwt = await encode({ token: { sub: user.id, email: user.email, name: user.name, sv: user.sessionVersion, sid }, secret });
  return { userId: user.id, secret, bearer: `Bearer ${token.token}`, cookie: `${SESSION_COOKIE}=${jwt}` };
}
