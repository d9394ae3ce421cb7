import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { axe } from './support/axe';
import { storageState } from './support/roles';

// Breadcrumbs, toasts and the recommendation page on paper. Each test that writes works on its
// own 2015 recommendation, which no other spec changes.

const notifications = (page: Page) => page.getByRole('region', { name: 'Notifications (Alt+T)' });

/** Console messages that say the Content-Security-Policy blocked something. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (apply|load|execute)/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

async function openAddEvidence(page: Page) {
  await page.getByText('Add evidence', { exact: true }).first().click();
  return page.getByRole('form', { name: 'Add evidence' });
}

test.describe('breadcrumbs', () => {
  test.use({ storageState: storageState('admin') });

  test('breadcrumbs: every inner page says where it is, the current page last and not a link', async ({ page }) => {
    const { items: seminars } = await (await page.request.get('/api/v1/seminars')).json();
    const seminar = seminars[0] as { id: string; title: string };
    const expected: [string, string[], string][] = [
      ['/recommendations/2015-R03', ['Home', 'Recommendations'], '2015-R03'],
      ['/recommendations/2015-R03/source', ['Home', 'Recommendations', '2015-R03'], 'In its source'],
      ['/reports/2015-Q4', ['Home', 'Quarterly summary'], '2015 Q4'],
      ['/account', ['Home'], 'Your account'],
      ['/admin', ['Home'], 'Admin'],
      ['/admin/users', ['Home', 'Admin'], 'Users'],
      ['/admin/themes', ['Home', 'Admin'], 'Themes'],
      ['/admin/sectors', ['Home', 'Admin'], 'Sectors'],
      ['/admin/seminars', ['Home', 'Admin'], 'Seminar details'],
      [`/admin/seminars/${seminar.id}`, ['Home', 'Admin', 'Seminar details'], seminar.title],
      ['/admin/audit', ['Home', 'Admin'], 'Audit log'],
      ['/admin/settings', ['Home', 'Admin'], 'Settings'],
    ];
    for (const [path, links, current] of expected) {
      await page.goto(path);
      const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
      await expect(trail, path).toBeVisible();
      const items = trail.locator('ol > li');
      await expect(items, path).toHaveCount(links.length + 1);
      await expect(trail.getByRole('link'), path).toHaveText(links);
      const last = items.last();
      await expect(last.locator('[aria-current="page"]'), path).toHaveText(current);
      await expect(last.getByRole('link'), path).toHaveCount(0);
    }
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/dashboard');
  });

  test('breadcrumbs: a crumb leads up a level; top-level pages have none', async ({ page }) => {
    await page.goto('/recommendations/2015-R03/source');
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: '2015-R03' }).click();
    await expect(page).toHaveURL(/\/recommendations\/2015-R03$/);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Recommendations' }).click();
    await expect(page).toHaveURL(/\/recommendations$/);
    for (const path of ['/dashboard', '/recommendations', '/seminars', '/reports']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'Breadcrumb' }), path).toHaveCount(0);
    }
  });
});

test.describe('toasts (editor)', () => {
  test.use({ storageState: storageState('editor') });

  test('toasts: "Saved" is polite and goes away by itself; an error is an alert that stays, beside the field errors; no CSP violation', async ({ page }) => {
    const violations = cspViolations(page);
    await page.goto('/recommendations/2015-R09');
    const evidence = await openAddEvidence(page);

    // Nothing typed: refused, with the error next to its field and an assertive toast.
    await evidence.getByRole('button', { name: 'Add evidence' }).click();
    const alert = notifications(page).getByRole('alert');
    await expect(alert).toContainText('Not saved');
    await expect(alert).toContainText('Check the highlighted fields.');
    await expect(evidence.getByLabel('Evidence', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(evidence.locator('#new-evidence-body-error')).not.toBeEmpty();

    // Saved: the success replaces the form's error toast, in the polite region.
    await evidence.getByLabel('Evidence', { exact: true }).fill('Joint statement on **rail links**.');
    await evidence.getByRole('button', { name: 'Add evidence' }).click();
    const status = notifications(page).getByRole('status');
    await expect(status).toContainText('Saved');
    await expect(status).toContainText('Evidence added.');
    await expect(alert).toBeEmpty();
    await expect(evidence.getByLabel('Evidence', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    // Successes leave on their own after a few seconds.
    await expect(status.locator('[data-toast]')).toHaveCount(0, { timeout: 15_000 });
    expect(violations).toEqual([]);
  });

  test('toasts: keyboard: Alt+T reaches the newest toast, Escape dismisses it and focus goes back; the button dismisses too', async ({ page }) => {
    await page.goto('/recommendations/2015-R09');
    const evidence = await openAddEvidence(page);
    await evidence.getByRole('button', { name: 'Add evidence' }).click();
    const toast = notifications(page).getByRole('alert').locator('[data-toast]');
    await expect(toast).toHaveCount(1);

    const body = evidence.getByLabel('Evidence', { exact: true });
    await body.focus();
    await page.keyboard.press('Alt+KeyT');
    const dismiss = toast.getByRole('button', { name: 'Dismiss' });
    await expect(dismiss).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(toast).toHaveCount(0);
    await expect(body).toBeFocused();

    await evidence.getByRole('button', { name: 'Add evidence' }).click();
    await expect(toast).toHaveCount(1);
    await toast.getByRole('button', { name: 'Dismiss' }).click();
    await expect(toast).toHaveCount(0);
  });

  test('toasts: a version conflict is announced as one, and the form keeps what was typed', async ({ page, browser }) => {
    const other = await browser.newContext({ storageState: storageState('admin') });
    const otherPage = await other.newPage();
    await page.goto('/recommendations/2015-R05');
    await otherPage.goto('/recommendations/2015-R05');

    const change = (on: Page) => on.getByRole('form', { name: 'Change the status' });
    await change(otherPage).getByLabel('New status').selectOption({ label: 'In progress' });
    await change(otherPage).getByRole('button', { name: 'Record status change' }).click();
    await expect(notifications(otherPage).getByRole('status')).toContainText('Saved');

    await change(page).getByLabel('New status').selectOption({ label: 'Stalled' });
    await change(page).getByLabel('Note (optional)').fill('Written on a stale page.');
    await change(page).getByRole('button', { name: 'Record status change' }).click();
    const alert = notifications(page).getByRole('alert');
    await expect(alert).toContainText('Not saved: someone else changed this');
    await expect(alert).toContainText('Ada Admin');
    await expect(change(page).getByLabel('Note (optional)')).toHaveValue('Written on a stale page.');
    await other.close();
  });

  test('toasts: no animation when the reader asks for reduced motion', async ({ browser }) => {
    for (const reducedMotion of ['reduce', 'no-preference'] as const) {
      const context = await browser.newContext({ storageState: storageState('editor'), reducedMotion });
      const page = await context.newPage();
      await page.goto('/recommendations/2015-R09');
      const evidence = await openAddEvidence(page);
      await evidence.getByRole('button', { name: 'Add evidence' }).click();
      const toast = notifications(page).locator('[data-toast]');
      await expect(toast).toHaveCount(1);
      const animation = await toast.evaluate((element) => getComputedStyle(element).animationName);
      expect(animation, reducedMotion).toBe(reducedMotion === 'reduce' ? 'none' : 'toast-in');
      await context.close();
    }
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`toasts: readable in the ${theme} theme (axe, WCAG 2.2 AA)`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageState('editor'), colorScheme: theme, reducedMotion: 'reduce' });
      await context.addCookies([{ name: 'theme', value: theme, url: BASE_URL }]);
      const page = await context.newPage();
      await page.goto('/recommendations/2015-R09');
      const evidence = await openAddEvidence(page);
      await evidence.getByRole('button', { name: 'Add evidence' }).click();
      await expect(notifications(page).getByRole('alert').locator('[data-toast]')).toHaveCount(1);
      const results = await axe(page).include('[aria-label="Notifications (Alt+T)"]').analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
      await context.close();
    });
  }
});

test.describe('the recommendations list at two widths', () => {
  test('list: on a phone each row folds its details under the title; on a wide screen the main ones have columns', async ({ browser }) => {
    for (const width of [360, 1280]) {
      const context = await browser.newContext({ storageState: storageState('admin'), viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.goto('/recommendations?sort=code&dir=asc');
      const table = page.getByRole('table');
      const row = table
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader') })
        .first();
      const header = row.getByRole('rowheader');
      await expect(header.getByRole('link')).toBeVisible();
      await expect(row.getByRole('checkbox', { name: /^Select / })).toBeVisible();
      const folded = header.locator('dl');
      const themeColumn = table.getByRole('columnheader', { name: 'Primary theme' });
      if (width === 360) {
        await expect(folded.getByText('Seminar', { exact: true })).toBeVisible();
        await expect(folded.getByText('Theme', { exact: true })).toBeVisible();
        await expect(header.getByText(/^(Not started|In progress|Partially implemented|Implemented|Stalled|No longer relevant)$/)).toBeVisible();
        await expect(themeColumn).toBeHidden();
      } else {
        // The columns' facts leave the fold; where it came from and who owns it stay under the title.
        await expect(folded.getByText('Theme', { exact: true })).toBeHidden();
        await expect(folded.getByText('Seminar', { exact: true })).toBeVisible();
        await expect(themeColumn).toBeVisible();
        await expect(table.getByRole('columnheader', { name: /Status/ })).toBeVisible();
      }
      // One tick box per row, whatever the width.
      await expect(page.getByRole('checkbox', { name: /^Select / })).toHaveCount(await table.getByRole('rowheader').count());
      await context.close();
    }
  });
});

test.describe('a recommendation on paper', () => {
  test.use({ storageState: storageState('editor') });

  test('print: navigation, forms and controls are hidden; the item, status, details, timeline and evidence are printed', async ({ page }) => {
    const code = '2015-R10';
    const { recommendation } = await (await page.request.get(`/api/v1/recommendations/${code}`)).json();
    const added = await page.request.post(`/api/v1/recommendations/${recommendation.id}/evidence`, {
      headers: { origin: BASE_URL },
      data: { body: 'Visit by the trade delegation, reported in the press.', evidenceDate: '2020-02-03' },
    });
    expect(added.status()).toBe(201);

    await page.goto(`/recommendations/${code}`);
    await expect(page.getByRole('form', { name: 'Change the status' })).toBeVisible();
    await page.emulateMedia({ media: 'print' });

    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toBeHidden();
    // Every form on the page (status, evidence, details, links, per-note edit and remove) and
    // every disclosure that opens one.
    const forms = page.locator('main form');
    expect(await forms.count()).toBeGreaterThan(5);
    for (const form of await forms.all()) await expect(form).toBeHidden();
    for (const summary of await page.locator('main summary').all()) await expect(summary).toBeHidden();
    // Role locators skip what is not displayed: no button is left on paper.
    await expect(page.getByRole('button')).toHaveCount(0);

    await expect(page.getByRole('heading', { level: 1 })).toContainText(code);
    await expect(page.getByRole('list', { name: 'History, newest first' })).toBeVisible();
    await expect(page.getByRole('article', { name: 'Evidence, 3 Feb 2020' })).toBeVisible();
    const details = page.getByRole('complementary', { name: 'Details and related recommendations' });
    for (const term of ['Primary theme', 'Secondary themes', 'Owner sectors', 'Priority', 'Target date']) {
      await expect(details.locator('dt', { hasText: new RegExp(`^${term}$`) })).toBeVisible();
    }
    await expect(page.getByText(/^Printed from the Recommendation Tracker on /)).toBeVisible();

    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByText(/^Printed from the Recommendation Tracker on /)).toBeHidden();
    await expect(page.getByRole('form', { name: 'Change the status' })).toBeVisible();
  });
});

test.describe('theme', () => {
  test.use({ storageState: storageState('viewer'), colorScheme: 'light' });

  test('theme: choosing Dark restyles the page at once, and the server renders it dark from then on', async ({ page }) => {
    await page.goto('/seminars');
    const scheme = () => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
    const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    const lightBackground = await background();
    await page.getByRole('group', { name: 'Theme' }).getByText('Dark', { exact: true }).click();
    await expect.poll(scheme).toBe('dark');
    expect(await background()).not.toBe(lightBackground);

    await page.reload();
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await background()).not.toBe(lightBackground);
    await expect(page.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: 'Dark' })).toBeChecked();

    await page.getByRole('group', { name: 'Theme' }).getByText('System', { exact: true }).click();
    await page.reload();
    // Back to the system's choice, which this browser says is light.
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
    expect(await background()).toBe(lightBackground);
  });
});
