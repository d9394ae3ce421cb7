// The refusals the hostile-input fuzzing (hostile-routes.db.test.ts) found missing, one case each:
// a NUL reached PostgreSQL (a 500: it refuses NUL in text), a lone surrogate was stored as U+FFFD,
// a form or plain-text body was read as JSON, and a DELETE whose body was not an object discarded the draft.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { seedRecommendation } from '@/lib/test/recommendation-factory';
import { seedUser } from '@/lib/test/user-factory';
import { SAMPLE_REPORT } from '@/lib/import/test-sample-report';

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));

const evidence = await import('@/app/api/v1/recommendations/[id]/evidence/route');
const list = await import('@/app/api/v1/recommendations/route');
const one = await import('@/app/api/v1/recommendations/[id]/route');
const progress = await import('@/app/api/v1/progress/route');
const draftRoute = await import('@/app/api/v1/imports/[id]/route');
const { createApiToken } = await import('@/lib/tokens/create-api-token');
const { createImportDraft } = await import('@/lib/import/create-import-draft');

const db = testDb();
afterAll(() => db.$disconnect());

let token: string;
let itemId: string;
let editor: Awaited<ReturnType<typeof seedUser>>;
beforeAll(async () => {
  editor = await seedUser(db, { role: 'EDITOR' });
  token = (await createApiToken(db, { name: 'regressions', scope: 'write' }, editor.actor)).token;
  itemId = (await seedRecommendation(db)).id;
});

function request(url: string, init: { method?: string; body?: string; type?: string | null } = {}) {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (init.type !== null) headers['content-type'] = init.type ?? 'application/json';
  return new Request(`http://localhost${url}`, { method: init.method ?? 'POST', headers, body: init.body });
}
const params = (id: string) => ({ params: Promise.resolve({ id }) });
const notes = () => db.evidenceNote.count({ where: { recommendationId: itemId } });
async function error(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; fields?: Record<string, string[]> } }).error;
}

describe('hostile input found by fuzzing', () => {
  it('regression: a NUL in a JSON field is a 400 naming the field (PostgreSQL answered 500), and nothing is stored', async () => {
    const before = await notes();
    const response = await evidence.POST(request('/x', { body: JSON.stringify({ body: 'Circular\u0000 12', evidenceDate: '2016-01-01' }) }), params(itemId));
    expect(response.status).toBe(400);
    expect(await error(response)).toMatchObject({ code: 'invalid_input', fields: { body: [expect.stringContaining('NUL')] } });
    expect(await notes()).toBe(before);
  });

  it('regression: a lone surrogate is refused, not stored as U+FFFD', async () => {
    const before = await notes();
    const response = await evidence.POST(
      request('/x', { body: JSON.stringify({ body: 'Fine', sourceTitle: 'Broken \uD800 title', evidenceDate: '2016-01-01' }) }),
      params(itemId),
    );
    expect(response.status).toBe(400);
    expect((await error(response)).fields).toHaveProperty('sourceTitle');
    expect(await notes()).toBe(before);
  });

  it('regression: a NUL in a query or path parameter is a 400, before any query runs', async () => {
    const search = await list.GET(request('/api/v1/recommendations?q=water%00', { method: 'GET', type: null }), { params: Promise.resolve({}) });
    expect(search.status).toBe(400);
    expect((await error(search)).fields).toHaveProperty('q');
    // A repeated parameter: each value is checked, not only the last (PostgreSQL answered 500 for theme=%00&theme=x).
    const repeated = await progress.GET(request('/api/v1/progress?theme=%00&theme=x', { method: 'GET', type: null }), { params: Promise.resolve({}) });
    expect(repeated.status).toBe(400);
    expect((await error(repeated)).fields).toHaveProperty('theme');
    const byId = await one.GET(request('/x', { method: 'GET', type: null }), params('2015-R03\u0000'));
    expect(byId.status).toBe(400);
  });

  it('regression: a body declared as a form or plain text is a 415, even when it holds JSON', async () => {
    const before = await notes();
    const body = JSON.stringify({ body: 'Sent as text', evidenceDate: '2016-01-01' });
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const response = await evidence.POST(request('/x', { body, type }), params(itemId));
      expect(response.status, type).toBe(415);
      expect((await error(response)).code).toBe('unsupported_media_type');
    }
    expect(await notes()).toBe(before);
    expect((await evidence.POST(request('/x', { body, type: 'application/json; charset=utf-8' }), params(itemId))).status).toBe(201);
  });

  it('regression: DELETE /api/v1/imports/{id} with a body that is not an object (true, a list) is a 400 and the draft stays', async () => {
    const draft = await createImportDraft(db, { text: SAMPLE_REPORT }, editor.actor);
    for (const body of ['true', '[1]', '"x"', 'null']) {
      const response = await draftRoute.DELETE(request('/x', { method: 'DELETE', body }), params(draft.id));
      expect(response.status, body).toBe(400);
    }
    expect((await db.importDraft.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true } })).status).toBe('DRAFT');
    expect((await draftRoute.DELETE(request('/x', { method: 'DELETE', type: null }), params(draft.id))).status).toBe(200);
  });
});
