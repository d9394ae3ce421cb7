// The /api/v1/imports routes, called directly with Request objects as Next would: every route, its
// success status and its refusals (bad JSON, wrong role, empty file, text named .pdf, oversize,
// unknown id, conflict).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
import { seedUser } from '@/lib/test/user-factory';
import { SAMPLE_ITEM_TEXTS, SAMPLE_REPORT } from './test-sample-report';
import { makeDocx } from './extract/test-fixtures';

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));

const imports = await import('@/app/api/v1/imports/route');
const one = await import('@/app/api/v1/imports/[id]/route');
const confirm = await import('@/app/api/v1/imports/[id]/confirm/route');
const { createApiToken } = await import('@/lib/tokens/create-api-token');
const { IMPORT_LIMITS } = await import('./extract/limits');

// Suggestions are lib/import/suggest's business (tested there): none here, so that which items lack
// a theme does not depend on what else the test database holds.
vi.mock('@/lib/import/suggest', () => ({
  suggestForTexts: async (_db: unknown, texts: string[]) => texts.map(() => ({ themeId: null, themeConfidence: 0, sectors: [], related: [] })),
}));

const db = testDb();
afterAll(() => db.$disconnect());

let editorToken: string;
let viewerToken: string;
let themeId: string;

beforeAll(async () => {
  const editor = await seedUser(db, { role: 'EDITOR' });
  const viewer = await seedUser(db, { role: 'VIEWER' });
  editorToken = (await createApiToken(db, { name: 'imports', scope: 'write' }, editor.actor)).token;
  viewerToken = (await createApiToken(db, { name: 'reader', scope: 'write' }, viewer.actor)).token;
  themeId = await seedVocabulary(db, 'theme');
});

type Init = { method?: string; json?: unknown; body?: BodyInit; headers?: Record<string, string>; token?: string };
function request(path: string, init: Init = {}): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${init.token ?? editorToken}`, ...init.headers };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] = 'application/json';
  }
  return new Request(`http://localhost${path}`, { method: init.method ?? 'GET', headers, body });
}
const params = <P>(value: P) => ({ params: Promise.resolve(value) });
const none = params<Record<string, never>>({});
const upload = (bytes: Uint8Array, name: string, type = 'application/octet-stream') => {
  const form = new FormData();
  form.set('file', new File([bytes as BlobPart], name, { type }));
  return form;
};
async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } }).error;
}
type DraftJson = {
  id: string;
  version: number;
  status: string;
  items: { key: string; text: string; start: number | null; end: number | null; themeId: string | null; sectorIds: string[] }[];
  recommendations: { text: string; start: number; end: number; suggestedThemeId: string | null; suggestedSectorIds: string[]; related: unknown[] }[];
  seminar: Record<string, unknown>;
};

async function createFromText(): Promise<DraftJson> {
  const response = await imports.POST(request('/api/v1/imports', { method: 'POST', json: { text: SAMPLE_REPORT } }), none);
  expect(response.status).toBe(201);
  return (await response.json()) as DraftJson;
}

