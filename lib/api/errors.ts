// One error shape for every JSON answer: { "error": { "code", "message", "fields" } }.

export type FieldErrors = Record<string, string[]>;

export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/**
 * A 409 that means "someone else changed this since you loaded it" (an optimistic-concurrency
 * refusal), as opposed to a rule such as a duplicate name: forms say so differently.
 */
export function isEditConflict(error: ApiError): boolean {
  return error.status === 409 && EDIT_CONFLICT_CODES.has(error.code);
}
const EDIT_CONFLICT_CODES = new Set(['version_conflict', 'conflict', 'bulk_conflict']);

export const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in, or send a valid API token as "Authorization: Bearer <token>".');
export const forbiddenError = () => new ApiError(403, 'forbidden', 'Your role does not allow this.');
export const notFoundError = (what = 'The resource') => new ApiError(404, 'not_found', `${what} was not found.`);

export function errorResponse(error: ApiError, headers?: HeadersInit): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, fields: error.fields ?? {}, ...error.extra } },
    // Errors are never cached either (a 401 or 403 is about this request's credentials).
    {
      status: error.status,
      headers: {
        'Cache-Control': 'no-store',
        ...(error.status === 429 && typeof error.extra?.retryAfterSeconds === 'number' ? { 'Retry-After': String(error.extra.retryAfterSeconds) } : {}),
        ...Object.fromEntries(new Headers(headers)),
      },
    },
  );
}
