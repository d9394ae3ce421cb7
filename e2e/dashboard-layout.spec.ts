import type AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { axe } from './support/axe';
import { storageState } from './support/roles';

// The dashboard at a desktop and a phone size: the progress chart on the first screen, the filters
// as one bar with removable chips, the seminars marked on the time axis, and no axe violation in
// either theme. Screenshots of each are kept as test artefacts.

const SIZES = [
  { name: 'desktop', viewport: { width: 1280, height: 900 } },
  { name: 'phone', viewport: { width: 390, height: 844 } },
] as const;

const FOUNDING_SEMINARS = ['Pak Russia Relations: An Overview & Future Strategy', 'Prospects of Pak-Russia Bilateral Relations'];

const progressSection = (page: Page) => page.locator('section').filter({ has: page.getByRole('heading', { name: 'Progress by theme over time', level: 2 }) });

/** Scrolls the page through so that every chart draws (they draw when near the screen), then back to the top. */
async function drawCharts(page: Page) {
  const charts = page.locator('[data-chart]');
  for (const chart of await charts.all()) {
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toHaveAttribute('data-chart', 'drawn');
    await expect(chart.locator('svg.recharts-surface').first()).toBeVisible();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

function violationsOf(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')})`,
  );
}

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string, fullPage: boolean) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

for (const size of SIZES) {
  test.describe(`dashboard at ${size.viewport.width}x${size.viewport.height}`, () => {
    test(`layout (${size.name}): the progress chart starts on the first screen, the seminars are marked on its time axis, and axe finds nothing in light or dark`, async ({
      browser,
    }, testInfo) => {
      test.setTimeout(180_000);
      const context = await browser.newContext({ storageState: storageState('viewer'), viewport: size.viewport, colorScheme: 'light' });
      await context.addCookies([{ name: 'theme', value: 'light', url: BASE_URL }]);
      const page = await context.newPage();
      await page.goto('/dashboard');

      // The chart's own top (not only its section's) is within the first screen, before any scrolling.
      const plot = progressSection(page).getByRole('group', { name: /^Line chart: overall weighted progress per quarter/ });
      // The charts load after the page (lazy-charts.tsx): slow on a busy machine.
      await expect(plot.locator('svg.recharts-surface')).toBeVisible({ timeout: 60_000 });
      const box = await plot.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + 40, 'the chart starts within the first screen').toBeLessThan(size.viewport.height);
      expect(await page.evaluate(() => window.scrollY)).toBe(0);

      // The seminars whose recommendations arrived: a dashed line with a label on the chart per quarter, named in the key.
      const key = progressSection(page).getByRole('list', { name: 'Seminars on the time axis' });
      for (const title of FOUNDING_SEMINARS) await expect(key.getByText(title)).toBeVisible();
      await expect(plot.locator('.recharts-reference-line')).toHaveCount(await key.getByRole('listitem').count());
      await expect(plot.locator('[data-seminar-marker="2012 Q4"]')).toHaveText(/^\d+( · \+\d+ new)?$/);
      await expect(plot.locator('[data-seminar-marker="2015 Q1"]')).toBeVisible();

      // On a phone the filters are one button; on a desktop the bar also says what is in force.
      const filters = page.getByRole('region', { name: 'Filters' });
      await expect(filters.getByText('Filters', { exact: true })).toBeVisible();
      await expect(filters.getByText('Showing every recommendation.')).toBeVisible({ visible: size.name === 'desktop' });

      await drawCharts(page);
      // Each theme (drawn by now) has its own panel with its figure; a theme with no figure says why.
      const panels = progressSection(page).getByRole('list', { name: 'Themes: open a theme’s recommendations' });
      await expect(panels.getByRole('listitem').first()).toBeVisible();
      for (const panel of await panels.getByRole('listitem').all()) {
        await expect(panel).toHaveText(/\d+%|no figure: (all no longer relevant|none tracked yet)/);
      }

      await keepScreenshot(page, testInfo, `dashboard-${size.name}-light`, false);
      await keepScreenshot(page, testInfo, `dashboard-${size.name}-light-full`, true);
      const failures: Record<string, string[]> = {};
      const light = violationsOf(await axe(page).analyze());
      if (light.length) failures.light = light;

      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
      await keepScreenshot(page, testInfo, `dashboard-${size.name}-dark`, false);
      await keepScreenshot(page, testInfo, `dashboard-${size.name}-dark-full`, true);
      const dark = violationsOf(await axe(page).withRules(['color-contrast', 'link-in-text-block']).analyze());
      if (dark.length) failures.dark = dark;
      expect(failures).toEqual({});

      // Stacked areas: the legend is never taller than its chart, also on a phone.
      await context.addCookies([{ name: 'theme', value: 'dark', url: BASE_URL }]);
      await page.goto('/dashboard?chart=area');
      const areas = progressSection(page).getByRole('group', { name: /^Stacked area chart/ });
      await expect(areas.locator('svg.recharts-surface')).toBeVisible({ timeout: 60_000 });
      const legend = progressSection(page).getByRole('group', { name: 'Legend', exact: true });
      const [chartBox, legendBox] = [await areas.boundingBox(), await legend.boundingBox()];
      expect(legendBox!.height).toBeLessThanOrEqual(chartBox!.height);
      const path = testInfo.outputPath(`dashboard-${size.name}-areas-dark.png`);
      await progressSection(page).screenshot({ path });
      await testInfo.attach(`dashboard-${size.name}-areas-dark`, { path, contentType: 'image/png' });
      await context.close();
    });
  });
}

