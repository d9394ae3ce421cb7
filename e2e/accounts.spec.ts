import { expect, test } from '@playwright/test';
import { addUser, uniqueEmail } from './support/cli';
import { storageState } from './support/roles';
import { signIn } from './support/sign-in';

test.describe('user management', () => {
  test.use({ storageState: storageState('admin') });

  test('deactivation: the user loses their open session at the next request and cannot sign in again', async ({ page, browser }) => {
    const { email, password } = addUser('editor', uniqueEmail('leaver'));
    const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirPage = await theirs.newPage();
    await signIn(theirPage, email, password);

    await page.goto('/admin/users');
    const row = page.getByRole('row', { name: new RegExp(email) });
    await row.getByRole('button', { name: `Deactivate ${email}` }).click();
    await expect(row.getByRole('button', { name: `Reactivate ${email}` })).toBeVisible();

    await theirPage.goto('/seminars');
    await expect(theirPage).toHaveURL(/\/login/);
    await theirPage.getByLabel('Email').fill(email);
    await theirPage.getByLabel('Password').fill(password);
    await theirPage.getByRole('button', { name: 'Sign in' }).click();
    await expect(theirPage.getByRole('alert').filter({ hasText: 'The email or password is not right.' })).toBeVisible();
    await theirs.close();
  });

  test('role change: a viewer promoted to editor keeps their session and gains the role at once; demoted back, loses it', async ({ page, browser }) => {
    const { email, password } = addUser('viewer', uniqueEmail('promoted'));
    const theirs = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const theirPage = await theirs.newPage();
    await signIn(theirPage, email, password);
    await expect(theirPage.getByText('Viewer', { exact: true })).toBeVisible();

    await page.goto('/admin/users');
    const row = page.getByRole('row', { name: new RegExp(email) });
    await row.getByLabel(`Role for ${email}`).selectOption({ label: 'Editor' });
    await row.getByRole('button', { name: `Change role for ${email}` }).click();
    await expect(page.getByRole('region', { name: 'Notifications (Alt+T)' }).getByRole('status')).toContainText(`${email} is now Editor.`);

    await theirPage.reload();
    await expect(theirPage.getByText('Editor', { exact: true })).toBeVisible();
    await theirs.close();
  });

  test('own password: a user changes their password; the old one stops working', async ({ browser }) => {
    const { email, password } = addUser('viewer', uniqueEmail('changer'));
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signIn(page, email, password);
    await page.goto('/account');
    await page.getByLabel('Current password').fill(password);
    await page.getByLabel('New password', { exact: true }).fill('a brand new long password');
    await page.getByLabel('New password again').fill('a brand new long password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect(page.getByRole('status').filter({ hasText: /password/i })).toBeVisible();
    await context.clearCookies();
    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'The email or password is not right.' })).toBeVisible();
    await signIn(page, email, 'a brand new long password');
    await context.close();
  });

  test("API tokens: created once, works as a bearer token with the user's role, stops working when revoked", async ({ page, request }) => {
    await page.goto('/account');
    await page.getByLabel('Token name').fill('e2e script');
    await page.getByRole('button', { name: 'Create token' }).click();
    const tokenField = page.getByLabel(/new API token/i);
    await expect(tokenField).toBeVisible();
    const token = await tokenField.inputValue();
    expect(token).toMatch(/^trk_/);

    const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(me.status()).toBe(200);
    expect((await me.json()).user.role).toBe('ADMIN');

    await page.reload();
    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .getByRole('button', { name: /Revoke.*e2e script/ })
      .first()
      .click();
    await expect(page.getByRole('row', { name: /e2e script/ }).first()).toContainText(/revoked/i);
    const after = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${token}` } });
    expect(after.status()).toBe(401);
    expect((await after.json()).error.code).toBe('unauthorized');
  });
});
