import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support/roles';

// The display locale and time zone apply to every page for everyone, so this spec runs in its
// own project, after all the others (playwright.config.ts), and puts the defaults back.

const CODE = '2015-R11';

/** What the server will show for a moment: the same Intl formatting as lib/format.ts. */
const moment = (iso: string, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));

async function saveSettings(page: Page, locale: string, timeZone: string) {
  await page.goto('/admin/settings');
  const form = page.getByRole('form', { name: 'Display settings' });
  await form.getByLabel('Locale').selectOption(locale);
  await form.getByLabel('Time zone').selectOption(timeZone);
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('region', { name: 'Notifications (Alt+T)' }).getByRole('status')).toContainText('Saved');
}

test.describe('display settings', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ storageState: storageState('admin') });

  test.afterAll(async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageState('admin') });
    await saveSettings(await context.newPage(), '', '');
    await context.close();
  });

  test('settings: a new time zone and locale change how dates render, for everyone, and the change is audited', async ({ page, browser }) => {
    const { recommendation } = await (await page.request.get(`/api/v1/recommendations/${CODE}`)).json();
    const recordedAt: string = recommendation.history[0].recordedAt;

    await page.goto(`/recommendations/${CODE}`);
    const timeline = page.getByRole('list', { name: 'History, newest first' });
    await expect(timeline).toContainText(`Recorded ${moment(recordedAt, 'en-GB', 'UTC')}`);
    await expect(page.locator('main header').first()).toContainText('12 Feb 2015');

    // The preview follows the choice before anything is saved.
    await page.goto('/admin/settings');
    const form = page.getByRole('form', { name: 'Display settings' });
    await expect(form.getByRole('figure')).toContainText('12 Feb 2015');
    await form.getByLabel('Locale').selectOption('en-US');
    await expect(form.getByRole('figure')).toContainText('Feb 12, 2015');

    await saveSettings(page, 'en-US', 'Asia/Karachi');
    await page.goto(`/recommendations/${CODE}`);
    await expect(timeline).toContainText(`Recorded ${moment(recordedAt, 'en-US', 'Asia/Karachi')}`);
    // A calendar date changes its form with the locale, never its day with the zone.
    await expect(page.locator('main header').first()).toContainText('Feb 12, 2015');

    // Everyone sees the same: a viewer's page follows the setting too.
    const viewer = await browser.newContext({ storageState: storageState('viewer') });
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`/recommendations/${CODE}`);
    await expect(viewerPage.getByRole('list', { name: 'History, newest first' })).toContainText(`Recorded ${moment(recordedAt, 'en-US', 'Asia/Karachi')}`);
    await viewer.close();

    await page.goto('/admin/audit?entityType=setting');
    await expect(page.getByRole('table')).toContainText('settings.update');
  });

  test('settings: a value that is not a real locale or IANA time zone is refused next to its field, and nothing changes', async ({ page }) => {
    await page.goto('/admin/settings');
    const form = page.getByRole('form', { name: 'Display settings' });
    // What a tampered form would send: options the lists do not offer.
    await form.getByLabel('Locale').evaluate((select: HTMLSelectElement) => select.add(new Option('bogus', 'not a locale')));
    await form.getByLabel('Time zone').evaluate((select: HTMLSelectElement) => select.add(new Option('bogus', '+05:00')));
    await form.getByLabel('Locale').selectOption('not a locale');
    await form.getByLabel('Time zone').selectOption('+05:00');
    await form.getByRole('button', { name: 'Save settings' }).click();

    await expect(page.getByRole('region', { name: 'Notifications (Alt+T)' }).getByRole('alert')).toContainText('Check the highlighted fields.');
    await expect(form.getByLabel('Locale')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText(/not a locale this server can show/)).toBeVisible();
    await expect(form.getByText(/not an IANA time zone/)).toBeVisible();

    await page.reload();
    await expect(page.getByRole('form', { name: 'Display settings' }).getByLabel('Locale')).toHaveValue('en-US');
  });

  test('settings: back to the server default, dates render as before', async ({ page }) => {
    await saveSettings(page, '', '');
    await page.goto(`/recommendations/${CODE}`);
    await expect(page.locator('main header').first()).toContainText('12 Feb 2015');
  });
});
