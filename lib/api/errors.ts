// One error shape for every JSON answer: { "error": { "code", "message", "fields" } }.
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  TooManyAttemptsError,
  type FieldErrors,
} from '@/lib/errors';
import { ImportFileError } from '@/lib/import/extract/errors';

export type { FieldErrors };

type Status = 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500;

/** An HTTP refusal made by the wrappers themselves (no session, bad JSON); operations throw DomainErrors. */
export class ApiError extends Error {
  constructor(
    readonly status: Status,
    readonly code: string,
    message: string,
    readonly fields?: FieldErrors,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** The status code of each kind of domain refusal. */
export function httpStatus(error: DomainError): Status {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof RuleViolationError) return 422;
  if (error instanceof InvalidInputError) return 400;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof TooManyAttemptsError) return 429;
  return 400;
}

/**
 * A file an import refuses: 413 for its size, 415 for a type the importer does not read (or a file
 * that is not what its name says), 422 for the rest (damaged, encrypted, scanned, too complex).
 */
export function importFileApiError(error: ImportFileError): ApiError {
  const status = error.status === 413 ? 413 : error.code === 'unsupported_type' || error.code === 'type_mismatch' ? 415 : 422;
  return new ApiError(status, error.code, error.message);
}

/** A domain error as the API answers it: same code, message, fields and details. */
export function toApiError(error: DomainError | ApiError | ImportFileError): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ImportFileError) return importFileApiError(error);
  return new ApiError(httpStatus(error), error.code, error.message, error.fields, error.details);
}

/**
 * "Someone else changed this since you loaded it" (an optimistic-concurrency refusal), as opposed
 * to a rule such as a duplicate name: forms say so differently.
 */
export function isEditConflict(error: DomainError | ApiError): boolean {
  return error instanceof ConflictError && error.editConflict;
}

export const unauthorized = () => new ApiError(401, 'unauthorized', 'Sign in, or send a valid API token as "Authorization: Bearer <token>".');
export const forbiddenError = () => new ApiError(403, 'forbidden', 'Your role does not allow this.');

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
