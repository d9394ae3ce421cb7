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
import { unstorableTextErrors } from '@/lib/validations/storable-text';

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
      const params = await context.params;
      refuseUnstorableText({ ...queryValues(request), ...params });
      return noStore(await handler({ request, user, actor: actorFromUser(user), params }));
    } catch (error) {
      if (error instanceof DomainError || error instanceof ApiError || error instanceof ImportFileError) return errorResponse(toApiError(error));
      if (error instanceof z.ZodError) return errorResponse(new ApiError(400, 'invalid_input', 'The input is not valid.', fieldErrors(error)));
      log().error({ err: error }, 'unexpected error in an API route');
      return errorResponse(new ApiError(500, 'internal_error', `Something went wrong on our side. It has been logged${requestIdNote()}.`));
    }
  };
  return Object.assign(route, { requiredRole: role });
}

/** Every value of every query parameter, a repeated one's values joined (Object.fromEntries would keep only the last). */
function queryValues(request: Request): Record<string, string> {
  const values: Record<string, string[]> = {};
  for (const [key, value] of new URL(request.url).searchParams) (values[key] ??= []).push(value);
  return Object.fromEntries(Object.entries(values).map(([key, list]) => [key, list.join('\n')]));
}

/** A NUL or a lone surrogate anywhere in the input is a 400 naming the field (lib/validations/storable-text.ts). */
export function refuseUnstorableText(input: unknown): void {
  const fields = unstorableTextErrors(input);
  if (fields) throw new ApiError(400, 'invalid_input', 'The input holds characters that cannot be stored.', fields);
}

/** application/json, or a JSON-based type such as application/merge-patch+json. */
function isJsonContentType(type: string | null): boolean {
  const essence = (type ?? '').split(';')[0]!.trim().toLowerCase();
  return essence === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(essence);
}

/**
 * Reads a JSON body: another declared content type is a 415 (a form or plain text is never taken
 * for JSON), malformed JSON is a 400, and text that cannot be stored a 400 naming the field.
 * A body without a content type is read as JSON, as curl -d and older clients send it.
 */
export async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get('content-type');
  if (type && !isJsonContentType(type)) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON, with Content-Type: application/json.');
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch {
    throw new ApiError(400, 'invalid_json', 'The request body must be valid JSON.');
  }
  refuseUnstorableText(body);
  return body;
}

/** Reads a body that must be a JSON object; `optional` lets an empty body stand for {} (a DELETE). */
export async function readJsonObject(request: Request, options: { optional?: boolean } = {}): Promise<Record<string, unknown>> {
  if (options.optional && (await request.clone().text()).trim() === '') return {};
  const body = await readJson(request);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new ApiError(400, 'invalid_json', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}
