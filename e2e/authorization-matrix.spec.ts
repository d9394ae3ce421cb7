import { expect, request as playwrightRequest, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { EVERYONE, PAGES, ROUTES, type PageOutcome, type Who } from './authorization-matrix';
import { storageState } from './support/roles';

// Every page and route-handler cell of the matrix, against the real server, as each kind of visitor.
const stateFor = (who: Who) => (who === 'anonymous' ? undefined : storageState(who));

function pageOutcome(requested: string, status: number, url: string): PageOutcome {
  const landed = new URL(url).pathname;
  if (landed === '/login' && new URL(requested, BASE_URL).pathname !== '/login') return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 200) return 'ok';
  throw new Error(`unexpected status ${status} at ${url}`);
}

for (const who of EVERYONE) {
  test.describe(`authorization matrix as ${who}`, () => {
    test(`pages as ${who}`, async () => {
      const context = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: stateFor(who) });
      const seen: Record<string, PageOutcome> = {};
      const wanted: Record<string, PageOutcome> = {};
      for (const row of PAGES) {
        const response = await context.get(row.visit);
        seen[row.visit] = pageOutcome(row.visit, response.status(), response.url());
        wanted[row.visit] = row.expect[who];
      }
      expect(seen).toEqual(wanted);
      await context.dispose();
    });

    test(`route handlers as ${who}`, async () => {
      const context = await playwrightRequest.newContext({ baseURL: BASE_URL, storageState: stateFor(who) });
      const seen: Record<string, number> = {};
      const wanted: Record<string, number> = {};
      for (const row of ROUTES) {
        const key = `${row.method} ${row.path}`;
        const response = await context.fetch(row.path, {
          method: row.method,
          headers: row.method === 'GET' ? {} : { origin: BASE_URL, 'content-type': 'application/json' },
          data: row.method === 'GET' ? undefined : {},
          maxRedirects: 0,
        });
        seen[key] = response.status();
        wanted[key] = row.expect[who];
      }
      expect(seen).toEqual(wanted);
      await context.dispose();
    });
  });
}
