import type AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { EVERYONE, PAGES } from './authorization-matrix';
import { axe } from './support/axe';
import { storageState } from './support/roles';

// Every page each role can open, scanned with axe at WCAG 2.2 AA: zero violations. The light theme is
// scanned for every role; the dark theme for the admin (who opens every page and sees every control)
// and the anonymous visitor, which covers every page and control. The dark scan happens on the same
// page visit: the page is switched to the dark theme in place (what the theme toggle does) and scanned
// with the rules whose outcome depends on colour; every other rule reads the same DOM in both themes.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// The roles' scans are independent: they may run side by side on both workers.
test.describe.configure({ mode: 'parallel' });

async function visitable(page: Page, visit: string): Promise<string> {
  // A concrete seminar for the admin seminar editor, instead of the matrix's not-found probe.
  if (visit.startsWith('/admin/seminars/')) {
    const { items } = await (await page.request.get('/api/v1/seminars')).json();
    return `/admin/seminars/${items[0].id}`;
  }
  return visit;
}

/**
 * Charts are drawn when they come near the screen, or all at once for printing
 * (components/dashboard/lazy-charts.tsx): ask for the printing case, and wait until each is drawn,
 * so that the scan sees every chart.
 */
async function drawAllCharts(page: Page): Promise<void> {
  if ((await page.locator('[data-chart]').count()) === 0) return;
  // Asked again until every chart has answered: the page may still be hydrating, with some charts'
  // listeners not yet in place.
  await expect
    .poll(() =>
      page.evaluate(() => {
        window.dispatchEvent(new Event('beforeprint'));
        return document.querySelectorAll('[data-chart="waiting"]').length;
      }),
    )
    .toBe(0);
  for (const chart of await page.locator('[data-chart]').all()) await expect(chart.locator('svg.recharts-surface')).toBeVisible();
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

/** A role's pages in parts of at most `size`, so the parts spread over the workers. */
function parts<T>(rows: T[], size: number): T[][] {
  const count = Math.ceil(rows.length / size);
  return Array.from({ length: count }, (_, i) => rows.slice(Math.floor((i * rows.length) / count), Math.floor(((i + 1) * rows.length) / count)));
}

for (const who of EVERYONE) {
  const all = PAGES.filter((row) => row.expect[who] === 'ok' || (row.route === '/admin/seminars/[id]' && who === 'admin'));
  const dark = who === 'admin' || who === 'anonymous';
  const split = parts(all, dark ? 5 : 8);
  split.forEach((pages, index) => {
    const which = split.length > 1 ? ` (part ${index + 1} of ${split.length}: ${pages.map((row) => row.route).join(', ')})` : '';
    test(`axe: every page ${who} can open has no WCAG 2.2 AA violations, ${dark ? 'in the light and the dark theme' : 'light theme'}${which}`, async ({
      browser,
    }) => {
      // A page load and an axe scan take several seconds each on a busy machine: the budget grows with the pages.
      test.setTimeout(Math.max(180_000, pages.length * 25_000));
      const context = await browser.newContext({
        storageState: who === 'anonymous' ? { cookies: [], origins: [] } : storageState(who),
        colorScheme: 'light',
      });
      await context.addCookies([{ name: 'theme', value: 'light', url: BASE_URL }]);
      const page = await context.newPage();
      const failures: Record<string, string[]> = {};
      for (const row of pages) {
        const url = await visitable(page, row.visit);
        await page.goto(url);
        await expect(page.locator('main')).toBeVisible();
        await drawAllCharts(page);
        expect(await page.locator('html').getAttribute('data-theme')).toBe('light');
        const light = violationsOf(await axe(page).analyze());
        if (light.length) failures[`${url} (light)`] = light;
        if (!dark) continue;
        await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
        await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
        const darkResults = violationsOf(await axe(page).withRules(COLOUR_RULES).analyze());
        if (darkResults.length) failures[`${url} (dark)`] = darkResults;
      }
      expect(failures).toEqual({});
      await context.close();
    });
  });
}

/** Fails when the page is wider than the viewport, i.e. the reader would have to scroll sideways. */
async function expectNoSidewaysScroll(page: Page, path: string, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${path} scrolls sideways ${what}`).toBeLessThanOrEqual(0);
}

// Screenshots of the main pages at phone and desktop width, kept as test artefacts for review
// (attached to the report; not compared pixel by pixel).
const MAIN_PAGES = ['/dashboard', '/recommendations', '/recommendations/2015-R03', '/seminars', '/admin/users'];
for (const width of [360, 1280]) {
  test(`screenshots: main pages at ${width} px, nothing wider than the screen`, async ({ browser }, testInfo) => {
    const context = await browser.newContext({ storageState: storageState('admin'), viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const path of MAIN_PAGES) {
      await page.goto(path);
      await expect(page.locator('main')).toBeVisible();
      await expectNoSidewaysScroll(page, path, `at ${width} px`);
      await testInfo.attach(`${path.replace(/\//g, '_') || 'home'}-${width}.png`, {
        body: await page.screenshot({ fullPage: true }),
        contentType: 'image/png',
      });
    }
    await context.close();
  });
}

// WCAG 1.4.4 / 1.4.10: a 1280 x 800 window zoomed to 200% leaves 640 x 400 CSS pixels. Content
// reflows into that without scrolling sideways (data tables scroll inside their own region).
const ZOOM_PAGES = [...MAIN_PAGES, '/recommendations/2015-R03/source', '/reports', '/reports/2015-Q4', '/account', '/admin/settings', '/admin/audit'];
test('zoom: at 200% (640 x 400 CSS pixels) the main pages reflow without sideways scrolling', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageState('admin'), viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  for (const path of ZOOM_PAGES) {
    await page.goto(path);
    await expect(page.locator('main')).toBeVisible();
    await expectNoSidewaysScroll(page, path, 'at 200% zoom');
  }
  await context.close();
});
