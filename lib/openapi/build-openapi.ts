// The OpenAPI 3.1 description of /api/v1, generated from the same zod schemas the routes parse
// with (z.toJSONSchema), so the document cannot drift from what the server accepts. A unit test
// (build-openapi.test.ts) fails when a route file under app/api/v1 has no entry here.
import { z } from 'zod';
import { ROLES } from '@/lib/auth/roles';
import { recommendationListDtoSchema } from '@/lib/recommendations/recommendation-list-dto';
import { seminarOptionListSchema } from '@/lib/seminars/list-seminar-options';
import { termOptionListSchema } from '@/lib/taxonomy/list-terms-for-filters';
import { evidenceSchema } from '@/lib/validations/evidence';
import { addRecommendationSchema, recommendationUpdateSchema } from '@/lib/validations/recommendation';
import { createSeminarFieldsSchema } from '@/lib/validations/seminar';
import { recommendationFiltersSchema } from '@/lib/validations/recommendation-filters';
import { statusChangeSchema } from '@/lib/validations/status-change';
import { progressQuerySchema } from '@/lib/validations/progress';
import { progressReportSchema } from '@/lib/progress/progress-report';
import { quarterlyReportQuerySchema } from '@/lib/validations/quarterly-report';
import { confirmedImportJsonSchema, importDraftJsonSchema, importDraftListJsonSchema } from '@/lib/import/draft-json';
import { healthSchema, readinessSchema } from '@/lib/health/health-schema';
import {
  confirmImportDraftSchema,
  createImportDraftTextSchema,
  discardImportDraftSchema,
  importDraftListQuerySchema,
  updateImportDraftSchema,
} from '@/lib/validations/import-draft';

type JsonSchema = Record<string, unknown>;
type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';
type Role = (typeof ROLES)[number];

type Operation = {
  operationId: string;
  summary: string;
  description?: string;
  /** Least role that may call it; null = public (no sign-in). */
  role: Role | null;
  parameters?: JsonSchema[];
  body?: z.ZodType;
  /** Status and schema of the success answer. */
  /** contentTypes: for routes that answer with a file instead of JSON. */
  ok: { status: 200 | 201; description: string; schema: JsonSchema; contentTypes?: string[] };
  /** Error answers this operation can give besides 401/403/429 for protected ones. */
  errors: (400 | 404 | 409 | 413 | 415 | 422)[];
  /** Other request bodies than JSON (a file upload), described as they are. */
  requestContent?: Record<string, { schema: JsonSchema }>;
  /** Answers outside the shared error shape (the health checks' 503), by status. */
  otherResponses?: Record<number, { description: string; schema: JsonSchema }>;
};

/** A schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect), without the $schema header. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const errorSchema = z.object({
  error: z
    .object({
      code: z.string().meta({ description: 'Machine-readable, e.g. invalid_input, unauthorized, forbidden, not_found, version_conflict, rule_violation.' }),
      message: z.string().meta({ description: 'A sentence to show a person.' }),
      fields: z.record(z.string(), z.array(z.string())).meta({ description: 'Messages per input field ("" for the input as a whole).' }),
    })
    .catchall(z.unknown())
    .meta({ description: 'A 409 version_conflict also carries currentVersion, changedBy (a name), changedAt and change ({ action, summary }).' }),
});

const meSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(ROLES) }),
});

/** Part of the item's JSON (lib/recommendations/get-recommendation.ts): its full shape is documented by example there. */
const recommendationDetailSchema = z.object({
  recommendation: z
    .object({ id: z.string(), code: z.string(), title: z.string(), text: z.string(), status: z.string(), version: z.int() })
    .catchall(z.unknown())
    .meta({
      description:
        'The recommendation with its seminar, themes, sectors, status history, evidence notes and links; on GET also `recurrence`: the same ask made at other seminars (`askedBefore`, `askedAgain`: code, title, status, seminar), through links.',
    }),
});

const statusChangeResultSchema = z.object({
  id: z.string(),
  code: z.string(),
  version: z.int(),
  status: z.string(),
  effectiveDate: z.iso.date(),
});

const evidenceResultSchema = z.object({
  evidence: z.object({ id: z.string(), recommendationId: z.string(), code: z.string(), version: z.int() }).catchall(z.unknown()),
});

