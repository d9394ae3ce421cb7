// The data-access layer's gate: every page, server action and route handler asks here who is
// signed in and what they may do. Proxy redirects are a convenience; this is the guard.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { forbidden, redirect } from 'next/navigation';
import { db } from '@/lib/db';
import { refreshDisplaySettings } from '@/lib/settings/display-settings-cache';
import { authOptions } from './options';
import { actorFromUser, type Actor } from './actor';
import { hasRole, type Role } from './roles';
import { noteRequestUser } from '@/lib/log/request-context';

export type CurrentUser = { id: string; email: string; name: string; role: Role };

/**
 * The signed-in user, read fresh from the database once per request. A session stops working
 * the moment its user is deactivated or its password is reset (sessionVersion bumped), and the
 * moment its own row is closed (sign-out, or a password change made in another session).
 * Every page and action comes through here before it renders or writes anything, so this is
 * also where the request's display settings (locale, time zone) are brought up to date.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const [session] = await Promise.all([getServerSession(authOptions), refreshDisplaySettings(db)]);
  if (!session?.user?.id) return null;
  const user = await activeUser(session.user.id, session.sessionVersion, session.sessionId);
  if (user) noteRequestUser(user.id);
  return user;
});

/** The session row id in the request's cookie (for an own password change, which keeps it open). */
export async function currentSessionId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return session?.sessionId || null;
}

/**
 * One query: the user, only while the cookie's session row is open and unexpired. A cookie without
 * a session row (signed before rows existed) is refused: its holder signs in again.
 */
export async function activeUser(id: string, sessionVersion: number | null, sessionId: string, database = db): Promise<CurrentUser | null> {
  if (!sessionId) return null;
  const user = await database.user.findFirst({
    where: { id, sessions: { some: { id: sessionId, endedAt: null, expiresAt: { gt: new Date() } } } },
    select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true },
  });
  if (!user || !user.active) return null;
  if (sessionVersion !== null && user.sessionVersion !== sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function verifySession(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  return user;
}

/** The signed-in user if their role is at least `role`; otherwise the 403 page. */
export async function requireRole(role: Role): Promise<CurrentUser> {
  const user = await verifySession();
  if (!hasRole(user.role, role)) forbidden();
  return user;
}

/** requireRole's user as the Actor that lib/ operations take. */
export async function requireActor(role: Role): Promise<Actor & { id: string }> {
  return actorFromUser(await requireRole(role));
}
