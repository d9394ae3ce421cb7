// The one wrapper for server actions: session, role and input are checked on the server before
// the action body runs, and every field's error comes back to the form at once.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import { ApiError, isEditConflict, type FieldErrors } from '@/lib/api/errors';
import { ImportFileError } from '@/lib/import/extract/errors';
import { DomainError } from '@/lib/errors';
import { fieldErrors, formDataToObject } from '@/lib/validations/form-data';
import { unstorableTextErrors } from '@/lib/validations/storable-text';
import { actorFromUser, type Actor } from './actor';
import { getCurrentUser } from './session';
import { hasRole, type Role } from './roles';
import { log } from '@/lib/log/logger';
import { requestIdNote } from '@/lib/log/request-context';

export type ActionState = {
  ok?: boolean;
  code?: string;
  message?: string;
  errors?: FieldErrors;
  /** Refused because someone else changed the record since the form was loaded (HTTP 409). */
  conflict?: boolean;
  /** What the user typed, so a refused form keeps it. */
  values?: Record<string, string>;
  /** A value to show once (a new API token, a set-password link). */
  secret?: string;
};

export type Action = ((state: ActionState, formData: FormData) => Promise<ActionState>) & { requiredRole: Role };

function typedValues(raw: Record<string, unknown>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string' && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

export function authedAction<S extends z.ZodType>(
  schema: S,
  role: Role,
  run: (input: z.infer<S>, actor: Actor & { id: string }) => Promise<ActionState | void>,
): Action {
  const action = async (_state: ActionState, formData: FormData): Promise<ActionState> => {
    const user = await getCurrentUser();
    if (!user) return { code: 'unauthorized', message: 'Your session has ended. Sign in again.' };
    if (!hasRole(user.role, role)) return { code: 'forbidden', message: 'Your role does not allow this.' };
    const raw = formDataToObject(formData);
    // A NUL or a lone surrogate cannot be stored as typed (lib/validations/storable-text.ts).
    const unstorable = unstorableTextErrors(raw);
    if (unstorable) return { code: 'invalid', message: 'Check the highlighted fields.', errors: unstorable, values: typedValues(raw) };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      return { code: 'invalid', message: 'Check the highlighted fields.', errors: fieldErrors(parsed.error), values: typedValues(raw) };
    }
    try {
      return (await run(parsed.data, actorFromUser(user))) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      // An operation's refusal (or a wrapper's own): the form shows its message and keeps the input.
      if (error instanceof DomainError || error instanceof ApiError || error instanceof ImportFileError) {
        if (error instanceof ImportFileError) return { code: error.code, message: error.message, values: typedValues(raw) };
        return {
          code: error.code,
          message: error.message,
          errors: error.fields,
          values: typedValues(raw),
          ...(isEditConflict(error) ? { conflict: true } : {}),
        };
      }
      // A failure nobody planned for (the database gone, a bug): the form keeps what was typed and
      // says so, instead of the whole page giving way to the error screen.
      log().error({ err: error, userId: user.id }, 'unexpected error in a server action');
      return {
        code: 'internal_error',
        message: `Something went wrong on our side, and it has been logged${requestIdNote()}. Reload the page to see whether the change was saved, then try again.`,
        values: typedValues(raw),
      };
    }
  };
  return Object.assign(action, { requiredRole: role });
}
