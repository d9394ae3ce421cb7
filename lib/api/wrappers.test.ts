// The wrappers turn each kind of domain refusal into the same answer as before operations
// checked their own roles: an HTTP status and the JSON error shape (apiRoute), or a form's
// ActionState (authedAction). Codes, messages, fields and details pass through unchanged.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import type { CurrentUser } from '@/lib/auth/session';
import {
  ConflictError,
  DomainError,
  EditConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  RuleViolationError,
  TooManyAttemptsError,
} from '@/lib/errors';
import { isEditConflict, toApiError } from './errors';
import { requestStore } from '@/lib/log/logger-core.mjs';

const current = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => current.user }));
vi.mock('@/lib/db', () => ({ db: {} }));
vi.mock('@/lib/settings/display-settings-cache', () => ({ refreshDisplaySettings: async () => ({}) }));
vi.mock('@/lib/tokens/authenticate-token', () => ({ authenticateToken: async () => null }));

const { apiRoute } = await import('./route');
const { authedAction } = await import('@/lib/auth/action');

const EDITOR: CurrentUser = { id: 'u-editor', email: 'editor@wrappers.test', name: 'Editor', role: 'EDITOR' };

const CASES: { error: DomainError; status: number; conflict: boolean }[] = [
  { error: NotFoundError.of('The recommendation'), status: 404, conflict: false },
  { error: new NotFoundError('invalid_link', 'This link is invalid or has expired.'), status: 404, conflict: false },
  { error: new ConflictError('duplicate_name', 'That name is taken.', { name: ['That name is taken.'] }), status: 409, conflict: false },
  { error: new EditConflictError('version_conflict', 'Changed since you loaded it.', {}, { currentVersion: 2 }), status: 409, conflict: true },
  { error: new RuleViolationError('rule_violation', 'Needs evidence.', { evidence: ['Add evidence.'] }), status: 422, conflict: false },
  { error: new InvalidInputError('wrong_password', 'Not right.', { currentPassword: ['Not right.'] }), status: 400, conflict: false },
  { error: new ForbiddenError(), status: 403, conflict: false },
  { error: new ForbiddenError('Editors can change only their own notes.'), status: 403, conflict: false },
  { error: new TooManyAttemptsError('Too many attempts.', 60), status: 429, conflict: false },
];

beforeEach(() => {
  current.user = EDITOR;
});

describe('toApiError', () => {
  for (const { error, status, conflict } of CASES) {
    it(`${error.constructor.name} ${error.code} → ${status}`, () => {
      expect(toApiError(error)).toMatchObject({ status, code: error.code, message: error.message, fields: error.fields, extra: error.details });
      expect(isEditConflict(error)).toBe(conflict);
    });
  }
});

describe('apiRoute maps a domain error to its status and the JSON error shape', () => {
  for (const { error, status } of CASES) {
    it(`${error.code} → ${status}`, async () => {
      const route = apiRoute('VIEWER', async () => {
        throw error;
      });
      const response = await route(new Request('http://tracker.test/api/v1/x'), { params: Promise.resolve({}) });
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({ error: { code: error.code, message: error.message, fields: error.fields ?? {}, ...error.details } });
    });
  }

  it('an unexpected failure is a 500 that names the request id to quote, and says nothing of the failure', async () => {
    const route = apiRoute('VIEWER', async () => {
      throw new Error('connection to 10.0.0.5 refused');
    });
    const response = await requestStore().run({ id: 'req-wrappers-1' }, () =>
      route(new Request('http://tracker.test/api/v1/x'), { params: Promise.resolve({}) }),
    );
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: { code: 'internal_error', message: 'Something went wrong on our side. It has been logged (request id req-wrappers-1).', fields: {} },
    });
  });

  it('hands the handler the signed-in user as an Actor', async () => {
    const route = apiRoute('EDITOR', async ({ actor }) => Response.json(actor));
    const response = await route(new Request('http://tracker.test/api/v1/x'), { params: Promise.resolve({}) });
    expect(await response.json()).toEqual({ kind: 'user', id: EDITOR.id, label: EDITOR.email, role: 'EDITOR' });
  });
});

describe('authedAction maps a domain error to the form state', () => {
  const form = () => {
    const data = new FormData();
    data.set('name', 'typed');
    data.set('password', 'secret');
    return data;
  };

  for (const { error, conflict } of CASES) {
    it(`${error.code}${conflict ? ' (edit conflict)' : ''}`, async () => {
      const action = authedAction(z.object({ name: z.string() }), 'VIEWER', async () => {
        throw error;
      });
      expect(await action({}, form())).toEqual({
        code: error.code,
        message: error.message,
        errors: error.fields,
        // What was typed is kept, never a password.
        values: { name: 'typed' },
        ...(conflict ? { conflict: true } : {}),
      });
    });
  }

  it('an unexpected failure keeps what was typed and names the request id to quote', async () => {
    const action = authedAction(z.object({ name: z.string() }), 'VIEWER', async () => {
      throw new Error('disk full');
    });
    const state = await requestStore().run({ id: 'req-wrappers-2' }, () => action({}, form()));
    expect(state).toMatchObject({ code: 'internal_error', values: { name: 'typed' } });
    expect(state.message).toContain('(request id req-wrappers-2)');
    expect(state.message).not.toContain('disk full');
  });

  it('hands the operation the signed-in user as an Actor', async () => {
    const seen: unknown[] = [];
    const action = authedAction(z.object({ name: z.string() }), 'EDITOR', async (_input, actor) => void seen.push(actor));
    expect(await action({}, form())).toEqual({ ok: true });
    expect(seen).toEqual([{ kind: 'user', id: EDITOR.id, label: EDITOR.email, role: 'EDITOR' }]);
  });
});
