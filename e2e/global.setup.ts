import { expect, test as setup } from '@playwright/test';
import { ACCOUNTS, PASSWORD, storageState, type E2ERole } from './support/roles';
import { tracker } from './support/cli';
import { signIn } from './support/sign-in';

// The real first-run flow: a fresh install sends the first visitor to create the administrator.
setup('first run: create the administrator, then the editor and viewer; sign each in once', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
  await page.getByLabel('Your name').fill(ACCOUNTS.admin.name);
  await page.getByLabel('Email').fill(ACCOUNTS.admin.email);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Password again').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  await expect(page.getByText('The administrator account is ready')).toBeVisible();

  for (const role of ['editor', 'viewer'] as const) {
    tracker(['user', 'add', '--email', ACCOUNTS[role].email, '--name', ACCOUNTS[role].name, '--role', role], PASSWORD);
  }

  for (const role of ['admin', 'editor', 'viewer'] as E2ERole[]) {
    await page.context().clearCookies();
    await signIn(page, ACCOUNTS[role].email, PASSWORD);
    await page.context().storageState({ path: storageState(role) });
  }
});