const seminarSchema = z.object({
  seminar: z.object({
    id: z.string(),
    codePrefix: z
      .string()
      .meta({ description: 'The start of its recommendations’ codes: its year, or the year and a letter (2026B) when the year has one already.' }),
    title: z.string(),
    kind: z.string(),
    date: z.iso.date(),
    venue: z.string().nullable(),
    organiser: z.string().nullable(),
    sourceFileName: z.string().nullable(),
    hasSourceText: z.boolean(),
    speakers: z.array(z.object({ name: z.string(), designation: z.string().nullable() })),
    version: z.int(),
    createdAt: z.iso.datetime(),
  }),
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const importIdParameter = { name: 'id', in: 'path', required: true, description: 'The import draft’s id.', schema: { type: 'string', minLength: 1 } };
/** The id comes from the path, not the body. */
const withoutDraftId = <S extends z.ZodObject>(schema: S) => schema.omit({ draftId: true });

/** The list filters as query parameters; repeated keys (explode) for the lists. */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const properties = (jsonSchema(schema, 'input').properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: 'query', required: false, description, schema: rest, ...(rest.type === 'array' ? { style: 'form', explode: true } : {}) };
  });
}

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The recommendation’s id or its code, e.g. 2015-R03.',
  schema: { type: 'string', minLength: 1 },
};

const seminarIdParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'The seminar’s id or its code prefix, e.g. 2015.',
  schema: { type: 'string', minLength: 1 },
};

