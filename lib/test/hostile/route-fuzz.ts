// The fuzz suite of the JSON API, called in-process as Next calls the handlers, with an editor's
// API token. Used by lib/api/hostile-routes.db.test.ts (a few hundred cases per route, in npm test)
// and scripts/reliability/fuzz.reliability.test.ts (thousands, FUZZ_RUNS). The calling test file
// mocks '@/lib/db' (the worker's test database) and 'next-auth' (no session: the token decides).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '@/lib/test/test-db';
import { tableChecksums } from '@/lib/test/table-checksums';
import { acceptedInput, refusedInput } from './mutations';
import { API_TARGETS, handlerOf, type ApiTarget } from './api-targets';
import { checkProperty, described, timeBudget, expectApiRefusal, shortText, UNCHANGED_BUT } from './expect-refusal';
import { badJson, legalText, notAnObject, tooLongForUrl, unknownId, unstorableText, wrongContentType } from './values';
import { createWorld, type World } from './world';

type Case = { request: () => Request; param?: string; label: string };

const json = 'application/json';

function request(target: ApiTarget, world: World, init: { body?: string; contentType?: string; query?: URLSearchParams }): Request {
  const headers: Record<string, string> = { authorization: `Bearer ${world.editorToken}` };
  if (init.contentType) headers['content-type'] = init.contentType;
  const url = `http://localhost${target.route.replace('[id]', 'x')}${init.query && init.query.size ? `?${init.query}` : ''}`;
  return new Request(url, { method: target.method, headers, body: init.body });
}

/** Hostile values for a query parameter: anything a URL can carry. */
const queryValue = fc.oneof(
  legalText(60),
  unstorableText,
  unknownId,
  tooLongForUrl(3000),
  fc.constantFrom('', ' ', 'true', 'false', '-1', '0', '1e309', '99999999999999999999', '2024-Q5', '2024-02-30', 'ALL', 'csv', 'pdf', 'theme'),
);

/** Bodies and paths every route with a body must refuse. */
function refusedCases(target: ApiTarget, world: World): fc.Arbitrary<Case> {
  const base = target.body!(world);
  const param = target.param?.(world);
  const send = (body: string, contentType: string | undefined, label: string, paramValue = param): Case => ({
    request: () => request(target, world, { body, contentType }),
    param: paramValue,
    label,
  });
  const options: fc.Arbitrary<Case>[] = [
    refusedInput(base, target.fields!, 'json').map(({ input, mutation }) =>
      send(JSON.stringify(input), json, `${mutation.field}: ${mutation.how} ${shortText(mutation.value)}`),
    ),
    badJson.map((raw) => send(raw, json, `malformed JSON ${shortText(raw)}`)),
    notAnObject.map((value) => send(JSON.stringify(value), json, `a JSON ${shortText(value)} instead of an object`)),
    wrongContentType.map((type) => send(JSON.stringify(base), type, `content type ${type}`)),
  ];
  if (param) {
    options.push(unknownId.map((id) => send(JSON.stringify(base), json, `unknown path id ${shortText(id)}`, id)));
    options.push(unstorableText.map((id) => send(JSON.stringify(base), json, `unstorable path id ${shortText(id)}`, id)));
  }
  return fc.oneof(...options).map((c) => described(c, c.label));
}

/** Reads with hostile parameters: a 200 or a 4xx with the error shape, never a 5xx, and never a write. */
function readCases(target: ApiTarget, world: World): fc.Arbitrary<Case> {
  const param = target.param?.(world);
  const names = target.query ?? [];
  const query = names.length
    ? fc.array(fc.tuple(fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 6 })), queryValue), { maxLength: 5 })
    : fc.constant<[string, string][]>([]);
  const paramValue = param ? fc.oneof(fc.constant(param), unknownId, unstorableText, tooLongForUrl(64)) : fc.constant(undefined);
  return fc.tuple(query, paramValue).map(([pairs, id]) => {
    const search = new URLSearchParams();
    for (const [name, value] of pairs) search.append(name, value);
    // A valid query makes the whole quarterly PDF: CSV answers the same question for less.
    if (target.route === '/api/v1/reports/quarterly') search.set('format', 'csv');
    return described(
      { request: () => request(target, world, { query: search }), param: id, label: `?${search} ${id === undefined ? '' : shortText(id)}` },
      `?${search.toString().slice(0, 200)} id=${shortText(id)}`,
    );
  });
}

