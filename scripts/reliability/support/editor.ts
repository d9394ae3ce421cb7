// The storm's credentials: an editor (not an administrator: the role that does this work) with a
// personal API token of write scope, made by the same operation as the Account page, and a
// session cookie for the server actions (the list's bulk edit), minted with the server's secret
// exactly as next-auth does after a sign-in (as the benchmark does, scripts/bench/auth.ts).
import { randomBytes } from 'node:crypto';
import { encode } from 'next-auth/jwt';
import type { Db } from '@/lib/db';
import { actorFromUser } from '@/lib/auth/actor';
import { startUserSession } from '@/lib/auth/user-sessions';
import { createApiToken } from '@/lib/tokens/create-api-token';

/** next-auth's cookie name over plain HTTP (the suite talks to 127.0.0.1). */
const SESSION_COOKIE = 'next-auth.session-token';

export type Editor = { id: string; email: string; secret: string; bearer: string; cookie: string };

export async function createEditor(db: Db, label: string): Promise<Editor> {
  const email = `reliability-${label}-${randomBytes(3).toString('hex')}@example.org`;
  const user = await db.user.create({
    data: { email, name: `Reliability ${label}`, role: 'EDITOR', active: true },
    select: { id: true, email: true, name: true, sessionVersion: true },
  });
  const { token } = await createApiToken(db, { name: `reliability ${label}`, scope: 'write' }, actorFromUser({ id: user.id, email, role: 'EDITOR' }));
  const secret = randomBytes(32).toString('base64url');
  const sid = await startUserSession(db, user.id);
  const jwt = await encode({ token: { sub: user.id, email: user.email, name: user.name, sv: user.sessionVersion, sid }, secret });
  return { id: user.id, email, secret, bearer: `Bearer ${token}`, cookie: `${SESSION_COOKIE}=${jwt}` };
}
