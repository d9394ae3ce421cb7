// What an operation in lib/ throws when it refuses: plain domain errors that know nothing of
// HTTP. The wrappers translate them: lib/api/errors.ts (toApiError) to a status code and the JSON
// error shape, lib/auth/action.ts to a form's ActionState. `code` and `message` reach the caller
// unchanged, so they are part of the API.

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** Messages per form field, shown next to the field. */
    readonly fields?: FieldErrors,
    /** More facts for API clients (the current version, who changed it, ...). */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The record asked for does not exist (or is gone from view). */
export class NotFoundError extends DomainError {
  /** `what` starts the sentence: "The recommendation was not found." */
  static of(what = 'The resource'): NotFoundError {
    return new NotFoundError('not_found', `${what} was not found.`);
  }
}

/**
 * The change clashes with the data as it is now: a duplicate name, the last administrator, a
 * term already merged. An EditConflictError is the kind where someone else changed the record
 * since it was loaded; forms say so differently (reload, your input is kept).
 */
export class ConflictError extends DomainError {
  readonly editConflict: boolean = false;
}

export class EditConflictError extends ConflictError {
  override readonly editConflict = true;
}

/** The input is well-formed but breaks a rule of the domain (a status that needs evidence, a link to itself, too many items). */
export class RuleViolationError extends DomainError {}

/** The input is wrong in a way only the operation can tell (a wrong current password). */
export class InvalidInputError extends DomainError {}

/** The actor's role (or ownership of the record) does not allow this. */
export class ForbiddenError extends DomainError {
  constructor(message = 'Your role does not allow this.', code = 'forbidden') {
    super(code, message);
  }
}

/**
 * Too many attempts in a row (failed sign-ins, password checks) or too much work at once (exports);
 * `details.retryAfterSeconds` says when to try again.
 */
export class TooManyAttemptsError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    code = 'too_many_attempts',
  ) {
    super(code, message, undefined, { retryAfterSeconds });
  }
}
