// The one wrapper for JSON route handlers: authenticates by API token or session cookie through
// the same data-access layer as pages, checks the role, refuses cross-site cookie mutations, and
// turns every failure into { error: { code, message, fields } } with the right status.
import 'server-only';
import { z } from 'zod';
import { getCurrentUser, type CurrentUser } from '@/lib/auth/session';
import { actorFromUser, type Actor } from '@/lib/auth/actor';
import { hasRole, type Role } from '@/lib/auth/roles';
import { db } from '@/lib/db';
import { refreshDisplaySettings } from '@/lib/settings/display-settings-cache';
import { authenticateTokenWithScope } from '@/lib/tokens/authenticate-token';
import { DomainError } from '@/lib/errors';
import { ImportFileError } from '@/lib/import/extract/errors';
import { ApiError, errorResponse, forbiddenError, toApiError, unauthorized } from './errors';
import { fieldErrors } from '@/lib/validations/form-data';
import { log } from '@/lib/log/logger';
import { noteRequestUser, requestIdNote } from '@/lib/log/request-context';

type Context<P> = { params: Promise<P> };
type Handler<P> = (args: { request: Request; user: CurrentUser; actor: Actor & { id: string }; params: P }) => Promise<Response>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie-authenticated writes must come from this site (the browser's Origin, or Sec-Fetch-Site). */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = request.headers.get('origin');
  if (!origin) return site === 'same-origin';
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

async function resolveUser(request: Request): Promise<{ user: CurrentUser | null; viaToken: boolean; readOnly: boolean }> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const found = match ? await authenticateTokenWithScope(match[1]!) : null;
    return { user: found?.user ?? null, viaToken: true, readOnly: found?.scope !== 'write' };
  }
  return { user: await getCurrentUser(), viaToken: false, readOnly: false };
}

/**
 * Answers hold one user's view of the data: no browser or proxy may keep them (Cache-Control:
 * no-store), unless the handler chose its own caching.
 */
function noStore(response: Response): Response {
  if (response.headers.has('Cache-Control')) return response;
  const headers = new Headers(response.headers);
  headers.set('Cache-Control', 'no-store');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

export function apiRoute<P = Record<string, never>>(role: Role, handler: Handler<P>) {
  const route = async (request: Request, context: Context<P>): Promise<Response> => {
    try {
      // Dates and numbers in messages and exports use the current display settings.
      const [{ user, viaToken, readOnly }] = await Promise.all([resolveUser(request), refreshDisplaySettings(db)]);
      if (!user) throw unauthorized();
      noteRequestUser(user.id);
      if (!hasRole(user.role, role)) throw forbiddenError();
      if (readOnly && !SAFE_METHODS.has(request.method)) {
        throw new ApiError(403, 'read_only_token', 'This API token is read-only. Create a token with read and write access to change data.');
      }
      if (!viaToken && !SAFE_METHODS.has(request.method) && !isSameOrigin(request)) {
        throw new ApiError(403, 'cross_site_request', 'Cross-site requests cannot change data.');
      }
      return noStore(await handler({ request, user, actor: actorFromUser(user), params: await context.params }));
    } catch (error) {
      if (error instanceof DomainError || error instanceof ApiError || error instanceof ImportFileError) return errorResponse(toApiError(error));
      if (error instanceof z.ZodError) return errorResponse(new ApiError(400, 'invalid_input', 'The input is not valid.', fieldErrors(error)));
      log().error({ err: error }, 'unexpected error in an API route');
      return errorResponse(new ApiError(500, 'internal_error', `Something went wrong on our side. It has been logged${requestIdNote()}.`));
    }
  };
  return Object.assign(route, { requiredRole: role });
}

/** Reads a JSON body; malformed JSON is a 400, not a crash. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body must be valid JSON.');
  }
}