const PATHS: Record<string, Partial<Record<Method, Operation>>> = {
  '/api/health': {
    get: {
      operationId: 'getHealth',
      summary: 'Liveness: the server and its database answer',
      description: 'Public and cheap (one trivial query, at most 2 s): for uptime checks.',
      role: null,
      ok: { status: 200, description: 'The database answered.', schema: ref('Health') },
      errors: [],
      otherResponses: { 503: { description: 'The database did not answer within 2 s.', schema: ref('Health') } },
    },
  },
  '/api/health/ready': {
    get: {
      operationId: 'getReadiness',
      summary: 'Readiness: send this server traffic?',
      description:
        'Public and cheap (two small queries): for a load balancer. Ready when the database answers and holds every migration this server ships; ' +
        'a server started on a database whose migrations have not run (or failed) answers 503 until they are applied.',
      role: null,
      ok: { status: 200, description: 'Ready.', schema: ref('Readiness') },
      errors: [],
      otherResponses: { 503: { description: 'Not ready: the database does not answer, or migrations are pending.', schema: ref('Readiness') } },
    },
  },
  '/api/v1/me': {
    get: {
      operationId: 'getMe',
      summary: 'Who the session or token belongs to',
      description: 'A quick way to check that a token works.',
      role: 'VIEWER',
      ok: { status: 200, description: 'The signed-in user.', schema: ref('Me') },
      errors: [],
    },
  },
  '/api/v1/progress': {
    get: {
      operationId: 'getProgress',
      summary: 'Implementation progress over time',
      description:
        'The quarterly series the dashboard draws: weighted progress per theme (primary theme), owner sector or seminar, ' +
        'computed from the effective-dated status history. asOf shows the series as it stood on that day.',
      role: 'VIEWER',
      parameters: queryParameters(progressQuerySchema),
      ok: { status: 200, description: 'One series per group, a point per quarter.', schema: ref('ProgressReport') },
      errors: [400],
    },
  },
  '/api/v1/reports/quarterly': {
    get: {
      operationId: 'getQuarterlyReport',
      summary: 'Quarterly summary as a file',
      description:
        'The quarterly summary for a quarter and the dashboard filters, as an A4 PDF, an XLSX workbook, or CSV (csv=items: every item; ' +
        'csv=changes: the status changes that took effect in the quarter). Figures are as of the quarter’s last day, read by effective date, ' +
        'including back-dated changes recorded later. Sent as an attachment, e.g. tracker-2026-Q3.pdf.',
      role: 'VIEWER',
      parameters: queryParameters(quarterlyReportQuerySchema),
      ok: {
        status: 200,
        description: 'The file.',
        schema: { type: 'string', format: 'binary' },
        contentTypes: ['application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
      },
      errors: [400],
    },
  },
  '/api/v1/recommendations': {
    get: {
      operationId: 'listRecommendations',
      summary: 'List recommendations',
      description:
        'The recommendations matching the filters, a page at a time. Values of one filter widen (any of them); different filters narrow. ' +
        'Page with cursor: pass the previous answer’s nextCursor, keeping the same sort and dir.',
      role: 'VIEWER',
      parameters: queryParameters(recommendationFiltersSchema),
      ok: { status: 200, description: 'One page of matches.', schema: ref('RecommendationList') },
      errors: [400],
    },
  },
  '/api/v1/recommendations/{id}': {
    get: {
      operationId: 'getRecommendation',
      summary: 'One recommendation',
      role: 'VIEWER',
      parameters: [idParameter],
      ok: { status: 200, description: 'The recommendation with its history, evidence and links.', schema: ref('RecommendationDetail') },
      errors: [404],
    },
    patch: {
      operationId: 'updateRecommendation',
      summary: 'Edit a recommendation’s themes, sectors, priority or target date',
      description: 'Fields left out stay as they are. expectedVersion is the version you read; a stale one gets 409.',
      role: 'EDITOR',
      parameters: [idParameter],
      body: recommendationUpdateSchema,
      ok: { status: 200, description: 'The recommendation as it is now.', schema: ref('RecommendationDetail') },
      errors: [400, 404, 409, 422],
    },
  },
  '/api/v1/recommendations/{id}/status': {
    post: {
      operationId: 'changeStatus',
      summary: 'Record a status change',
      description:
        'The change lands at its effective date in the history; the current status is the latest by effective date. ' +
        'Partially implemented and implemented need evidence (a note on the item, or `evidence` with the change).',
      role: 'EDITOR',
      parameters: [idParameter],
      body: statusChangeSchema,
      ok: { status: 200, description: 'The new version and current status.', schema: ref('StatusChangeResult') },
      errors: [400, 404, 409, 422],
    },
  },
  '/api/v1/recommendations/{id}/evidence': {
    post: {
      operationId: 'addEvidence',
      summary: 'Add an evidence note',
      role: 'EDITOR',
      parameters: [idParameter],
      body: evidenceSchema,
      ok: { status: 201, description: 'The note as saved.', schema: ref('EvidenceResult') },
      errors: [400, 404, 422],
    },
  },
  '/api/v1/themes': {
    get: {
      operationId: 'listThemes',
      summary: 'List themes',
      description: 'Themes in use (not merged into another), in the administrators’ order: the values of the theme filter.',
      role: 'VIEWER',
      ok: { status: 200, description: 'The themes.', schema: ref('TermList') },
      errors: [],
    },
  },
  '/api/v1/sectors': {
    get: {
      operationId: 'listSectors',
      summary: 'List owner sectors',
      description: 'Sectors in use (not merged into another), in the administrators’ order: the values of the sector filter.',
      role: 'VIEWER',
      ok: { status: 200, description: 'The sectors.', schema: ref('TermList') },
      errors: [],
    },
  },
  '/api/v1/seminars': {
    get: {
      operationId: 'listSeminars',
      summary: 'List seminars',
      description: 'Every seminar, newest first: the values of the seminar filter.',
      role: 'VIEWER',
      ok: { status: 200, description: 'The seminars.', schema: ref('SeminarList') },
      errors: [],
    },
    post: {
      operationId: 'createSeminar',
      summary: 'Enter a seminar by hand',
      description:
        'Optionally with its report’s text (sourceText), in which the recommendations added later are looked for ("view in source"). ' +
        'Its code prefix is allocated: its year, or the year and the next letter (2026B, 2026C, ...) when the year has a seminar already; existing prefixes never change. ' +
        'The date cannot be in the future. Two created at the same moment may get 409 code_prefix_taken: send it again.',
      role: 'EDITOR',
      body: createSeminarFieldsSchema,
      ok: { status: 201, description: 'The seminar as saved, with its id and code prefix.', schema: ref('Seminar') },
      errors: [400, 409, 422],
    },
  },
  '/api/v1/seminars/{id}/recommendations': {
    post: {
      operationId: 'addRecommendation',
      summary: 'Add a recommendation to a seminar',
      description:
        'It gets the seminar’s next code (after the highest ever used; codes are never reused) and starts NOT_STARTED on the seminar’s date. ' +
        'A blank title is made from the text’s first sentence; without primaryThemeId it is filed under the first theme in the administrators’ order; ' +
        'without sectorIds it has no owner sector yet; priority defaults to MEDIUM. When the seminar has its report’s text and the text is found in it ' +
        '(whitespace aside), the item can be viewed in its source. Two added at the same moment may get 409 code_taken: send it again.',
      role: 'EDITOR',
      parameters: [seminarIdParameter],
      body: addRecommendationSchema,
      ok: { status: 201, description: 'The recommendation as saved (code, status, version, ...).', schema: ref('RecommendationDetail') },
      errors: [400, 404, 409, 422],
    },
  },
  '/api/v1/imports': {
    get: {
      operationId: 'listImports',
      summary: 'List report imports',
      description: 'Import drafts, the most recently saved first, with who started them: those still in review unless status says otherwise.',
      role: 'EDITOR',
      parameters: queryParameters(importDraftListQuerySchema),
      ok: { status: 200, description: 'The drafts.', schema: ref('ImportDraftList') },
      errors: [400],
    },
    post: {
      operationId: 'createImport',
      summary: 'Start a report import',
      description:
        'Send a seminar report as multipart/form-data (field "file": PDF, DOCX or plain text), or JSON { "text": "..." }. ' +
        'The text is extracted, its recommendations found and classified, and saved as a draft to review: nothing is created until ' +
        'the draft is confirmed. A file over the size limit gets 413 (before it is read when Content-Length says so), a type the importer ' +
        'does not read or a file that is not what its name says 415, a damaged, encrypted or scanned file 422, each with the reason in error.code.',
      role: 'EDITOR',
      body: createImportDraftTextSchema,
      requestContent: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['file'],
            properties: { file: { type: 'string', format: 'binary', description: 'The report: PDF, DOCX or text.' } },
          },
        },
      },
      ok: { status: 201, description: 'The draft, with the recommendations found.', schema: ref('ImportDraft') },
      errors: [400, 413, 415, 422],
    },
  },
  '/api/v1/imports/{id}': {
    get: {
      operationId: 'getImport',
      summary: 'One report import',
      role: 'EDITOR',
      parameters: [importIdParameter],
      ok: { status: 200, description: 'The draft.', schema: ref('ImportDraft') },
      errors: [404],
    },
    patch: {
      operationId: 'updateImport',
      summary: 'Save the review of an import',
      description:
        'The seminar’s details and/or the whole list of items (from the draft’s `items`, edited). expectedVersion is the version you read: ' +
        'a stale one gets 409 naming who saved last; a confirmed or discarded draft gets 409 too. Spans must lie in the source text and not overlap (422).',
      role: 'EDITOR',
      parameters: [importIdParameter],
      body: withoutDraftId(updateImportDraftSchema),
      ok: { status: 200, description: 'The draft as saved.', schema: ref('ImportDraft') },
      errors: [400, 404, 409, 422],
    },
    delete: {
      operationId: 'discardImport',
      summary: 'Discard a report import',
      description: 'The draft is kept as DISCARDED. An optional JSON body { expectedVersion } refuses (409) when it was saved since.',
      role: 'EDITOR',
      parameters: [importIdParameter],
      body: withoutDraftId(discardImportDraftSchema),
      ok: { status: 200, description: 'The discarded draft.', schema: ref('ImportDraft') },
      errors: [400, 404, 409],
    },
  },
  '/api/v1/imports/{id}/confirm': {
    post: {
      operationId: 'confirmImport',
      summary: 'Confirm a report import',
      description:
        'Creates the seminar (with the report’s text) and its recommendations, in the draft’s order, each NOT_STARTED on the seminar’s date, ' +
        'with their themes, sectors and accepted links, all at once. Every item needs a primary theme (422 otherwise). ' +
        'A draft already confirmed (or discarded) gets 409 naming who did it; a stale expectedVersion gets 409.',
      role: 'EDITOR',
      parameters: [importIdParameter],
      body: withoutDraftId(confirmImportDraftSchema),
      ok: { status: 201, description: 'The seminar and its recommendations’ codes.', schema: ref('ConfirmedImport') },
      errors: [400, 404, 409, 422],
    },
  },
  '/api/v1/openapi.json': {
    get: {
      operationId: 'getOpenApi',
      summary: 'This API description',
      description: 'Public: it describes the API and holds no data.',
      role: null,
      ok: { status: 200, description: 'The OpenAPI 3.1 document.', schema: { type: 'object' } },
      errors: [],
    },
  },
};

