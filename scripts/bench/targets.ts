// What the benchmark measures, as requests, and how it decides that a target is not there yet.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Db } from '@/lib/db';
import { toDateOnly, today } from '@/lib/dates';
import type { BenchAuth } from './auth';
import type { LoadJob, RequestSpec, StatusItem } from './load';
import { SEARCH_TERM } from './text';

export const TARGET_NAMES = ['dashboard', 'list', 'item', 'progressApi', 'statusChange', 'exportPdf', 'exportXlsx'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

export const LIST_QUERY = `status=IN_PROGRESS&q=${SEARCH_TERM}`;

/**
 * The quarterly exports (issue 6, app/api/v1/reports/quarterly), for a quarter the generated history
 * covers (it ends on 2026-10-31). Reported as not available when the build has no such route.
 */
export const EXPORT_URLS: Record<'exportPdf' | 'exportXlsx', string> = {
  exportPdf: '/api/v1/reports/quarterly?quarter=2026-Q3&format=pdf',
  exportXlsx: '/api/v1/reports/quarterly?quarter=2026-Q3&format=xlsx',
};

export const STATUS_CLIENTS = 16;

export type Fixtures = {
  auth: BenchAuth;
  itemCode: string;
  itemHistory: number;
  statusClients: StatusItem[][];
};

export type TargetPlan = {
  name: TargetName | 'trivialRoute';
  label: string;
  /** The route as the build's app-path-routes-manifest.json names it. */
  route: string;
  probe: RequestSpec;
  job: Omit<LoadJob, 'baseUrl' | 'durationMs' | 'warmupMs'>;
};

/** Routes in the build (app-path-routes-manifest.json values, e.g. "/recommendations/[code]"). */
export function builtRoutes(root: string, distDir: string): Set<string> {
  const file = path.join(root, distDir, 'app-path-routes-manifest.json');
  if (!existsSync(file)) return new Set();
  return new Set(Object.values(JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>));
}

/**
 * The status-change clients' items and the item whose page is measured, from the benchmark database.
 * Status changes go to the newest items (each client its own); the item page is an item with a long
 * history (the 90th percentile), never one the status clients write to, so repeated runs do not grow it.
 */
export async function pickFixtures(db: Db, auth: BenchAuth): Promise<Fixtures> {
  const open = await db.recommendation.findMany({
    where: { archived: false },
    orderBy: { code: 'desc' },
    select: { id: true, code: true, version: true, status: true },
  });
  const perClient = Math.max(1, Math.min(8, Math.floor(open.length / (STATUS_CLIENTS * 2))));
  const writable = open.slice(0, STATUS_CLIENTS * perClient);
  if (writable.length < STATUS_CLIENTS) throw new Error(`Need at least ${STATUS_CLIENTS} recommendations for the status-change clients`);
  const statusClients = Array.from({ length: STATUS_CLIENTS }, (_, client) =>
    writable.filter((_, index) => index % STATUS_CLIENTS === client).map(({ id, version, status }) => ({ id, version, status })),
  );
  const taken = new Set(writable.map((item) => item.id));
  const byId = new Map(open.map((item) => [item.id, item]));
  const counts = await db.statusChange.groupBy({ by: ['recommendationId'], _count: { _all: true } });
  const ranked = counts
    .filter((row) => !taken.has(row.recommendationId) && byId.has(row.recommendationId))
    .sort((a, b) => b._count._all - a._count._all || a.recommendationId.localeCompare(b.recommendationId));
  const chosen = ranked[Math.floor(ranked.length * 0.1)] ?? ranked[0];
  const item = (chosen && byId.get(chosen.recommendationId)) ?? open.at(-1)!;
  return { auth, itemCode: item.code, itemHistory: chosen?._count._all ?? 0, statusClients };
}

/**
 * In the order measured. The exports come last: a server still busy with an export the client gave
 * up on would slow whatever is measured after it.
 */
export function plans(fixtures: Fixtures, connections: number): TargetPlan[] {
  const page = (path: string): RequestSpec => ({ method: 'GET', path, headers: { cookie: fixtures.auth.cookie, accept: 'text/html' } });
  const api = (path: string): RequestSpec => ({ method: 'GET', path, headers: { authorization: fixtures.auth.bearer, accept: 'application/json' } });
  const reads = (spec: RequestSpec) => ({
    connections,
    maxRequests: 200_000,
    warmupPerConnection: 1,
    timeoutMs: 30_000,
    scenario: { kind: 'fixed' as const, requests: [spec] },
  });
  const exportJob = (spec: RequestSpec) => ({
    connections: 1,
    maxRequests: 30,
    warmupPerConnection: 1,
    timeoutMs: 120_000,
    scenario: { kind: 'fixed' as const, requests: [spec] },
  });
  const itemPath = `/recommendations/${encodeURIComponent(fixtures.itemCode)}`;
  const firstItem = fixtures.statusClients[0]![0]!;
  return [
    { name: 'trivialRoute', label: 'GET /api/health', route: '/api/health', probe: api('/api/health'), job: reads(api('/api/health')) },
    { name: 'item', label: `GET ${itemPath}`, route: '/recommendations/[code]', probe: page(itemPath), job: reads(page(itemPath)) },
    {
      name: 'list',
      label: `GET /recommendations?${LIST_QUERY}`,
      route: '/recommendations',
      probe: page(`/recommendations?${LIST_QUERY}`),
      job: reads(page(`/recommendations?${LIST_QUERY}`)),
    },
    { name: 'dashboard', label: 'GET /dashboard', route: '/dashboard', probe: page('/dashboard'), job: reads(page('/dashboard')) },
    { name: 'progressApi', label: 'GET /api/v1/progress', route: '/api/v1/progress', probe: api('/api/v1/progress'), job: reads(api('/api/v1/progress')) },
    {
      name: 'statusChange',
      label: `POST /api/v1/recommendations/{id}/status, ${STATUS_CLIENTS} clients`,
      route: '/api/v1/recommendations/[id]/status',
      // Reading the first client's item proves the token works without writing anything.
      probe: api(`/api/v1/recommendations/${encodeURIComponent(firstItem.id)}`),
      job: {
        connections: STATUS_CLIENTS,
        maxRequests: 200_000,
        warmupPerConnection: 1,
        timeoutMs: 30_000,
        scenario: {
          kind: 'statusChange',
          headers: { authorization: fixtures.auth.bearer, accept: 'application/json' },
          clients: fixtures.statusClients,
          effectiveDate: toDateOnly(today()),
        },
      },
    },
    {
      name: 'exportXlsx',
      label: `GET ${EXPORT_URLS.exportXlsx}`,
      route: '/api/v1/reports/quarterly',
      probe: api(EXPORT_URLS.exportXlsx),
      job: exportJob(api(EXPORT_URLS.exportXlsx)),
    },
    {
      name: 'exportPdf',
      label: `GET ${EXPORT_URLS.exportPdf}`,
      route: '/api/v1/reports/quarterly',
      probe: api(EXPORT_URLS.exportPdf),
      job: exportJob(api(EXPORT_URLS.exportPdf)),
    },
  ];
}

/** Routes in the build that look like an export, to say what there is when the expected one is not. */
export function exportLikeRoutes(routes: Set<string>): string[] {
  return [...routes].filter((route) => /export|report|quarter|summary/i.test(route));
}