/**
 * runs: cases per writing route; readRuns: per reading route (a list or a report costs more per call);
 * acceptedRuns: accepted texts per route that takes text; seconds: a time limit per property, after
 * which it stops early and passes with the cases it ran (the long run's budget).
 */
export type RouteFuzzOptions = { runs: number; readRuns: number; acceptedRuns: number; timeout: number; seconds?: number };

export function describeRouteFuzz({ runs, readRuns, acceptedRuns, timeout, seconds }: RouteFuzzOptions) {
  const db = testDb();
  let world: World;
  beforeAll(async () => {
    world = await createWorld(db);
  });
  afterAll(() => db.$disconnect());

  it('every route handler in app/api/v1 is fuzzed', () => {
    const dir = path.join(process.cwd(), 'app/api/v1');
    const found = (readdirSync(dir, { recursive: true }) as string[])
      .filter((file) => path.basename(file) === 'route.ts')
      .flatMap((file) => {
        const source = readFileSync(path.join(dir, file), 'utf8');
        const route = `/api/v1/${path.dirname(file)}`.replace(/\/\.$/, '');
        return [...source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((m) => `${m[1]} ${route}`);
      });
    // The OpenAPI document is static and takes no input.
    const fuzzed = API_TARGETS.map((t) => `${t.method} ${t.route}`);
    expect(found.sort()).toEqual(fuzzed.sort());
  });

  for (const target of API_TARGETS) {
    const name = `${target.method} ${target.route}`;
    const reads = target.method === 'GET';
    describe(name, () => {
      it(
        reads
          ? `fuzz: ${name} answers hostile parameters with 200 or a 4xx in the error shape, never a 5xx, and writes nothing`
          : `fuzz: ${name} refuses hostile input with a 4xx in the error shape, never a 5xx, and the database is unchanged`,
        async () => {
          const handler = await handlerOf(target);
          const before = await tableChecksums(db, UNCHANGED_BUT);
          const cases = reads ? readCases(target, world) : refusedCases(target, world);
          const budget = timeBudget(seconds);
          await checkProperty(
            name,
            fc.asyncProperty(
              cases,
              budget.track(async (c) => {
                const audits = await db.auditLog.count();
                const response = await handler(c.request(), { params: Promise.resolve<Record<string, string>>(c.param === undefined ? {} : { id: c.param }) });
                if (reads && response.status === 200) await response.arrayBuffer();
                else await expectApiRefusal(response, c.label);
                expect(await db.auditLog.count(), `${c.label}: wrote an audit row`).toBe(audits);
              }),
            ),
            { numRuns: reads ? readRuns : runs },
            budget,
          );
          expect(await tableChecksums(db, UNCHANGED_BUT)).toEqual(before);
        },
        timeout,
      );

      const accepts = target.accepts;
      if (accepts) {
        it(
          `fuzz: ${name} accepts HTML, SQL, scripts, right-to-left and control characters as text, with a 2xx, and stores them as sent`,
          async () => {
            const handler = await handlerOf(target);
            const budget = timeBudget(seconds);
            await checkProperty(
              `${name} accepted`,
              fc.asyncProperty(
                fc.constant(null).chain(() => acceptedInput(target.body!(world), target.fields!, accepts.texts, 'json')),
                budget.track(async (input) => {
                  const audits = await db.auditLog.count();
                  const response = await handler(request(target, world, { body: JSON.stringify(input), contentType: json }), {
                    params: Promise.resolve<Record<string, string>>(target.param ? { id: target.param(world) } : {}),
                  });
                  const label = accepts.texts.map((field) => `${field}=${shortText(input[field])}`).join(' ');
                  const text = await response.text();
                  if (response.status < 200 || response.status >= 300)
                    throw new Error(`${label}: expected a 2xx, got ${response.status} ${text.slice(0, 300)}`);
                  const stored = await accepts.stored(db, JSON.parse(text));
                  for (const field of accepts.texts) expect(stored[field], `${field} stored as sent`).toBe((input[field] as string).trim());
                  expect(await db.auditLog.count(), `${label}: the change has its audit row`).toBeGreaterThan(audits);
                }),
              ),
              { numRuns: acceptedRuns },
              budget,
            );
          },
          timeout,
        );
      }
    });
  }
}
