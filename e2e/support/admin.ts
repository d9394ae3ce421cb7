import { expect, type Page } from '@playwright/test';

/** Adds a user on the admin page. With `password`, types a first password; otherwise returns the one-time link. */
export async function addUserInBrowser(
  page: Page,
  user: { email: string; name: string; role: 'Viewer' | 'Editor' | 'Administrator'; password?: string },
): Promise<string | null> {
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Add a user' });
  await form.getByLabel('Email').fill(user.email);
  await form.getByLabel('Name').fill(user.name);
  await form.getByLabel('Role').selectOption({ label: user.role });
  if (user.password) {
    await form.getByLabel('Type a first password for them').check();
    await form.getByLabel('First password', { exact: true }).fill(user.password);
  } else {
    await form.getByLabel('Give them a one-time link to choose their own password').check();
  }
  await form.getByRole('button', { name: 'Add user' }).click();
  if (user.password) {
    await expect(page.getByRole('row', { name: new RegExp(user.email) })).toBeVisible();
    return null;
  }
  const link = page.getByLabel('One-time set-password link');
  await expect(link).toBeVisible();
  return link.inputValue();
}
