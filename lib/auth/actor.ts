// Who an operation in lib/ runs for. The wrappers (lib/auth/action.ts, lib/api/route.ts) and the
// pages build it from the signed-in user; the command line passes SYSTEM_ACTOR. Each operation
// calls requireRole first, so it refuses a too-low role even when a caller forgot to check.
import { ForbiddenError } from '@/lib/errors';
import { hasRole, type Role } from './roles';

export type Actor = {
  kind: 'user' | 'system';
  /** The user's id; null only for the system actor, which has no account. */
  id: string | null;
  /** What the audit log shows: the user's email, or the system actor's name. */
  label: string;
  role: Role;
};

/** A user's actor; anything with the signed-in user's id, email and role will do. */
export function actorFromUser(user: { id: string; email: string; role: Role }): Actor & { id: string } {
  return { kind: 'user', ...auditActorOf(user), role: user.role };
}

/**
 * How the audit log names a user who acts on their own account outside any role (signing in or
 * out, setting a password through a link, creating the first administrator).
 */
export function auditActorOf(user: { id: string; email: string }): Pick<Actor, 'id' | 'label'> & { id: string } {
  return { id: user.id, label: user.email };
}

/** The command line (seed, demo data, export, user add) and the server's start-up preparation. */
export const SYSTEM_ACTOR: Actor = Object.freeze({ kind: 'system', id: null, label: 'tracker command line', role: 'ADMIN' });

/** Refuses (ForbiddenError) unless the actor's role is at least `role`. */
export function requireRole(actor: Actor, role: Role): void {
  if (!hasRole(actor.role, role)) throw new ForbiddenError();
}
