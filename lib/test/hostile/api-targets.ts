// Every route handler of app/api/v1, described for the fuzz suite: its method, how to load it, its
// path parameter, a valid body built from the fuzz world, and what each body field is. A test in
// lib/api/hostile-routes.db.test.ts fails if a route handler exists that is not listed here.
import type { Db } from '@/lib/db';
import { EVIDENCE_BODY_MAX, EVIDENCE_SOURCE_TITLE_MAX } from '@/lib/validations/evidence';
import { PASTED_TEXT_MAX } from '@/lib/validations/import-draft';
import { RECOMMENDATION_TEXT_MAX, RECOMMENDATION_TITLE_MAX } from '@/lib/validations/recommendation';
import { SEMINAR_PLACE_MAX, SEMINAR_TITLE_MAX } from '@/lib/validations/seminar';
import { STATUS_NOTE_MAX } from '@/lib/validations/status-change';
import { SEMINAR_KINDS } from '@/lib/seminars/kinds';
import { PRIORITIES, STATUSES } from '@/lib/status/status';
import type { Fields } from './mutations';
import type { World } from './world';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type ApiTarget = {
  method: Method;
  /** The route as app/ spells it: /api/v1/recommendations/[id]. */
  route: string;
  load: () => Promise<Record<string, unknown>>;
  /** The path parameter's valid value, when the route has one. */
  param?: (world: World) => string;
  /** Query parameters the route reads (GET): fuzzed with any hostile value; the answer is 200 or a 4xx. */
  query?: string[];
  /** A valid JSON body, and what its fields are. */
  body?: (world: World) => Record<string, unknown>;
  fields?: Fields;
  /** Text fields that take any legal text: set to hostile text, the route answers 2xx and `stored` reads back what was kept. */
  accepts?: { texts: string[]; stored: (db: Db, answer: unknown) => Promise<Record<string, unknown>> };
};

export const handlerOf = async (target: ApiTarget): Promise<Handler> => (await target.load())[target.method] as Handler;

const seminarFields: Fields = {
  title: { kind: 'text', max: SEMINAR_TITLE_MAX, required: true },
  kind: { kind: 'enum', values: SEMINAR_KINDS, required: true },
  date: { kind: 'date', required: true },
  venue: { kind: 'text', max: SEMINAR_PLACE_MAX },
  organiser: { kind: 'text', max: SEMINAR_PLACE_MAX },
};

let year = 1200;
const uniqueSeminarDate = () => `${1200 + (year++ % 600)}-0${1 + (year % 9)}-1${year % 9}`;