describe('POST /api/v1/imports', () => {
  it('imports api: JSON text gives 201 with the draft in the documented shape', async () => {
    const response = await imports.POST(request('/api/v1/imports', { method: 'POST', json: { text: SAMPLE_REPORT } }), none);
    expect(response.status).toBe(201);
    const draft = (await response.json()) as DraftJson;
    expect(response.headers.get('location')).toBe(`/api/v1/imports/${draft.id}`);
    expect(draft).toMatchObject({ status: 'DRAFT', version: 1, seminar: { title: 'Water Security in South Asia', date: '2015-03-14' } });
    expect(draft.recommendations.map((r) => r.text)).toEqual(SAMPLE_ITEM_TEXTS);
    expect(draft.recommendations[0]).toEqual(
      expect.objectContaining({ start: expect.any(Number), end: expect.any(Number), suggestedSectorIds: expect.any(Array), related: expect.any(Array) }),
    );
    expect(draft.recommendations[0]).toHaveProperty('suggestedThemeId');
    expect(draft.items).toHaveLength(3);
  });

  it('imports api: a DOCX upload as multipart field "file" gives 201', async () => {
    const response = await imports.POST(request('/api/v1/imports', { method: 'POST', body: upload(await makeDocx(), 'regional.docx') }), none);
    expect(response.status).toBe(201);
    expect((await response.json()) as { sourceFileName: string; sourceFormat: string }).toMatchObject({
      sourceFileName: 'regional.docx',
      sourceFormat: 'docx',
    });
  });

  it('imports api: an empty file is 422 empty_file; text named .pdf is 415 type_mismatch', async () => {
    const empty = await imports.POST(request('/api/v1/imports', { method: 'POST', body: upload(new Uint8Array(), 'empty.docx') }), none);
    expect(empty.status).toBe(422);
    expect((await errorOf(empty)).code).toBe('empty_file');
    const lying = await imports.POST(
      request('/api/v1/imports', { method: 'POST', body: upload(new TextEncoder().encode(SAMPLE_REPORT), 'report.pdf', 'application/pdf') }),
      none,
    );
    expect(lying.status).toBe(415);
    const error = await errorOf(lying);
    expect(error.code).toBe('type_mismatch');
    expect(error.message).toMatch(/named \.pdf but is not a PDF/);
  });

  it('imports api: an upload over the limit is 413 from Content-Length, before the body is read', async () => {
    const body = new ReadableStream({
      pull: () => {
        throw new Error('the body must not be read');
      },
    });
    const oversize = new Request('http://localhost/api/v1/imports', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${editorToken}`,
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(IMPORT_LIMITS.maxFileBytes + 1024 * 1024),
      },
      body,
      duplex: 'half',
    } as RequestInit);
    const response = await imports.POST(oversize, none);
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('too_large');
  });

  it('imports api: bad JSON is 400, a missing text 400, another content type 415, no file field 400', async () => {
    const bad = await imports.POST(request('/api/v1/imports', { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json' } }), none);
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe('invalid_json');
    const missing = await imports.POST(request('/api/v1/imports', { method: 'POST', json: {} }), none);
    expect(missing.status).toBe(400);
    expect((await errorOf(missing)).fields).toHaveProperty('text');
    const xml = await imports.POST(request('/api/v1/imports', { method: 'POST', body: '<a/>', headers: { 'content-type': 'application/xml' } }), none);
    expect(xml.status).toBe(415);
    const form = new FormData();
    form.set('other', 'x');
    const noFile = await imports.POST(request('/api/v1/imports', { method: 'POST', body: form }), none);
    expect(noFile.status).toBe(400);
  });

  it('imports api: a viewer gets 403 on every route, and nothing is created', async () => {
    const before = await db.importDraft.count();
    const draft = await createFromText();
    const forViewer = { token: viewerToken };
    const answers = [
      await imports.GET(request('/api/v1/imports', forViewer), none),
      await imports.POST(request('/api/v1/imports', { ...forViewer, method: 'POST', json: { text: SAMPLE_REPORT } }), none),
      await one.GET(request(`/api/v1/imports/${draft.id}`, forViewer), params({ id: draft.id })),
      await one.PATCH(request(`/api/v1/imports/${draft.id}`, { ...forViewer, method: 'PATCH', json: { expectedVersion: 1 } }), params({ id: draft.id })),
      await one.DELETE(request(`/api/v1/imports/${draft.id}`, { ...forViewer, method: 'DELETE' }), params({ id: draft.id })),
      await confirm.POST(request(`/api/v1/imports/${draft.id}/confirm`, { ...forViewer, method: 'POST', json: {} }), params({ id: draft.id })),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await db.importDraft.count()).toBe(before + 1);
  });
});

describe('GET, PATCH, DELETE /api/v1/imports/{id} and the list', () => {
  it('imports api: get and list answer 200; an unknown id is 404', async () => {
    const draft = await createFromText();
    const got = await one.GET(request(`/api/v1/imports/${draft.id}`), params({ id: draft.id }));
    expect(got.status).toBe(200);
    expect(((await got.json()) as DraftJson).id).toBe(draft.id);
    const list = await imports.GET(request('/api/v1/imports?status=ALL'), none);
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: { id: string }[] }).items.map((item) => item.id)).toContain(draft.id);
    expect((await imports.GET(request('/api/v1/imports?status=NOPE'), none)).status).toBe(400);
    const unknown = await one.GET(request('/api/v1/imports/no-such-draft'), params({ id: 'no-such-draft' }));
    expect(unknown.status).toBe(404);
    expect((await one.DELETE(request('/api/v1/imports/no-such-draft', { method: 'DELETE' }), params({ id: 'no-such-draft' }))).status).toBe(404);
  });

  it('imports api: PATCH saves (200); a stale version is 409 naming who saved; bad JSON 400; bad spans 422', async () => {
    const draft = await createFromText();
    const items = draft.items.map((item) => ({ ...item, themeId }));
    const saved = await one.PATCH(request(`/api/v1/imports/${draft.id}`, { method: 'PATCH', json: { expectedVersion: 1, items } }), params({ id: draft.id }));
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as DraftJson).version).toBe(2);
    const stale = await one.PATCH(request(`/api/v1/imports/${draft.id}`, { method: 'PATCH', json: { expectedVersion: 1, items } }), params({ id: draft.id }));
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { code: string; message: string; changedBy: string; currentVersion: number } };
    expect(conflict.error).toMatchObject({ code: 'version_conflict', changedBy: 'Test User', currentVersion: 2 });
    const badJson = await one.PATCH(
      request(`/api/v1/imports/${draft.id}`, { method: 'PATCH', body: 'nope', headers: { 'content-type': 'application/json' } }),
      params({ id: draft.id }),
    );
    expect(badJson.status).toBe(400);
    const badSpan = await one.PATCH(
      request(`/api/v1/imports/${draft.id}`, { method: 'PATCH', json: { expectedVersion: 2, items: [{ ...items[0], end: 10_000_000 }] } }),
      params({ id: draft.id }),
    );
    expect(badSpan.status).toBe(422);
    expect((await errorOf(badSpan)).fields).toHaveProperty(['items.0.end']);
  });

  it('imports api: DELETE discards (200), then a second DELETE is 409', async () => {
    const draft = await createFromText();
    const discarded = await one.DELETE(request(`/api/v1/imports/${draft.id}`, { method: 'DELETE' }), params({ id: draft.id }));
    expect(discarded.status).toBe(200);
    expect(((await discarded.json()) as DraftJson).status).toBe('DISCARDED');
    const again = await one.DELETE(request(`/api/v1/imports/${draft.id}`, { method: 'DELETE', json: { expectedVersion: 2 } }), params({ id: draft.id }));
    expect(again.status).toBe(409);
    expect((await errorOf(again)).code).toBe('already_discarded');
  });
});

describe('POST /api/v1/imports/{id}/confirm', () => {
  const seminar = { title: 'Water Security in South Asia', kind: 'ROUND_TABLE', date: '2015-03-14' };

  it('imports api: confirm is 201 with the seminar and its codes; a second confirm is 409', async () => {
    const draft = await createFromText();
    await one.PATCH(
      request(`/api/v1/imports/${draft.id}`, { method: 'PATCH', json: { expectedVersion: 1, items: draft.items.map((item) => ({ ...item, themeId })) } }),
      params({ id: draft.id }),
    );
    const response = await confirm.POST(
      request(`/api/v1/imports/${draft.id}/confirm`, { method: 'POST', json: { seminar, expectedVersion: 2 } }),
      params({ id: draft.id }),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as { seminar: { id: string; codePrefix: string }; recommendations: { code: string }[] };
    expect(body.recommendations.map((r) => r.code)).toEqual(['R01', 'R02', 'R03'].map((n) => `${body.seminar.codePrefix}-${n}`));
    const again = await confirm.POST(request(`/api/v1/imports/${draft.id}/confirm`, { method: 'POST', json: { seminar } }), params({ id: draft.id }));
    expect(again.status).toBe(409);
    const error = await errorOf(again);
    expect(error.code).toBe('already_confirmed');
    expect(error.message).toMatch(/already confirmed by Test User/);
  });

  it('imports api: confirm without a kind is 400; items without a theme 422; unknown id 404', async () => {
    const draft = await createFromText();
    const noKind = await confirm.POST(
      request(`/api/v1/imports/${draft.id}/confirm`, { method: 'POST', json: { seminar: { title: 'X', date: '2015-03-14' } } }),
      params({ id: draft.id }),
    );
    expect(noKind.status).toBe(400);
    expect((await errorOf(noKind)).fields).toHaveProperty(['seminar.kind']);
    const noTheme = await confirm.POST(request(`/api/v1/imports/${draft.id}/confirm`, { method: 'POST', json: { seminar } }), params({ id: draft.id }));
    expect(noTheme.status).toBe(422);
    const unknown = await confirm.POST(
      request('/api/v1/imports/no-such-draft/confirm', { method: 'POST', json: { seminar } }),
      params({ id: 'no-such-draft' }),
    );
    expect(unknown.status).toBe(404);
  });
});
