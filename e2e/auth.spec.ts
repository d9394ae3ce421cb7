import { expect, test } from '@playwright/test';
import { decode, encode } from 'next-auth/jwt';
import { E2E_ENV } from '../playwright.config';
import { addUser, uniqueEmail } from './support/cli';
import { postCredentials } from './support/credentials';
import { signIn } from './support/sign-in';

const INVALID = 'The email or password is not right.';

test.describe('accounts', () => {
  test('sign-in: a wrong password and an unknown email get the same message', async ({ page }) => {
    const { email } = addUser('viewer');
    for (const attempt of [email, uniqueEmail('nobody')]) {
      await page.goto('/login');
      await page.getByLabel('Email').fill(attempt);
      await page.getByLabel('Password').fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert').filter({ hasText: INVALID })).toBeVisible();
    }
  });

  test('sign-in: empty fields are explained next to the fields, nothing is sent', async ({ page }) => {
    await page.goto('/login');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByText('Enter your email address.')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  });

  test('sign-out: ends the session; app pages then ask to sign in', async ({ page }) => {
    const { email, password } = addUser('editor');
    await signIn(page, email, password);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/recommendations');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Frecommendations/);
  });

  test('session expiry: the same session, once past its expiry time, counts as signed out', async ({ page, context }) => {
    const { email, password } = addUser('viewer');
    await signIn(page, email, password);
    const secret = E2E_ENV.NEXTAUTH_SECRET;
    const original = (await context.cookies()).find((cookie) => cookie.name === 'next-auth.session-token')!;
    const payload = await decode({ token: original.value, secret });
    expect(payload?.email).toBe(email);
    const withLifetime = async (maxAge: number) => {
      await context.clearCookies();
      await context.addCookies([{ ...original, value: await encode({ token: payload!, secret, maxAge }) }]);
      await page.goto('/recommendations');
    };
    await withLifetime(3600);
    await expect(page).toHaveURL(/\/recommendations$/);
    await withLifetime(-60);
    await expect(page).toHaveURL(/\/login/);
  });

  test('lockout: after repeated failures the account is refused even with the right password (429 on the API)', async ({ page, request }) => {
    test.slow();
    const { email, password } = addUser('viewer');
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const response = await postCredentials(request, email, 'wrong password attempt');
      expect(response.status()).toBe(401);
    }
    const refused = await postCredentials(request, email, password);
    expect(refused.status()).toBe(429);
    const body = await refused.json();
    expect(body.error.code).toBe('too_many_attempts');
    expect(refused.headers()['retry-after']).toBeTruthy();

    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'Too many failed sign-in attempts' })).toBeVisible();
  });

  test('first run: the setup page is gone once an administrator exists', async ({ request }) => {
    const response = await request.get('/setup');
    expect(response.status()).toBe(404);
  });

  test('sign-in without next-auth CSRF token is refused', async ({ request }) => {
    const { email, password } = addUser('viewer');
    const response = await request.post('/api/auth/callback/credentials', { form: { email, password, json: 'true' }, maxRedirects: 0 });
    expect(response.headers()['set-cookie'] ?? '').not.toContain('next-auth.session-token');
  });
});

test.describe('security headers', () => {
  for (const path of ['/login', '/api/health']) {
    test(`headers: ${path} carries CSP with a nonce, no inline script, and the hardening headers`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      const csp = headers['content-security-policy'] ?? '';
      const scriptSrc = csp.split(';').find((directive) => directive.trim().startsWith('script-src')) ?? '';
      expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(scriptSrc).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['permissions-policy']).toContain('camera=()');
      expect(headers['x-powered-by']).toBeUndefined();
    });
  }

  test('headers: every script on the page carries the per-request nonce', async ({ page }) => {
    const response = await page.goto('/login');
    const csp = response?.headers()['content-security-policy'] ?? '';
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((node) => (node as HTMLScriptElement).nonce));
    expect(scripts.length).toBeGreaterThan(0);
    for (const scriptNonce of scripts) expect(scriptNonce).toBe(nonce);
  });

  test('cookies: the session cookie is httpOnly and SameSite=Lax', async ({ page, context }) => {
    const { email, password } = addUser('viewer');
    await signIn(page, email, password);
    const session = (await context.cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
  });
});
