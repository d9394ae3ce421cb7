import { expect, test } from '@playwright/test';
import { storageState } from './support/roles';

test.describe('foundation', () => {
  test('health: reports the database as ok with 200', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  test.describe('signed in as a viewer', () => {
    test.use({ storageState: storageState('viewer') });

    test('seminars: both seeded reports are listed, newest first, with 12 and 7 recommendations, each opening its own', async ({ page }) => {
      await page.goto('/seminars');
      // Other specs may enter seminars of their own (e2e/hand-entry.spec.ts): the seeded two are the oldest.
      await expect(page.getByText(/^\d+ reports, newest first/)).toBeVisible();
      const headings = page.getByRole('main').getByRole('heading', { level: 2 });
      await expect(headings.filter({ hasText: /Pak-Russia Bilateral Relations|Pak Russia Relations: An Overview/ })).toHaveText([
        'Prospects of Pak-Russia Bilateral Relations',
        /^Pak Russia Relations: An Overview/,
      ]);
      const seminar2015 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Prospects of Pak-Russia Bilateral Relations' }) });
      const seminar2012 = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Pak Russia Relations: An Overview/ }) });
      await expect(seminar2015).toContainText('12 recommendations');
      await expect(seminar2012).toContainText('7 recommendations');

      await seminar2012.getByRole('link', { name: /^Pak Russia Relations: An Overview/ }).click();
      await expect(page).toHaveURL(/\/recommendations\?seminar=/);
      await expect(page.getByText('7 recommendations', { exact: true })).toBeVisible();
      await expect(page.locator('a[href="/recommendations/2012-R07"]').filter({ visible: true }).first()).toBeVisible();
      await expect(page.locator('a[href="/recommendations/2015-R01"]')).toHaveCount(0);
    });
  });
});
