// POST /api/v1/seminars and POST /api/v1/seminars/{id}/recommendations, called as Next calls them:
// every answer and every refusal, with an API token (and a cookie-less anonymous request).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { seedVocabulary } from '@/lib/test/recommendation-factory';
import { seedUser } from '@/lib/test/user-factory';
import type { Role } from '@/lib/auth/roles';

vi.mock('@/lib/db', async () => {
  const { testDb: open } = await import('@/lib/test/test-db');
  return { db: open() };
});
vi.mock('next-auth', () => ({ getServerSession: async () => null }));

const seminars = await import('@/app/api/v1/seminars/route');
const items = await import('@/app/api/v1/seminars/[id]/recommendations/route');
const { createApiToken } = await import('@/lib/tokens/create-api-token');

const db = testDb();
afterAll(() => db.$disconnect());

let year = 1100 + Math.floor(Math.random() * 700);
const tokens: Partial<Record<Role | 'read-only', string>> = {};
let themeId: string;
let sectorId: string;

beforeAll(async () => {
  for (const role of ['VIEWER', 'EDITOR'] as const) {
    const user = await seedUser(db, { role });
    tokens[role] = (await createApiToken(db, { name: 'api test', scope: 'write' }, user.actor)).token;
  }
  const reader = await seedUser(db, { role: 'EDITOR' });
  tokens['read-only'] = (await createApiToken(db, { name: 'read only', scope: 'read' }, reader.actor)).token;
  themeId = await seedVocabulary(db, 'theme');
  sectorId = await seedVocabulary(db, 'sector');
});

function post(url: string, body: unknown, who: Role | 'read-only' | 'anonymous' = 'EDITOR', raw = false): Request {
  const token = who === 'anonymous' ? undefined : tokens[who];
  return new Request(`http://localhost${url}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: raw ? (body as string) : JSON.stringify(body),
  });
}

const createSeminar = (body: unknown, who?: Role | 'read-only' | 'anonymous', raw?: boolean) =>
  seminars.POST(post('/api/v1/seminars', body, who, raw), { params: Promise.resolve({}) });
const addItem = (seminar: string, body: unknown, who?: Role | 'read-only' | 'anonymous') =>
  items.POST(post(`/api/v1/seminars/${seminar}/recommendations`, body, who), { params: Promise.resolve({ id: seminar }) });

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; fields: Record<string, string[]> } }).error;
}

describe('POST /api/v1/seminars', () => {
  it('api: 201 with the seminar, its id and allocated code prefix', async () => {
    const date = `${year++}-06-01`;
    const response = await createSeminar({ title: 'API round table', kind: 'ROUND_TABLE', date, venue: 'Lahore', organiser: null });
    expect(response.status).toBe(201);
    const { seminar } = (await response.json()) as { seminar: Record<string, unknown> };
    expect(seminar).toMatchObject({
      title: 'API round table',
      kind: 'ROUND_TABLE',
      date,
      venue: 'Lahore',
      organiser: null,
      codePrefix: date.slice(0, 4),
      hasSourceText: false,
      version: 1,
    });
    expect(typeof seminar.id).toBe('string');
    expect(await db.seminar.findUnique({ where: { id: seminar.id as string }, select: { title: true } })).toEqual({ title: 'API round table' });
  });

  it('api: 400 for missing fields (every one named) and for malformed JSON', async () => {
    const invalid = await createSeminar({ kind: 'PARTY' });
    expect(invalid.status).toBe(400);
    const error = await errorOf(invalid);
    expect(error.code).toBe('invalid_input');
    expect(Object.keys(error.fields).sort()).toEqual(['date', 'kind', 'title']);
    const malformed = await createSeminar('{not json', 'EDITOR', true);
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).code).toBe('invalid_json');
  });

  it('api: 422 for a date in the future', async () => {
    const response = await createSeminar({ title: 'Later', kind: 'SEMINAR', date: '2999-01-01' });
    expect(response.status).toBe(422);
    expect((await errorOf(response)).fields.date?.[0]).toMatch(/future/);
  });

  it('api: 401 without credentials, 403 for a viewer and for a read-only token; nothing written', async () => {
    const before = await db.seminar.count();
    const body = { title: 'Refused', kind: 'SEMINAR', date: '2001-01-01' };
    expect((await createSeminar(body, 'anonymous')).status).toBe(401);
    expect((await createSeminar(body, 'VIEWER')).status).toBe(403);
    const readOnly = await createSeminar(body, 'read-only');
    expect(readOnly.status).toBe(403);
    expect((await errorOf(readOnly)).code).toBe('read_only_token');
    expect(await db.seminar.count()).toBe(before);
  });
});

describe('POST /api/v1/seminars/{id}/recommendations', () => {
  async function seminar(sourceText?: string) {
    const response = await createSeminar({ title: 'API seminar', kind: 'SEMINAR', date: `${year++}-03-03`, sourceText });
    return ((await response.json()) as { seminar: { id: string; codePrefix: string } }).seminar;
  }

  it('api: 201 with the recommendation (code, status, version, ...); by seminar id or code prefix; the next code each time', async () => {
    const held = await seminar('Recommendations\n\n1. Open a trade office\nin each capital.\n');
    const first = await addItem(held.id, {
      text: 'Open a trade office in each capital.',
      primaryThemeId: themeId,
      sectorIds: [sectorId],
      priority: 'HIGH',
      targetDate: '2031-12-31',
    });
    expect(first.status).toBe(201);
    const { recommendation } = (await first.json()) as { recommendation: Record<string, unknown> };
    expect(recommendation).toMatchObject({
      code: `${held.codePrefix}-R01`,
      status: 'NOT_STARTED',
      version: 1,
      priority: 'HIGH',
      targetDate: '2031-12-31',
      archived: false,
      withdrawal: null,
      text: 'Open a trade office in each capital.',
      title: 'Open a trade office in each capital',
      provenance: { span: { lineStart: 3, lineEnd: 4 } },
    });
    const second = await addItem(held.codePrefix.toLowerCase(), { text: 'Only the text.' });
    expect(second.status).toBe(201);
    expect(((await second.json()) as { recommendation: { code: string; provenance: { span: unknown } } }).recommendation).toMatchObject({
      code: `${held.codePrefix}-R02`,
      provenance: { span: null },
    });
  });

  it('api: 400 without text, 404 for an unknown seminar, 422 for an unknown theme', async () => {
    const held = await seminar();
    const noText = await addItem(held.id, { priority: 'URGENT' });
    expect(noText.status).toBe(400);
    expect(Object.keys((await errorOf(noText)).fields).sort()).toEqual(['priority', 'text']);
    const unknown = await addItem('no-such-seminar', { text: 'Nowhere.' });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('not_found');
    const badTheme = await addItem(held.id, { text: 'Filed wrongly.', primaryThemeId: 'no-such-theme' });
    expect(badTheme.status).toBe(422);
    expect((await errorOf(badTheme)).fields.primaryThemeId).toBeDefined();
    expect(await db.recommendation.count({ where: { seminarId: held.id } })).toBe(0);
  });

  it('api: 401 without credentials, 403 for a viewer and a read-only token; nothing written', async () => {
    const held = await seminar();
    expect((await addItem(held.id, { text: 'Refused.' }, 'anonymous')).status).toBe(401);
    expect((await addItem(held.id, { text: 'Refused.' }, 'VIEWER')).status).toBe(403);
    expect((await addItem(held.id, { text: 'Refused.' }, 'read-only')).status).toBe(403);
    expect(await db.recommendation.count({ where: { seminarId: held.id } })).toBe(0);
  });
});
