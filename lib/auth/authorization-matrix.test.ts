// Checks the server-action column of THE authorization matrix (e2e/authorization-matrix.ts) and
// that the matrix is complete: every page and route handler in app/, and every server action
// anywhere in app/, lib/ and components/ (any module that starts with 'use server', whatever its
// file name), has a row.
// Pages and route handlers are checked against the real server in e2e/authorization-matrix.spec.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTIONS, EVERYONE, PAGES, ROUTES, type Who } from '../../e2e/authorization-matrix';
import type { CurrentUser } from './session';

const current = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock('@/lib/auth/session', () => ({ getCurrentUser: async () => current.user }));

const APP = path.join(process.cwd(), 'app');

function files(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? files(full, name) : name.test(entry.name) ? [full] : [];
  });
}

/** app/(app)/admin/users/page.tsx -> /admin/users (route groups dropped). */
function routeOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return '/' + segments.join('/');
}

const USERS: Record<Exclude<Who, 'anonymous'>, CurrentUser> = {
  viewer: { id: 'u-viewer', email: 'viewer@matrix.test', name: 'Viewer', role: 'VIEWER' },
  editor: { id: 'u-editor', email: 'editor@matrix.test', name: 'Editor', role: 'EDITOR' },
  admin: { id: 'u-admin', email: 'admin@matrix.test', name: 'Admin', role: 'ADMIN' },
};

/** Whether a module's first statement is the 'use server' directive (comments before it allowed). */
function isServerActionModule(source: string): boolean {
  return /^(?:\s|\/\/[^\n]*(?:\n|$)|\/\*[\s\S]*?\*\/)*(['"])use server\1/.test(source);
}

const actionFiles = ['app', 'lib', 'components']
  .flatMap((dir) => files(path.join(process.cwd(), dir), /\.tsx?$/))
  .filter((file) => isServerActionModule(readFileSync(file, 'utf8')))
  .map((file) => path.relative(process.cwd(), file));

describe('authorization matrix: completeness', () => {
  it('finds server action modules by their directive, not their file name', () => {
    expect(isServerActionModule("'use server';\n")).toBe(true);
    expect(isServerActionModule('// Why\n/* and how */\n"use server"\nexport async function a() {}')).toBe(true);
    expect(isServerActionModule("import 'x';\n'use server';\n")).toBe(false);
    expect(isServerActionModule("export const a = 1; // 'use server'\n")).toBe(false);
    expect(actionFiles).toContain('app/(app)/recommendations/[code]/actions.ts');
  });

  it('every page in app/ has a row', () => {
    const pages = files(APP, /^page\.tsx$/)
      .map(routeOf)
      .sort();
    expect(pages).toEqual(PAGES.map((row) => row.route).sort());
  });

  it('every route handler method in app/ has a row', () => {
    const handlers = files(APP, /^route\.ts$/).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const methods = [
        ...source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|as\s+(GET|POST|PUT|PATCH|DELETE)\b/g),
      ].map((m) => m[1] ?? m[2]);
      return methods.map((method) => `${method} ${routeOf(file)}`);
    });
    expect(handlers.sort()).toEqual([...new Set(ROUTES.map((row) => `${row.method} ${row.route}`))].sort());
  });

  it('every exported server action has a row, and every row names an existing action', async () => {
    const exported: string[] = [];
    for (const file of actionFiles) {
      const actions = (await import(path.join(process.cwd(), file))) as Record<string, unknown>;
      for (const [name, value] of Object.entries(actions)) if (typeof value === 'function') exported.push(`${file}#${name}`);
    }
    expect(exported.sort()).toEqual(ACTIONS.map((row) => `${row.file}#${row.action}`).sort());
    // Importing every action module (and the app code behind them) for the first time takes seconds.
  }, 30_000);

  it('every server action that is not public states the role it needs (requiredRole)', async () => {
    for (const row of ACTIONS) {
      const actions = (await import(path.join(process.cwd(), row.file))) as Record<string, { requiredRole?: unknown }>;
      const requiredRole = actions[row.action]?.requiredRole;
      if (row.expect === 'public') expect(requiredRole, row.action).toBeUndefined();
      else expect(requiredRole, row.action).toBe(row.expect.editor === 'allowed' ? (row.expect.viewer === 'allowed' ? 'VIEWER' : 'EDITOR') : 'ADMIN');
    }
  }, 30_000);
});

describe('authorization matrix: server actions', () => {
  beforeEach(() => {
    current.user = null;
  });

  for (const row of ACTIONS) {
    if (row.expect === 'public') continue;
    const expectations = row.expect;
    it(`${row.file} ${row.action}: ${EVERYONE.map((who) => `${who}=${expectations[who]}`).join(', ')}`, async () => {
      const actions = (await import(path.join(process.cwd(), row.file))) as Record<string, (state: object, form: FormData) => Promise<{ code?: string }>>;
      const action = actions[row.action]!;
      for (const who of EVERYONE) {
        current.user = who === 'anonymous' ? null : USERS[who];
        // An empty form: an allowed caller gets past the gate and is stopped by validation, so nothing is written.
        const result = await action({}, new FormData());
        const outcome = result.code === 'unauthorized' ? 'unauthorized' : result.code === 'forbidden' ? 'forbidden' : 'allowed';
        expect(outcome, `${row.action} as ${who}`).toBe(expectations[who]);
        if (outcome === 'allowed') expect(result.code, `${row.action} as ${who}`).toBe('invalid');
      }
    });
  }
});
