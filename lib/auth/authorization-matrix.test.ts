// Checks the server-action column of THE authorization matrix (e2e/authorization-matrix.ts) and
// that the matrix is complete: every page, route handler and server action in app/ has a row.
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
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
  return '/' + segments.join('/');
}

const USERS: Record<Exclude<Who, 'anonymous'>, CurrentUser> = {
  viewer: { id: 'u-viewer', email: 'viewer@matrix.test', name: 'Viewer', role: 'VIEWER' },
  editor: { id: 'u-editor', email: 'editor@matrix.test', name: 'Editor', role: 'EDITOR' },
  admin: { id: 'u-admin', email: 'admin@matrix.test', name: 'Admin', role: 'ADMIN' },
};

const actionFiles = files(APP, /^actions\.tsx?$/).map((file) => path.relative(process.cwd(), file));

describe('authorization matrix: completeness', () => {
  it('every page in app/ has a row', () => {
    const pages = files(APP, /^page\.tsx$/).map(routeOf).sort();
    expect(pages).toEqual(PAGES.map((row) => row.route).sort());
  });

  it('every route handler method in app/ has a row', () => {
    const handlers = files(APP, /^route\.ts$/).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      const methods = [...source.matchAll(/export\s+(?:const|async function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|as\s+(GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1] ?? m[2]);
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
