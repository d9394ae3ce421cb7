import { randomBytes } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expectAxeClean } from './support/axe';
import { storageState } from './support/roles';

// The admin seminar list: a search by title or code, and a page of seminars at a time. The spec's
// seminars have no recommendations and share the 2012 seeded report's date with titles that sort
// after it, so the seeded reports stay the oldest and first of their day on /seminars, the
// dashboard's time axis still starts at 2012 Q4, and no figure another spec reads moves.

const RUN = randomBytes(4).toString('hex');
const TAG = `Workshop ${RUN}`;
/** More than a page (SEMINAR_PAGE_SIZE, 20) of seminars that match TAG, one of them named apart. */
const ARCHIVE_COUNT = 21;
const HARBOUR = `${TAG} Harbour Authority`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: BASE_URL, storageState: storageState('admin') });
  const titles = [HARBOUR, ...Array.from({ length: ARCHIVE_COUNT }, (_, index) => `${TAG} archive ${String(index + 1).padStart(2, '0')}`)];
  // One at a time: each takes the next free code prefix of its year.
  for (const title of titles) {
    const response = await request.post('/api/v1/seminars', { headers: { origin: BASE_URL }, data: { title, kind: 'WORKSHOP', date: '2012-10-06' } });
    expect(response.status(), await response.text()).toBe(201);
  }
  await request.dispose();
});

const table = (page: Page) => page.getByRole('region', { name: /^Seminars table/ });
const rows = (page: Page) => table(page).locator('tbody tr');
const pageNav = (page: Page) => page.getByRole('navigation', { name: 'Seminar pages' });

test.describe('admin seminars', () => {
  test.use({ storageState: storageState('admin') });

  test('admin seminars: a search by title, in any case, shows only that seminar; one that matches nothing says so and clears', async ({ page }) => {
    await page.goto('/admin/seminars');
    const search = page.getByRole('search', { name: 'Search seminars' });
    await search.getByLabel('Search by title or code').fill(`${RUN.toUpperCase()} harbour AUTHORITY`);
    await search.getByRole('button', { name: 'Search' }).click();

    await expect(page).toHaveURL(/\/admin\/seminars\?q=/);
    await expect(table(page).locator('caption')).toHaveText(
      `1 report matches “${RUN.toUpperCase()} harbour AUTHORITY”, newest first. Open one to edit its details and speakers.`,
    );
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).getByRole('link', { name: HARBOUR })).toHaveAttribute('href', /^\/admin\/seminars\/[^/?]+$/);
    await expect(pageNav(page)).toHaveCount(0);
    // The search stays in its box, to refine it.
    await expect(search.getByLabel('Search by title or code')).toHaveValue(`${RUN.toUpperCase()} harbour AUTHORITY`);
    await expectAxeClean(page);

    await search.getByLabel('Search by title or code').fill(`${TAG} no such report`);
    await search.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByText(`No seminar matches “${TAG} no such report”.`)).toBeVisible();
    await expect(table(page)).toHaveCount(0);
    await page.getByRole('link', { name: 'Clear the search', exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/seminars$/);
    await expect(table(page).locator('caption')).toHaveText(/^\d+ reports, newest first\./);
    await expect(search.getByLabel('Search by title or code')).toHaveValue('');
  });

  test('admin seminars: more than a page of matches brings page links that keep the search, and fits a 360 px screen', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/admin/seminars?q=${encodeURIComponent(TAG)}`);
    await expect(table(page).locator('caption')).toHaveText(new RegExp(`^${ARCHIVE_COUNT + 1} reports match “${TAG}”, newest first\\.`));
    await expect(rows(page)).toHaveCount(20);
    await expect(pageNav(page)).toContainText('Page 1 of 2');
    const older = pageNav(page).getByRole('link', { name: 'Older →' });
    await expect(older).toHaveAttribute('href', `/admin/seminars?q=${encodeURIComponent(TAG).replace(/%20/g, '+')}&page=2`);
    // The table scrolls sideways in its own box; the page does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await expectAxeClean(page);

    await older.click();
    await expect(pageNav(page)).toContainText('Page 2 of 2');
    await expect(rows(page)).toHaveCount(2);
    // Same date, so by code prefix: the last two made come last.
    await expect(rows(page).getByRole('link')).toHaveText([`${TAG} archive 20`, `${TAG} archive 21`]);
    await expect(page.getByRole('search', { name: 'Search seminars' }).getByLabel('Search by title or code')).toHaveValue(TAG);
    await pageNav(page).getByRole('link', { name: '← Newer' }).click();
    await expect(pageNav(page)).toContainText('Page 1 of 2');
    await expect(rows(page).first().getByRole('link')).toHaveText(HARBOUR);

    // A page number that cannot be read: the first page, the search kept, and a notice.
    await page.goto(`/admin/seminars?q=${encodeURIComponent(TAG)}&page=two`);
    await expect(page.getByRole('alert').filter({ hasText: '“two” is not a page number; showing the first page.' })).toBeVisible();
    await expect(pageNav(page)).toContainText('Page 1 of 2');
  });
});
