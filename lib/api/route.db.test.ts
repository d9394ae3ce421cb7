// The JSON API wrapper, called directly with a Request, as Next would.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));

const { apiRoute } = await import('./route');
const { createApiToken } = await import('@/lib/tokens/create-api-token');

const db = testDb();
afterAll(() => db.$disconnect());

const call = (route: ReturnType<typeof apiRoute<Record<string, never>>>, token?: string) =>
  route(new Request('http://localhost/api/v1/test', { headers: token ? { authorization: `Bearer ${token}` } : {} }), { params: Promise.resolve({}) });

describe('API responses are never cached', () => {
  it('a JSON answer, and every error answer, carry Cache-Control: no-store', async () => {
    const user = await seedUser(db);
    const { token } = await createApiToken(db, { name: 'reader' }, user.actor);
    const ok = apiRoute('VIEWER', async () => Response.json({ secret: 'per user' }));
    const adminOnly = apiRoute('ADMIN', async () => Response.json({}));
    const broken = apiRoute('VIEWER', async () => {
      throw new Error('boom');
    });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const [response, status] of [
      [await call(ok, token), 200],
      [await call(ok), 401],
      [await call(adminOnly, token), 403],
      [await call(broken, token), 500],
    ] as const) {
      expect(response.status).toBe(status);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('a handler that chose its own caching keeps it', async () => {
    const user = await seedUser(db);
    const { token } = await createApiToken(db, { name: 'reader' }, user.actor);
    const own = apiRoute('VIEWER', async () => new Response('x', { headers: { 'Cache-Control': 'private, no-store' } }));
    expect((await call(own, token)).headers.get('cache-control')).toBe('private, no-store');
  });
});
