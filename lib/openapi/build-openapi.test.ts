import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApi } from './build-openapi';

// The JSON API, and the health checks beside it (next-auth's own routes are not ours to describe).
const API_DIRS = [path.join(process.cwd(), 'app', 'api', 'v1'), path.join(process.cwd(), 'app', 'api', 'health')];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? routeFiles(full) : entry.name === 'route.ts' ? [full] : [];
  });
}

/** app/api/v1/recommendations/[id]/status/route.ts -> /api/v1/recommendations/{id}/status */
function pathOf(file: string): string {
  const segments = path.relative(path.join(process.cwd(), 'app'), path.dirname(file)).split(path.sep);
  return (
    '/' +
    segments
      .filter((segment) => !/^\(.*\)$/.test(segment))
      .map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}'))
      .join('/')
  );
}

/** The HTTP methods a route file exports: `export const GET =`, `export async function POST(`, `export { x as PATCH }`. */
function methodsOf(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const found = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) {
    found.add((match[1] ?? match[2])!);
  }
  return [...found];
}

const onDisk = API_DIRS.flatMap(routeFiles).flatMap((file) => methodsOf(file).map((method) => `${method} ${pathOf(file)}`));
const document = buildOpenApi();
const documented = Object.entries(document.paths).flatMap(([route, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${route}`));

describe('OpenAPI document', () => {
  it('openapi: finds the route files it checks (the walk itself works)', () => {
    expect(onDisk).toContain('GET /api/v1/me');
    expect(onDisk).toContain('GET /api/v1/recommendations');
    expect(onDisk).toContain('GET /api/health/ready');
  });

  it('openapi: every route handler under app/api/v1 and app/api/health is documented', () => {
    const missing = onDisk.filter((entry) => !documented.includes(entry));
    expect(missing, 'add these to lib/openapi/build-openapi.ts').toEqual([]);
  });

  it('openapi: documents no route that does not exist', () => {
    const extra = documented.filter((entry) => !onDisk.includes(entry));
    expect(extra, 'these are documented but have no route handler').toEqual([]);
  });

  it('openapi: is OpenAPI 3.1 with bearer and cookie security and the shared error shape', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components).toMatchObject({
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer' }, cookieAuth: { type: 'apiKey', in: 'cookie' } },
      schemas: { Error: { properties: { error: { properties: { code: { type: 'string' }, message: { type: 'string' }, fields: { type: 'object' } } } } } },
    });
    const responses = document.components.responses as Record<string, unknown>;
    expect(Object.keys(responses).sort()).toEqual([
      'BadRequest',
      'Conflict',
      'Forbidden',
      'NotFound',
      'PayloadTooLarge',
      'TooManyRequests',
      'Unauthorized',
      'Unprocessable',
      'UnsupportedMediaType',
    ]);
  });

  it('openapi: request bodies and list parameters come from the zod schemas', () => {
    const statusBody = (
      document.paths['/api/v1/recommendations/{id}/status']!.post as {
        requestBody: { content: Record<string, { schema: { properties: Record<string, { enum?: string[] }>; required: string[] } }> };
      }
    ).requestBody.content['application/json']!.schema;
    expect(statusBody.properties.status!.enum).toContain('IMPLEMENTED');
    expect(statusBody.required).toEqual(expect.arrayContaining(['status', 'effectiveDate', 'expectedVersion']));
    const list = document.paths['/api/v1/recommendations']!.get as { parameters: { name: string; schema: { type?: string } }[] };
    const names = list.parameters.map((parameter) => parameter.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'seminar',
        'theme',
        'sector',
        'status',
        'priority',
        'stale',
        'staleDays',
        'overdue',
        'q',
        'sort',
        'dir',
        'pageSize',
        'cursor',
        'includeArchived',
      ]),
    );
    expect(list.parameters.find((parameter) => parameter.name === 'status')!.schema.type).toBe('array');
  });

  it('openapi: hand entry: POST /seminars and /seminars/{id}/recommendations answer 201 and require only what the server requires', () => {
    type Op = { requestBody: { content: Record<string, { schema: { required: string[] } }> }; responses: Record<string, unknown> };
    const seminar = document.paths['/api/v1/seminars']!.post as Op;
    const item = document.paths['/api/v1/seminars/{id}/recommendations']!.post as Op;
    expect(seminar.requestBody.content['application/json']!.schema.required.sort()).toEqual(['date', 'kind', 'title']);
    expect(item.requestBody.content['application/json']!.schema.required).toEqual(['text']);
    expect(Object.keys(seminar.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '422']));
    expect(Object.keys(item.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '409', '422']));
  });

  it('openapi: every operation with a JSON body documents 415 for a body declared as something else', () => {
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods as Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>)) {
        if (operation.requestBody) expect(Object.keys(operation.responses), `${method} ${path}`).toContain('415');
      }
    }
  });

  it('openapi: protected operations document 401, 403 and 429; only the document itself and the health checks are public', () => {
    const PUBLIC = ['/api/v1/openapi.json', '/api/health', '/api/health/ready'];
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const op = operation as { security?: unknown[]; responses: Record<string, unknown> };
        if (PUBLIC.includes(route)) {
          expect(op.security).toEqual([]);
          continue;
        }
        expect(op.security, `${method} ${route}`).toBeUndefined();
        expect(Object.keys(op.responses), `${method} ${route}`).toEqual(expect.arrayContaining(['401', '403', '429']));
      }
    }
  });

  it('openapi: the health checks answer 200 or 503 with their own bodies', () => {
    for (const [route, schema] of [
      ['/api/health', 'Health'],
      ['/api/health/ready', 'Readiness'],
    ] as const) {
      const responses = (document.paths[route]!.get as { responses: Record<string, { content: { 'application/json': { schema: unknown } } }> }).responses;
      expect(Object.keys(responses).sort(), route).toEqual(['200', '503']);
      for (const status of ['200', '503']) expect(responses[status]!.content['application/json'].schema).toEqual({ $ref: `#/components/schemas/${schema}` });
    }
    const readiness = (document.components.schemas as Record<string, { properties: Record<string, unknown>; required: string[] }>).Readiness!;
    expect(readiness.required.sort()).toEqual(['database', 'migrations', 'pendingMigrations', 'status']);
  });

  it('openapi: every $ref points at a component that exists', () => {
    const text = JSON.stringify(document);
    for (const [, kind, name] of text.matchAll(/"#\/components\/(\w+)\/(\w+)"/g)) {
      expect((document.components[kind!] as Record<string, unknown>)[name!], `${kind}/${name}`).toBeDefined();
    }
  });
});
