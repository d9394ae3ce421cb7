import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test, type Response } from '@playwright/test';
import { BASE_URL, SERVER_LOG } from '../playwright.config';
import { addUserInBrowser } from './support/admin';
import { uniqueEmail } from './support/cli';
import { PASSWORD, storageState } from './support/roles';
import { signIn } from './support/sign-in';

type LogLine = Record<string, unknown> & { reqId?: string; status?: number; route?: string; event?: string; userId?: string };

/** The e2e server's log (standard output and error of npm start), its JSON lines parsed. */
function serverLog(): { text: string; lines: LogLine[] } {
  const text = readFileSync(SERVER_LOG, 'utf8');
  const lines = text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
  return { text, lines };
}

/** Requests whose lines are logged at info (static files and health probes are debug lines). */
const loggedAtInfo = (response: Response) => {
  const url = new URL(response.url());
  return url.origin === new URL(BASE_URL).origin && !/^\/(_next\/static|_next\/image|favicon\.ico|api\/health)/.test(url.pathname);
};

const unique = () => randomBytes(6).toString('hex');

test.use({ storageState: storageState('admin') });

test('logs: sign-in, an API token, a password change and a set-password link leave their request ids in the server log, and none of their secrets', async ({
  page,
  browser,
  request,
}) => {
  const secrets: Record<string, string> = { 'the e2e accounts’ password': PASSWORD };
  const requestIds = new Set<string>();

  // An administrator adds an editor with a one-time set-password link.
  const email = uniqueEmail('logged');
  const link = (await addUserInBrowser(page, { email, name: 'Logan Logged', role: 'Editor' }))!;
  secrets['the set-password link’s token'] = link.split('/set-password/')[1]!;
  for (const cookie of await page.context().cookies()) secrets[`the administrator’s cookie ${cookie.name}`] = cookie.value;

  // The editor opens the link in their own browser and chooses a password.
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const theirs = await context.newPage();
  theirs.on('response', (response) => {
    const id = response.headers()['x-request-id'];
    if (id && loggedAtInfo(response)) requestIds.add(id);
  });
  const firstPassword = `first chosen password ${unique()}`;
  secrets['the first password'] = firstPassword;
  await theirs.goto(link);
  await theirs.getByLabel('New password', { exact: true }).fill(firstPassword);
  await theirs.getByLabel('New password again').fill(firstPassword);
  await theirs.getByRole('button', { name: /password/i }).click();
  await expect(theirs.getByText('Your password is set')).toBeVisible();

  // A mistyped sign-in, then the real one.
  const mistyped = `mistyped password ${unique()}`;
  secrets['the mistyped password'] = mistyped;
  await theirs.goto('/login');
  await theirs.getByLabel('Email').fill(email);
  await theirs.getByLabel('Password').fill(mistyped);
  await theirs.getByRole('button', { name: 'Sign in' }).click();
  await expect(theirs.getByRole('alert').filter({ hasText: 'The email or password is not right.' })).toBeVisible();
  await signIn(theirs, email, firstPassword);
  for (const cookie of await context.cookies()) secrets[`the editor’s cookie ${cookie.name}`] = cookie.value;

  // An API token, used by a script that sends its own request id, and once with secrets in the query string.
  await theirs.goto('/account');
  await theirs.getByLabel('Token name').fill('logged script');
  await theirs.getByRole('button', { name: 'Create token' }).click();
  const tokenField = theirs.getByLabel(/new API token/i);
  await expect(tokenField).toBeVisible();
  const token = await tokenField.inputValue();
  secrets['the API token'] = token;
  const scriptRequestId = `script-${unique()}`;
  const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}`, 'x-request-id': scriptRequestId } });
  expect(me.status()).toBe(200);
  expect(me.headers()['x-request-id']).toBe(scriptRequestId);
  const userId = ((await me.json()) as { user: { id: string; email: string } }).user.id;
  const querySecret = `query-secret-${unique()}`;
  secrets['a secret in a query string'] = querySecret;
  const withQuery = await request.get(`/api/v1/me?token=${querySecret}`, { headers: { authorization: `Bearer ${token}` } });
  expect(withQuery.status()).toBe(200);
  const withQueryId = withQuery.headers()['x-request-id']!;

  // The editor changes their password.
  const secondPassword = `second chosen password ${unique()}`;
  secrets['the new password'] = secondPassword;
  await theirs.getByLabel('Current password').fill(firstPassword);
  await theirs.getByLabel('New password', { exact: true }).fill(secondPassword);
  await theirs.getByLabel('New password again').fill(secondPassword);
  await theirs.getByRole('button', { name: 'Change password' }).click();
  await expect(theirs.getByRole('status').filter({ hasText: /password is changed/i })).toBeVisible();
  await context.close();

  // Every request id the server returned is in its log, each on a line with the request's outcome.
  expect(requestIds.size).toBeGreaterThan(5);
  const expected = [...requestIds, scriptRequestId, withQueryId];
  await expect
    .poll(() => {
      const logged = new Set(
        serverLog()
          .lines.filter((line) => 'status' in line)
          .map((line) => line.reqId),
      );
      return expected.filter((id) => !logged.has(id));
    })
    .toEqual([]);
  const { text, lines } = serverLog();
  const requestLine = (id: string) => lines.find((line) => line.reqId === id && 'status' in line);
  expect(requestLine(scriptRequestId)).toMatchObject({ method: 'GET', route: '/api/v1/me', status: 200, userId, durationMs: expect.any(Number) });
  expect(requestLine(withQueryId)).toMatchObject({ route: '/api/v1/me', status: 200, userId });
  expect(lines).toContainEqual(expect.objectContaining({ route: '/set-password/[token]', method: 'GET' }));
  expect(lines).toContainEqual(expect.objectContaining({ event: 'sign_in_failed', reason: 'wrong password', userId }));
  expect(lines).toContainEqual(expect.objectContaining({ event: 'sign_in', userId }));

  // No secret anywhere in it: not in a line, a URL, a message or a stack.
  for (const [what, secret] of Object.entries(secrets)) {
    expect(secret.length, what).toBeGreaterThan(8);
    expect(text.includes(secret), `${what} is in ${SERVER_LOG}`).toBe(false);
  }
  // Nor the first-run setup code (four groups of four from its alphabet, lib/users/setup-code.ts).
  expect(text).not.toMatch(/\b[A-HJKMNP-Z2-9]{4}(?:-[A-HJKMNP-Z2-9]{4}){3}\b/);
});

test('health: /api/health/ready says the server is ready (database answers, migrations applied)', async ({ request }) => {
  const ready = await request.get('/api/health/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'applied', pendingMigrations: 0 });
  expect(ready.headers()['cache-control']).toBe('no-store');
});
