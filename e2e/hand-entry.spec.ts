import { expect, test } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expectAxeClean } from './support/axe';
import { storageState } from './support/roles';

// Issue 24 by hand: an editor enters a seminar and a recommendation, corrects its text, withdraws it
// and restores it. The seminar is dated in 2025, after the seeded reports, so the 2015 quarterly
// report and the dashboard "as of" past dates other specs read are unchanged by it.

const SOURCE = [
  'Report of the round table on river water',
  '',
  'Recommendations',
  '',
  '1. Both countries should share flood data every day',
  '   during the monsoon season.',
  '',
].join('\n');
const TEXT = 'Both countries should share flood data every day during the monsoon season.';
const CORRECTED = 'Both countries should share flood and rainfall data every day during the monsoon season.';

test.describe('hand entry (editor)', () => {
  test.use({ storageState: storageState('editor') });

  test('an editor creates a seminar and a recommendation, corrects its text, withdraws and restores it', async ({ page }) => {
    test.setTimeout(180_000);
    await page.context().addCookies([{ name: 'theme', value: 'light', url: BASE_URL }]);
    const title = `River water round table ${Date.now()}`;

    // The seminar, from the seminars page.
    await page.goto('/seminars');
    await page.getByRole('link', { name: 'New seminar' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New seminar' })).toBeVisible();
    await expectAxeClean(page);
    const seminarForm = page.getByRole('form', { name: 'New seminar' });
    await seminarForm.getByRole('button', { name: 'Create seminar' }).click();
    // Refused without a title or date: the errors sit next to their fields.
    await expect(seminarForm.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
    await seminarForm.getByLabel('Title').fill(title);
    await seminarForm.getByLabel('Kind').selectOption({ label: 'Round table' });
    await seminarForm.getByLabel('Date').fill('2025-03-10');
    await seminarForm.getByLabel('Venue (optional)').fill('Islamabad');
    await seminarForm.getByLabel('Report text').fill(SOURCE);
    await seminarForm.getByRole('button', { name: 'Create seminar' }).click();

    await expect(page).toHaveURL(/\/seminars\/2025[A-Z]*\/recommendations\/new\?created=1$/);
    await expect(page.getByRole('status').filter({ hasText: 'Seminar created' })).toBeVisible();
    const prefix = /\/seminars\/(2025[A-Z]*)\//.exec(page.url())![1]!;
    const code = `${prefix}-R01`;

    // The recommendation.
    const itemForm = page.getByRole('form', { name: 'Add a recommendation' });
    await itemForm.getByLabel('Text').fill(TEXT);
    await itemForm.getByLabel('Primary theme').selectOption({ index: 1 });
    await itemForm.getByRole('group', { name: 'Owner sectors' }).getByRole('checkbox').first().check();
    await itemForm.getByLabel('Priority').selectOption({ label: 'High' });
    await itemForm.getByRole('button', { name: 'Add recommendation' }).click();
    await expect(page.getByRole('status').filter({ hasText: `Added ${code}.` })).toBeVisible();
    // The form is empty again for the next one.
    await expect(itemForm.getByLabel('Text')).toHaveValue('');
    await expectAxeClean(page);

    await page.getByRole('region', { name: 'Its recommendations so far' }).getByRole('link', { name: code }).click();
    await expect(page).toHaveURL(new RegExp(`/recommendations/${code}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Both countries should share flood data every day during the monsoon season');
    await expect(page.getByRole('list', { name: 'History, newest first' }).locator('li[data-kind="status"]')).toHaveCount(1);
    await expect(page.getByRole('link', { name: 'View in source' })).toBeVisible();

    // Correct its text: the earlier wording stays, and the page says it no longer matches the report.
    await page.getByText('Correct the text', { exact: true }).click();
    const correction = page.getByRole('form', { name: 'Correct the text' });
    await correction.getByLabel('Text').fill(CORRECTED);
    await correction.getByLabel('What was wrong (optional)').fill('Rainfall was left out.');
    await correction.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.locator('blockquote').first()).toHaveText(CORRECTED);
    await expect(page.getByText('no longer matches the report’s wording')).toBeVisible();
    const corrections = page.getByRole('list', { name: 'History, newest first' }).locator('li[data-kind="text"]');
    await expect(corrections).toHaveCount(1);
    await expect(corrections).toContainText('Rainfall was left out.');
    await corrections.getByText('Earlier wording').click();
    await expect(corrections.locator('blockquote')).toHaveText(TEXT);

    // Withdraw it: a banner says who, when and why; it leaves the list.
    await page.getByText('Withdraw this recommendation', { exact: true }).click();
    const withdraw = page.getByRole('form', { name: 'Withdraw this recommendation' });
    await withdraw.getByLabel('Why it is withdrawn').fill('Entered twice by mistake.');
    await withdraw.getByRole('button', { name: 'Withdraw' }).click();
    const banner = page.getByRole('region', { name: 'Withdrawn' });
    await expect(banner).toContainText('Withdrawn on');
    await expect(banner).toContainText('by Eddie Editor — Entered twice by mistake.');
    await expect(page.getByRole('form', { name: 'Change the status' })).toHaveCount(0);
    await expectAxeClean(page);

    await page.goto(`/recommendations?q=${code}`);
    await expect(page.getByRole('heading', { level: 2, name: 'No matches' })).toBeVisible();
    await page.goto(`/recommendations?q=${code}&includeArchived=true`);
    const row = page.getByRole('region', { name: /Recommendations table/ }).getByRole('row', { name: new RegExp(`^Select ${code}`) });
    await expect(row).toContainText('Withdrawn');

    // Restore it: back in the list, editable again.
    await page.goto(`/recommendations/${code}`);
    await page.getByRole('region', { name: 'Withdrawn' }).getByRole('button', { name: 'Restore' }).click();
    await expect(page.getByRole('region', { name: 'Withdrawn' })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Change the status' })).toBeVisible();
    await page.goto(`/recommendations?q=${code}`);
    await expect(page.getByRole('heading', { level: 2, name: '1 recommendation' })).toBeVisible();
  });

  test('the entry pages fit a 360 px screen without sideways scrolling', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('editor'), viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    for (const path of ['/seminars/new', '/seminars/2015/recommendations/new', '/seminars']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  test('a viewer sees no way to enter seminars or recommendations', async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('viewer') });
    const page = await context.newPage();
    await page.goto('/seminars');
    await expect(page.getByRole('heading', { level: 1, name: 'Seminars' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'New seminar' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Add recommendation/ })).toHaveCount(0);
    await context.close();
  });
});
