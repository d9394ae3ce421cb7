// Test-only: what an operation's refusal becomes at the API (status, code, message, fields, extra),
// so db tests can say "a 409 with these details" about a domain error.
import { expect } from 'vitest';
import { ApiError, toApiError } from '@/lib/api/errors';
import { DomainError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/lib/auth/roles';

/** The domain error `promise` is refused with, as the API answers it. Fails when it resolves or throws anything else. */
export async function httpRefusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  return asHttp(error);
}

/** A caught domain error as the API answers it. */
export function asHttp(error: unknown): ApiError {
  expect(error).toBeInstanceOf(DomainError);
  return toApiError(error as DomainError);
}

/** An actor for reads, which write nothing and so need no user row. */
export function readerActor(role: Role = 'VIEWER'): Actor {
  return { kind: 'user', id: `reader-${role.toLowerCase()}`, label: `${role.toLowerCase()}@reader.test`, role };
}