const ERROR_RESPONSES: Record<number, { name: string; description: string }> = {
  400: { name: 'BadRequest', description: 'The input is not valid: see error.fields.' },
  401: { name: 'Unauthorized', description: 'Not signed in, or no valid token in "Authorization: Bearer <token>".' },
  403: {
    name: 'Forbidden',
    description:
      'The role does not allow this, a read-only token was used for a change (read_only_token), or a cookie-authenticated write came from another site.',
  },
  404: { name: 'NotFound', description: 'No such recommendation (or seminar, or import).' },
  409: {
    name: 'Conflict',
    description:
      'Someone changed the item since you read it (expectedVersion is stale): the error names who, what and when. Or a code was taken at the same moment (code_prefix_taken, code_taken): send it again. ' +
      'Or an import was already confirmed or discarded (already_confirmed, already_discarded), naming who did it.',
  },
  413: { name: 'PayloadTooLarge', description: 'The upload is over the size limit (error.code too_large).' },
  415: {
    name: 'UnsupportedMediaType',
    description:
      'A body declared as something other than JSON (error.code unsupported_media_type), or, for an upload, a file type the importer does not read or a file that is not what its name says (unsupported_type, type_mismatch).',
  },
  422: {
    name: 'Unprocessable',
    description: 'The change breaks a rule (e.g. needs evidence, or dated before the seminar): see error.message and error.fields.',
  },
  429: { name: 'TooManyRequests', description: 'Too many requests: wait and try again.' },
};