export const API_TARGETS: ApiTarget[] = [
  { method: 'GET', route: '/api/v1/me', load: () => import('@/app/api/v1/me/route') },
  { method: 'GET', route: '/api/v1/themes', load: () => import('@/app/api/v1/themes/route') },
  { method: 'GET', route: '/api/v1/sectors', load: () => import('@/app/api/v1/sectors/route') },
  { method: 'GET', route: '/api/v1/seminars', load: () => import('@/app/api/v1/seminars/route') },
  {
    method: 'GET',
    route: '/api/v1/recommendations',
    load: () => import('@/app/api/v1/recommendations/route'),
    query: [
      'seminar',
      'theme',
      'themeScope',
      'sector',
      'status',
      'priority',
      'stale',
      'staleDays',
      'overdue',
      'includeArchived',
      'q',
      'sort',
      'dir',
      'pageSize',
      'page',
      'cursor',
    ],
  },
  {
    method: 'GET',
    route: '/api/v1/progress',
    load: () => import('@/app/api/v1/progress/route'),
    query: ['by', 'interval', 'from', 'to', 'asOf', 'seminar', 'theme', 'sector', 'chart'],
  },
  {
    method: 'GET',
    route: '/api/v1/reports/quarterly',
    load: () => import('@/app/api/v1/reports/quarterly/route'),
    // A valid query makes a file: CSV keeps that cheap; the other parameters are fuzzed.
    query: ['quarter', 'csv', 'seminar', 'theme', 'sector'],
  },
  { method: 'GET', route: '/api/v1/recommendations/[id]', load: () => import('@/app/api/v1/recommendations/[id]/route'), param: (w) => w.recommendationCode },
  { method: 'GET', route: '/api/v1/imports', load: () => import('@/app/api/v1/imports/route'), query: ['status', 'limit'] },
  { method: 'GET', route: '/api/v1/imports/[id]', load: () => import('@/app/api/v1/imports/[id]/route'), param: (w) => w.draftId },
  {
    method: 'POST',
    route: '/api/v1/seminars',
    load: () => import('@/app/api/v1/seminars/route'),
    body: () => ({ title: 'Fuzzed round table', kind: 'ROUND_TABLE', date: uniqueSeminarDate(), venue: 'Lahore', organiser: null }),
    fields: seminarFields,
    accepts: {
      texts: ['title', 'venue', 'organiser'],
      stored: async (db, answer) =>
        db.seminar.findUniqueOrThrow({
          where: { id: (answer as { seminar: { id: string } }).seminar.id },
          select: { title: true, venue: true, organiser: true },
        }),
    },
  },
  {
    method: 'POST',
    route: '/api/v1/seminars/[id]/recommendations',
    load: () => import('@/app/api/v1/seminars/[id]/recommendations/route'),
    param: (w) => w.seminarId,
    body: (w) => ({
      text: 'The ministry should publish the data.',
      title: 'Publish the data',
      primaryThemeId: w.themeId,
      sectorIds: [w.sectorId],
      priority: 'HIGH',
    }),
    fields: {
      text: { kind: 'text', max: RECOMMENDATION_TEXT_MAX, required: true },
      title: { kind: 'text', max: RECOMMENDATION_TITLE_MAX },
      primaryThemeId: { kind: 'id' },
      secondaryThemeIds: { kind: 'ids' },
      sectorIds: { kind: 'ids' },
      priority: { kind: 'enum', values: PRIORITIES },
      targetDate: { kind: 'date' },
    },
    accepts: {
      texts: ['text', 'title'],
      stored: async (db, answer) =>
        db.recommendation.findUniqueOrThrow({
          where: { id: (answer as { recommendation: { id: string } }).recommendation.id },
          select: { text: true, title: true },
        }),
    },
  },
  {
    method: 'PATCH',
    route: '/api/v1/recommendations/[id]',
    load: () => import('@/app/api/v1/recommendations/[id]/route'),
    param: (w) => w.recommendationId,
    body: (w) => ({ expectedVersion: 1, primaryThemeId: w.themeId, sectorIds: [w.sectorId], priority: 'LOW', targetDate: '2030-01-01' }),
    fields: {
      expectedVersion: { kind: 'version' },
      primaryThemeId: { kind: 'id' },
      secondaryThemeIds: { kind: 'ids' },
      sectorIds: { kind: 'ids' },
      priority: { kind: 'enum', values: PRIORITIES },
      targetDate: { kind: 'date' },
    },
  },
  {
    method: 'POST',
    route: '/api/v1/recommendations/[id]/status',
    load: () => import('@/app/api/v1/recommendations/[id]/status/route'),
    param: (w) => w.recommendationId,
    body: () => ({ status: 'IN_PROGRESS', effectiveDate: '2016-03-01', note: 'Started.', expectedVersion: 1 }),
    fields: {
      status: { kind: 'enum', values: STATUSES, required: true },
      effectiveDate: { kind: 'date', required: true },
      note: { kind: 'text', max: STATUS_NOTE_MAX },
      expectedVersion: { kind: 'version' },
    },
  },
  {
    method: 'POST',
    route: '/api/v1/recommendations/[id]/evidence',
    load: () => import('@/app/api/v1/recommendations/[id]/evidence/route'),
    param: (w) => w.recommendationId,
    body: () => ({
      body: 'The ministry issued a circular.',
      evidenceDate: '2016-02-01',
      sourceTitle: 'Circular 12',
      sourceUrl: 'https://example.org/circular',
    }),
    fields: {
      body: { kind: 'text', max: EVIDENCE_BODY_MAX, required: true },
      evidenceDate: { kind: 'date', required: true },
      sourceTitle: { kind: 'text', max: EVIDENCE_SOURCE_TITLE_MAX },
      sourceUrl: { kind: 'url' },
    },
    accepts: {
      texts: ['body', 'sourceTitle'],
      stored: async (db, answer) =>
        db.evidenceNote.findUniqueOrThrow({ where: { id: (answer as { evidence: { id: string } }).evidence.id }, select: { body: true, sourceTitle: true } }),
    },
  },
  {
    method: 'POST',
    route: '/api/v1/imports',
    load: () => import('@/app/api/v1/imports/route'),
    body: () => ({ text: 'Recommendations\n\n1. Publish the data.' }),
    fields: { text: { kind: 'text', max: PASTED_TEXT_MAX, required: true }, fileName: { kind: 'text', max: 255 } },
  },
  {
    method: 'PATCH',
    route: '/api/v1/imports/[id]',
    load: () => import('@/app/api/v1/imports/[id]/route'),
    param: (w) => w.draftId,
    body: () => ({ expectedVersion: 1, seminar: { title: 'Water', kind: 'ROUND_TABLE', date: '2015-03-14', venue: null, organiser: null } }),
    fields: { expectedVersion: { kind: 'version' }, seminar: { kind: 'object' }, items: { kind: 'object' } },
  },
  {
    method: 'DELETE',
    route: '/api/v1/imports/[id]',
    load: () => import('@/app/api/v1/imports/[id]/route'),
    param: (w) => w.draftId,
    body: () => ({ expectedVersion: 1 }),
    fields: { expectedVersion: { kind: 'version' } },
  },
  {
    method: 'POST',
    route: '/api/v1/imports/[id]/confirm',
    load: () => import('@/app/api/v1/imports/[id]/confirm/route'),
    param: (w) => w.draftId,
    body: () => ({ expectedVersion: 1, seminar: { title: 'Water', kind: 'ROUND_TABLE', date: '2015-03-14' } }),
    fields: { expectedVersion: { kind: 'version' }, seminar: { kind: 'object', required: true } },
  },
];