test.describe('dashboard filters', () => {
  test.use({ storageState: storageState('viewer'), viewport: { width: 1280, height: 900 } });

  test('filters: chosen in the panel they show as chips, a chip removes its filter, and Escape closes the panel', async ({ page }) => {
    test.setTimeout(120_000);
    const { items: themes } = await (await page.request.get('/api/v1/themes')).json();
    const theme: { id: string; name: string } = themes[0];
    await page.goto('/dashboard');
    const bar = page.getByRole('region', { name: 'Filters' });
    const panel = bar.getByRole('form', { name: 'Choose filters' });
    await expect(panel).toBeHidden();

    // Opened with the keyboard, closed with Escape, focus back on the button.
    const button = bar.locator('summary').filter({ hasText: 'Filters' });
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    await page.keyboard.press('Tab');
    await expect(panel.getByText('Seminars: all')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
    await expect(button).toBeFocused();

    await button.click();
    await panel.getByText('Primary themes: all').click();
    await panel.getByRole('checkbox', { name: theme.name, exact: true }).check();
    await panel.getByRole('combobox', { name: 'From quarter' }).selectOption({ label: '2015 Q1' });
    await panel.getByRole('button', { name: 'Apply filters' }).click();

    await expect(page).toHaveURL(new RegExp(`theme=${theme.id}`));
    const chips = bar.getByRole('list', { name: 'Filters in force' });
    await expect(chips.getByRole('link')).toHaveCount(2);
    await expect(bar.getByText('2 on')).toBeVisible();
    const themeChip = chips.getByRole('link', { name: `Remove filter Primary theme: ${theme.name}` });
    await expect(themeChip).toBeVisible();
    await expect(chips.getByRole('link', { name: 'Remove filter From: 2015 Q1' })).toBeVisible();
    // The dashboard is filtered: its progress chart begins at the chosen quarter.
    await expect(page.getByRole('group', { name: /^Line chart: .*, 2015 Q1 to / })).toBeVisible();

    await themeChip.click();
    await expect(page).not.toHaveURL(/theme=/);
    await expect(page).toHaveURL(/from=2015-Q1/);
    await expect(chips.getByRole('link')).toHaveCount(1);
    await bar.getByRole('link', { name: 'Clear all' }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(bar.getByText('Showing every recommendation.')).toBeVisible();
  });
});
