import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { EVERYONE, PAGES, type Who } from './authorization-matrix';
import { storageState } from './support/roles';

// Every page each role can open, scanned with axe at WCAG 2.2 AA: zero violations. The light theme is
// scanned for every role; the dark theme for the admin (who opens every page and sees every control)
// and the anonymous visitor, which covers every page and control while keeping CI within its budget.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

async function visitable(page: Page, visit: string): Promise<string> {
  // A concrete seminar for the admin seminar editor, instead of the matrix's not-found probe.
  if (visit.startsWith('/admin/seminars/')) {
    const { items } = await (await page.request.get('/api/v1/seminars')).json();
    return `/admin/seminars/${items[0].id}`;
  }
  return visit;
}

for (const who of EVERYONE) {
  const pages = PAGES.filter((row) => row.expect[who] === 'ok' || (row.route === '/admin/seminars/[id]' && who === 'admin'));
  for (const theme of THEMES.filter((option) => option === 'light' || who === 'admin' || who === 'anonymous')) {
    test(`axe: every page ${who} can open, ${theme} theme, has no WCAG 2.2 AA violations`, async ({ browser }) => {
      // A page load and an axe scan take several seconds each on a busy machine: the budget grows with the pages.
      test.setTimeout(Math.max(180_000, pages.length * 25_000));
      const context = await browser.newContext({
        storageState: who === 'anonymous' ? { cookies: [], origins: [] } : storageState(who),
        colorScheme: theme,
      });
      await context.addCookies([{ name: 'theme', value: theme, url: BASE_URL }]);
      const page = await context.newPage();
      const failures: Record<string, string[]> = {};
      for (const row of pages) {
        const url = await visitable(page, row.visit);
        await page.goto(url);
        await expect(page.locator('main')).toBeVisible();
        expect(await page.locator('html').getAttribute('data-theme')).toBe(theme);
        const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
        if (results.violations.length) {
          failures[url] = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
        }
      }
      expect(failures).toEqual({});
      await context.close();
    });
  }
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