const ROLE_NOTE: Record<Role, string> = {
  VIEWER: 'Any signed-in user (viewer, editor or admin).',
  EDITOR: 'Editors and admins.',
  ADMIN: 'Admins only.',
};

function operationObject(operation: Operation): JsonSchema {
  // A body declared as anything but JSON is refused (lib/api/route.ts readJson).
  const declared = operation.body ? [...operation.errors, 415 as const] : operation.errors;
  const errors = operation.role === null ? declared : [...declared, 401, 403, 429];
  const responses: Record<string, unknown> = {
    [operation.ok.status]: {
      description: operation.ok.description,
      content: Object.fromEntries((operation.ok.contentTypes ?? ['application/json']).map((type) => [type, { schema: operation.ok.schema }])),
    },
  };
  for (const status of [...new Set(errors)].sort()) responses[status] = { $ref: `#/components/responses/${ERROR_RESPONSES[status]!.name}` };
  for (const [status, { description, schema }] of Object.entries(operation.otherResponses ?? {})) {
    responses[status] = { description, content: { 'application/json': { schema } } };
  }
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    description: [operation.description, operation.role ? `Who: ${ROLE_NOTE[operation.role]}` : null].filter(Boolean).join('\n\n'),
    ...(operation.role === null ? { security: [] } : {}),
    ...(operation.parameters ? { parameters: operation.parameters } : {}),
    ...(operation.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(operation.body, 'input') }, ...operation.requestContent } } }
      : {}),
    responses,
  };
}

export type OpenApiDocument = {
  openapi: string;
  info: Record<string, unknown>;
  paths: Record<string, Partial<Record<Method, JsonSchema>>>;
  components: Record<string, unknown>;
  security: Record<string, string[]>[];
};

export function buildOpenApi(): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const [path, methods] of Object.entries(PATHS)) {
    paths[path] = Object.fromEntries(Object.entries(methods).map(([method, operation]) => [method, operationObject(operation)]));
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Recommendation Tracker API',
      version: '1',
      description:
        'Read and update the recommendations made at the seminars, their status and evidence. ' +
        'Authenticate with a personal API token (Account page) as "Authorization: Bearer <token>", or with the browser session. ' +
        'A token is read-only (GET only; anything else answers 403 read_only_token) unless created with read and write access, ' +
        "may carry an expiry, and is revoked when its user's password changes or the account is deactivated. " +
        'Every error answers { "error": { "code", "message", "fields" } }. Changes carry expectedVersion: a stale one gets 409.',
    },
    paths,
    components: {
      schemas: {
        Error: jsonSchema(errorSchema, 'output'),
        Health: jsonSchema(healthSchema, 'output'),
        Readiness: jsonSchema(readinessSchema, 'output'),
        Me: jsonSchema(meSchema, 'output'),
        RecommendationList: jsonSchema(recommendationListDtoSchema, 'output'),
        ProgressReport: jsonSchema(progressReportSchema, 'output'),
        RecommendationDetail: jsonSchema(recommendationDetailSchema, 'output'),
        StatusChangeResult: jsonSchema(statusChangeResultSchema, 'output'),
        EvidenceResult: jsonSchema(evidenceResultSchema, 'output'),
        TermList: jsonSchema(termOptionListSchema, 'output'),
        SeminarList: jsonSchema(seminarOptionListSchema, 'output'),
        Seminar: jsonSchema(seminarSchema, 'output'),
        ImportDraft: jsonSchema(importDraftJsonSchema, 'output'),
        ImportDraftList: jsonSchema(importDraftListJsonSchema, 'output'),
        ConfirmedImport: jsonSchema(confirmedImportJsonSchema, 'output'),
      },
      responses: Object.fromEntries(
        Object.values(ERROR_RESPONSES).map(({ name, description }) => [name, { description, content: { 'application/json': { schema: ref('Error') } } }]),
      ),
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token, created on the Account page: read-only or read and write, with an optional expiry.',
        },
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: 'next-auth.session-token',
          description: 'The browser session (named __Secure-next-auth.session-token over HTTPS). Writes must come from this site.',
        },
      },
    },
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
  };
}
