import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { storageState } from './support/roles';

// Each test works on its own seeded recommendation, so tests never see each other's changes.

async function recordStatus(page: Page, status: string, effectiveDate: string, note: string) {
  const form = page.getByRole('form', { name: 'Change the status' });
  await form.getByLabel('New status').selectOption({ label: status });
  await form.getByLabel('Effective date').fill(effectiveDate);
  await form.getByLabel('Note (optional)').fill(note);
  await form.getByRole('button', { name: 'Record status change' }).click();
}

test.describe('staff workflow (editor)', () => {
  test.use({ storageState: storageState('editor') });

  test('an editor filters the list, opens an item, back-dates a change, adds evidence, and sees the timeline in order', async ({ page }) => {
    await page.goto('/recommendations');
    await page.getByRole('search').getByLabel('Search').fill('steel MILLS');
    await page.getByRole('search').getByRole('button', { name: 'Apply filters' }).click();
    await expect(page).toHaveURL(/q=steel\+MILLS/);
    const link = page
      .getByRole('region', { name: /Recommendations table/ })
      .getByRole('link', { name: /Steel Mills/ })
      .first();
    await expect(link).toBeVisible();
    await link.click();
    await expect(page).toHaveURL(/\/recommendations\/\d{4}-R\d{2}$/);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

    await recordStatus(page, 'In progress', '2018-03-01', 'Talks started (back-dated).');
    await expect(page.getByRole('list', { name: 'History, newest first' }).locator('li[data-kind="status"]')).toHaveCount(2);

    // Implemented needs evidence: add it first.
    await page.getByText('Add evidence', { exact: true }).first().click();
    const evidence = page.getByRole('form', { name: 'Add evidence' });
    await evidence.getByLabel('Evidence', { exact: true }).fill('Ministry press release announcing the **agreement**.');
    await evidence.getByLabel('Date of the evidence').fill('2020-06-15');
    await evidence.getByRole('button', { name: 'Add evidence' }).click();
    await expect(page.getByRole('article', { name: /Evidence, 15 Jun 2020/ })).toBeVisible();
    await expect(page.getByRole('article', { name: /Evidence, 15 Jun 2020/ }).locator('strong')).toHaveText('agreement');

    const timeline = page.getByRole('list', { name: 'History, newest first' }).locator('li[data-kind="status"]');
    await recordStatus(page, 'Implemented', '2020-06-20', 'Agreement signed.');
    await expect(timeline).toHaveCount(3);
    // A change recorded now but effective in 2016 lands between the first two.
    await recordStatus(page, 'Stalled', '2016-05-01', 'Nothing happened for a year.');
    await expect(timeline).toHaveCount(4);
    await expect(timeline.nth(0)).toContainText('20 Jun 2020');
    await expect(timeline.nth(0)).toContainText('Agreement signed.');
    await expect(timeline.nth(1)).toContainText('1 Mar 2018');
    await expect(timeline.nth(2)).toContainText('1 May 2016');
    // The back-dated entry did not change the current status.
    await expect(page.getByRole('heading', { level: 1 }).locator('..')).toContainText('Implemented');
  });

  test('two people edit the same item: the second is refused with a message naming the first, and keeps what they typed', async ({ page, browser }) => {
    const other = await browser.newContext({ storageState: storageState('admin') });
    const otherPage = await other.newPage();
    await page.goto('/recommendations/2015-R06');
    await otherPage.goto('/recommendations/2015-R06');

    await recordStatus(otherPage, 'In progress', '2019-01-10', 'Admin got there first.');
    await expect(otherPage.getByRole('list', { name: 'History, newest first' }).locator('li[data-kind="status"]')).toHaveCount(2);

    await recordStatus(page, 'Stalled', '2019-02-01', 'My stale edit.');
    const form = page.getByRole('form', { name: 'Change the status' });
    await expect(page.getByRole('alert').filter({ hasText: /Ada Admin/ })).toBeVisible();
    await expect(form.getByLabel('Note (optional)')).toHaveValue('My stale edit.');
    await expect(form.getByLabel('New status')).toHaveValue('STALLED');
    await other.close();
  });

  test('bulk: set the priority of the ticked rows in one go', async ({ page }) => {
    await page.goto('/recommendations?sort=code&dir=asc&pageSize=100');
    await page.getByRole('checkbox', { name: 'Select 2012-R02' }).check();
    await page.getByRole('checkbox', { name: 'Select 2012-R03' }).check();
    const bulk = page.getByRole('form', { name: /bulk|change several/i });
    await bulk.getByLabel('What to change').selectOption({ label: 'Priority' });
    await bulk.getByLabel('New priority').selectOption({ label: 'High' });
    await bulk.getByRole('button', { name: /Apply to 2 ticked/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /2/ })).toBeVisible();
    for (const code of ['2012-R02', '2012-R03']) {
      const response = await page.request.get(`/api/v1/recommendations/${code}`);
      expect((await response.json()).recommendation.priority).toBe('HIGH');
    }
  });
});

