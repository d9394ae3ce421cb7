import { readFileSync } from 'node:fs';
import { expect, test as setup } from '@playwright/test';
import { E2E_ENV } from '../playwright.config';
import { ACCOUNTS, PASSWORD, storageState, type E2ERole } from './support/roles';
import { addUserInBrowser } from './support/admin';
import { signIn } from './support/sign-in';

// What a new user following the README does: the first visitor creates the administrator, who adds
// an editor (with a first password) and a viewer (with a one-time set-password link).
setup('first run: create the administrator, add an editor and a viewer; sign each in once', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
  // The one-time code the server printed and wrote to its data directory (SETUP_CODE_FILE here).
  await page.getByLabel('Setup code').fill(readFileSync(E2E_ENV.SETUP_CODE_FILE, 'utf8').trim());
  await page.getByLabel('Your name').fill(ACCOUNTS.admin.name);
  await page.getByLabel('Email').fill(ACCOUNTS.admin.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('The administrator account is ready')).toBeVisible();

  await signIn(page, ACCOUNTS.admin.email, PASSWORD);
  await page.context().storageState({ path: storageState('admin') });

  await addUserInBrowser(page, { ...ACCOUNTS.editor, role: 'Editor', password: PASSWORD });
  const link = await addUserInBrowser(page, { ...ACCOUNTS.viewer, role: 'Viewer' });
  expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]+$/);

  // The viewer opens the link in their own browser and chooses a password.
  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto(link!);
  await viewerPage.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await viewerPage.getByLabel('New password again').fill(PASSWORD);
  await viewerPage.getByRole('button', { name: /password/i }).click();
  await expect(viewerPage.getByText('Your password is set')).toBeVisible();
  // The link works once.
  await viewerPage.goto(link!);
  await expect(viewerPage.getByText(/invalid or has expired|already been used|no longer valid/i)).toBeVisible();
  await viewerContext.close();

  for (const role of ['editor', 'viewer'] as E2ERole[]) {
    await page.context().clearCookies();
    await signIn(page, ACCOUNTS[role].email, PASSWORD);
    await page.context().storageState({ path: storageState(role) });
  }
});
