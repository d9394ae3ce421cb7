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

    test('seminars: both seeded reports are listed with all 19 recommendations, grouped by seminar', async ({ page }) => {
      await page.goto('/seminars');
      await expect(page.getByText('19 recommendations from 2 reports.')).toBeVisible();
      const seminar2015 = page.getByRole('region', { name: 'Prospects of Pak-Russia Bilateral Relations' });
      const seminar2012 = page.getByRole('region', { name: /Pak Russia Relations: An Overview/ });
      await expect(seminar2015.getByRole('listitem')).toHaveCount(12);
      await expect(seminar2012.getByRole('listitem')).toHaveCount(7);
      await expect(seminar2015.getByText('2015-R01')).toBeVisible();
      await expect(seminar2012.getByText('2012-R07')).toBeVisible();
      await expect(seminar2015.getByText('Not started').first()).toBeVisible();
    });
  });
});