test.describe('viewer', () => {
  test.use({ storageState: storageState('viewer') });

  test('a viewer sees no edit controls and the API refuses their changes', async ({ page }) => {
    await page.goto('/recommendations/2015-R07');
    await expect(page.getByRole('heading', { name: 'History', exact: true })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Change the status' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Add evidence' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Edit the details' })).toHaveCount(0);
    await page.goto('/recommendations');
    await expect(page.getByRole('checkbox', { name: /^Select / })).toHaveCount(0);

    const response = await page.request.post('/api/v1/recommendations/2015-R07/status', {
      headers: { origin: BASE_URL },
      data: { status: 'IN_PROGRESS', effectiveDate: '2020-01-01', expectedVersion: 1 },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe('forbidden');
  });
});

test.describe('admin', () => {
  test.use({ storageState: storageState('admin') });

  test('cross-site: an editor-level write from another origin is refused before it runs', async ({ page }) => {
    await page.goto('/recommendations');
    const response = await page.request.post('/api/v1/recommendations/2015-R08/status', {
      headers: { origin: 'https://evil.example' },
      data: { status: 'IN_PROGRESS', effectiveDate: '2020-01-01', expectedVersion: 1 },
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe('cross_site_request');
    const { recommendation } = await (await page.request.get('/api/v1/recommendations/2015-R08')).json();
    expect(recommendation.status).toBe('NOT_STARTED');
  });

  test('theme merge: every recommendation of the merged theme moves to the kept one', async ({ page }) => {
    const name = `Merge me ${Date.now().toString(36)}`;
    await page.goto('/admin/themes');
    const create = page.getByRole('form', { name: 'Add a theme' });
    await create.getByLabel('Name').fill(name);
    await create.getByRole('button', { name: 'Add theme' }).click();
    await expect(page.getByText(name).first()).toBeVisible();

    await page.goto('/recommendations/2012-R06');
    await page.getByText('Edit the details', { exact: true }).click();
    const details = page.getByRole('form', { name: 'Edit the details' });
    await details.getByLabel('Primary theme').selectOption({ label: name });
    await details.getByRole('button', { name: 'Save details' }).click();
    await expect(page.getByRole('complementary').getByText(name).first()).toBeVisible();

    await page.goto('/admin/themes');
    const merge = page.getByRole('form', { name: 'Merge two themes' });
    await merge.getByLabel('Theme to merge away').selectOption({ label: name });
    await merge.getByLabel('Theme to keep').selectOption({ label: 'Media' });
    await merge.getByLabel(/I understand/).check();
    await merge.getByRole('button', { name: /Merge “/ }).click();
    await expect(page.getByText(/merged into/i).first()).toBeVisible();

    await page.goto('/recommendations/2012-R06');
    await expect(page.getByRole('complementary').getByText('Media').first()).toBeVisible();
    await expect(page.getByRole('complementary').getByText(name)).toHaveCount(0);
  });
});
