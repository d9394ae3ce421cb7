import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type Browser, type Page, type TestInfo } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { expectAxeClean } from './support/axe';
import { storageState, type E2ERole } from './support/roles';

// Issue 25, the list staff work in and the item page: at a desktop and a phone width, the list's
// table fits its box, sorting by priority, the bulk bar staying in view, the item's one timeline,
// "view in source" as readable text, and the evidence the status form asks for.

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

const ITEM_TEXT = 'The ministry should publish a yearly audit of every rural water scheme and its repair budget.';
const HEADER = 'Rural Water Review';

/** A double-spaced extraction with a running header, and a page break (header, page number) in mid-sentence. */
function report(tag: string): string {
  return [
    `Round table on rural water ${tag}`,
    '',
    HEADER,
    '',
    '',
    '',
    'The participants met in the capital and discussed the',
    '\f',
    HEADER,
    '',
    '7',
    '',
    'state of rural water schemes.',
    '',
    '',
    '',
    'Recommendations',
    '',
    '',
    '',
    '1. The ministry should publish a yearly audit of every rural',
    '',
    'water scheme and its repair budget.',
    '',
    '2. Councils should repair broken hand pumps within a month.',
    '',
    HEADER,
  ].join('\n');
}

/** A seminar of its own with that report, and the first recommendation entered by hand (found in the report). */
async function seedItem(request: APIRequestContext): Promise<string> {
  const tag = randomBytes(4).toString('hex');
  const headers = { origin: BASE_URL };
  const seminar = await request.post('/api/v1/seminars', {
    headers,
    data: { title: `Rural water ${tag}`, kind: 'ROUND_TABLE', date: '2020-03-04', sourceText: report(tag) },
  });
  expect(seminar.status()).toBe(201);
  const { seminar: created } = await seminar.json();
  // Owned by a sector of the sample data, so that editing its details asks for nothing else.
  const { recommendation: sample } = await (await request.get('/api/v1/recommendations/2015-R03')).json();
  const sectorIds = [(sample.sectors as { id: string }[])[0]!.id];
  const item = await request.post(`/api/v1/seminars/${created.id}/recommendations`, { headers, data: { text: ITEM_TEXT, priority: 'MEDIUM', sectorIds } });
  expect(item.status()).toBe(201);
  const { recommendation } = await item.json();
  return recommendation.code as string;
}

async function open(browser: Browser, role: E2ERole, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ storageState: storageState(role), viewport, colorScheme: 'light' });
  return context.newPage();
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** How far each table sticks out of its box, and the page out of the window (all 0 when everything fits). */
function overflows(page: Page) {
  return page.evaluate(() => ({
    tables: [...document.querySelectorAll('main table')].map((table) => {
      const box = table.parentElement!;
      return Math.max(table.getBoundingClientRect().width - box.clientWidth, box.scrollWidth - box.clientWidth);
    }),
    page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  }));
}

for (const viewport of VIEWPORTS) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test(`list (${viewport.name}): the table fits its box, titles are whole, the page never scrolls sideways; axe clean in both themes`, async ({
      browser,
    }, testInfo) => {
      const page = await open(browser, 'editor', viewport);
      await page.goto('/recommendations?pageSize=100');
      const table = page.getByRole('region', { name: 'Recommendations table' }).getByRole('table');
      await expect(table.getByRole('rowheader').first()).toBeVisible();
      const measured = await overflows(page);
      expect(measured.tables.length).toBeGreaterThan(0);
      for (const overflow of measured.tables) expect(overflow).toBeLessThanOrEqual(0);
      expect(measured.page).toBeLessThanOrEqual(0);
      // Titles wrap instead of being cut: no title link is clipped.
      const clipped = await table
        .getByRole('rowheader')
        .getByRole('link')
        .evaluateAll((links) => links.filter((link) => link.scrollHeight > link.clientHeight + 1).length);
      expect(clipped).toBe(0);
      if (viewport.name === 'desktop') {
        for (const column of ['Status', 'Priority', 'Last update'])
          await expect(table.getByRole('columnheader', { name: new RegExp(`^${column}`) })).toBeVisible();
      }
      await page.getByRole('button', { name: 'Search' }).scrollIntoViewIfNeeded();
      await screenshot(page, testInfo, `list-${viewport.name}`);
      await expectAxeClean(page);
      await page.context().close();
    });

    test(`list (${viewport.name}): an opened filter leaves its closed neighbours their height, each box beside its label`, async ({ browser }) => {
      const page = await open(browser, 'viewer', viewport);
      await page.goto('/recommendations');
      const search = page.getByRole('search');
      await search.locator('summary', { hasText: /^Status/ }).click();
      const box = search.getByRole('checkbox', { name: 'Implemented', exact: true });
      await expect(box).toBeVisible();
      // Every closed filter, the opened one's row neighbours included, is as tall as its summary.
      const closed = await search
        .locator('details:not([open])')
        .evaluateAll((all) => all.map((details) => details.getBoundingClientRect().height - details.querySelector('summary')!.getBoundingClientRect().height));
      expect(closed.length).toBeGreaterThan(2);
      for (const extra of closed) expect(extra).toBeLessThanOrEqual(4);
      // The box and its words are on one line, side by side.
      const boxAt = (await box.boundingBox())!;
      const labelAt = (await search.getByText('Implemented', { exact: true }).boundingBox())!;
      expect(Math.abs(boxAt.y + boxAt.height / 2 - (labelAt.y + labelAt.height / 2))).toBeLessThan(12);
      expect(labelAt.x - (boxAt.x + boxAt.width)).toBeLessThan(24);
      await page.context().close();
    });

    test(`bulk (${viewport.name}): ticking a row far down the list keeps the change controls in view, by mouse or keyboard`, async ({ browser }, testInfo) => {
      const page = await open(browser, 'editor', viewport);
      await page.goto('/recommendations?pageSize=100');
      const boxes = page.getByRole('checkbox', { name: /^Select / });
      expect(await boxes.count()).toBeGreaterThan(10);
      const bar = page.getByRole('region', { name: 'Change several at once' });
      const apply = bar.getByRole('button', { name: /^Apply to/ });

      await boxes.last().check();
      await expect(boxes.last()).toBeInViewport();
      await expect(bar.getByText('1 row ticked')).toBeInViewport();
      await expect(apply).toBeInViewport();
      await expect(apply).toHaveText('Apply to 1 ticked');

      // The keyboard: Space ticks the row before it, the bar counts it, and Tab reaches the bar's controls.
      const other = boxes.nth((await boxes.count()) - 2);
      await other.focus();
      await page.keyboard.press('Space');
      await expect(other).toBeChecked();
      await expect(bar.getByText('2 rows ticked')).toBeInViewport();
      await bar.getByLabel('What to change').focus();
      await expect(bar.getByLabel('What to change')).toBeInViewport();
      const path = testInfo.outputPath(`bulk-${viewport.name}.png`);
      await page.screenshot({ path });
      await testInfo.attach(`bulk-${viewport.name}`, { path, contentType: 'image/png' });

      // Nothing ticked: the bar goes back to its place after the table.
      await boxes.last().uncheck();
      await other.uncheck();
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(bar.getByText('No rows ticked')).not.toBeInViewport();
      await page.context().close();
    });
  });
}

test('list: sorting by priority puts high first in the database order, ties by code, and back again', async ({ browser }) => {
  const page = await open(browser, 'viewer', { width: 1280, height: 900 });
  await page.goto('/recommendations?pageSize=100');
  const table = page.getByRole('region', { name: 'Recommendations table' }).getByRole('table');
  await table
    .getByRole('columnheader', { name: /^Priority/ })
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(/sort=priority&dir=desc/);
  await expect(table.getByRole('columnheader', { name: /^Priority/ })).toHaveAttribute('aria-sort', 'descending');

  const RANK: Record<string, number> = { High: 3, Medium: 2, Low: 1 };
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      code: tr.querySelector('th .font-mono')!.textContent.trim(),
      priority: tr.querySelectorAll('td')[tr.querySelectorAll('td').length - 2]!.textContent.trim(),
    })),
  );
  expect(rows.length).toBeGreaterThan(10);
  expect(new Set(rows.map((row) => row.priority))).toEqual(new Set(['High', 'Medium', 'Low']));
  for (let index = 1; index < rows.length; index += 1) {
    const [before, after] = [rows[index - 1]!, rows[index]!];
    const order = RANK[before.priority]! - RANK[after.priority]!;
    expect(order, `${before.code} before ${after.code}`).toBeGreaterThanOrEqual(0);
    if (order === 0) expect(before.code < after.code, `${before.code} before ${after.code}`).toBe(true);
  }

  await table
    .getByRole('columnheader', { name: /^Priority/ })
    .getByRole('link')
    .click();
  await expect(page).toHaveURL(/sort=priority&dir=asc/);
  const firstPriority = await table
    .locator('tbody tr')
    .first()
    .evaluate((tr) => [...tr.querySelectorAll('td')].at(-2)!.textContent.trim());
  expect(firstPriority).toBe('Low');
  await page.context().close();
});

for (const viewport of VIEWPORTS) {
  test(`item (${viewport.name}): a priority change appears in the one timeline with who and when, for editors and viewers; axe clean`, async ({
    browser,
  }, testInfo) => {
    const page = await open(browser, 'editor', viewport);
    const code = await seedItem(page.request);
    await page.goto(`/recommendations/${code}`);
    await page.getByText('Edit the details', { exact: true }).click();
    const form = page.getByRole('form', { name: 'Edit the details' });
    await form.getByLabel('Priority').selectOption({ label: 'High' });
    await form.getByRole('button', { name: 'Save details' }).click();

    const timeline = page.getByRole('list', { name: 'History, newest first' });
    const change = timeline.locator('li[data-kind="fields"]');
    await expect(change).toHaveCount(1);
    await expect(change).toContainText(/Priority: Medium\s*→\s*to High/);
    await expect(change).toContainText('by Eddie Editor');
    // The status history is in the same list: the item started as not started.
    await expect(timeline.locator('li[data-kind="status"]')).toContainText('Started as');
    await expect(page.getByRole('complementary', { name: 'Details and related recommendations' })).toContainText('High');
    await screenshot(page, testInfo, `item-${viewport.name}`);
    await expectAxeClean(page);
    await page.context().close();

    // A viewer reads the same timeline (no audit log needed).
    const viewer = await open(browser, 'viewer', viewport);
    await viewer.goto(`/recommendations/${code}`);
    await expect(viewer.getByRole('list', { name: 'History, newest first' }).locator('li[data-kind="fields"]')).toContainText(/Priority: Medium\s*→\s*to High/);
    await viewer.context().close();
  });
}

test('item: the evidence fieldset says "required" as soon as the chosen status needs evidence, and not otherwise', async ({ browser }) => {
  const page = await open(browser, 'editor', { width: 1280, height: 900 });
  const code = await seedItem(page.request);
  await page.goto(`/recommendations/${code}`);
  const form = page.getByRole('form', { name: 'Change the status' });
  const fieldset = form.getByRole('group', { name: /Evidence with this change/ });
  const body = form.getByLabel(/What shows it happened/);
  await expect(fieldset).toHaveAccessibleName('Evidence with this change (optional)');
  await expect(body).not.toHaveAttribute('aria-required', 'true');

  await form.getByLabel('New status').selectOption({ label: 'Implemented' });
  await expect(fieldset).toHaveAccessibleName('Evidence with this change (required)');
  await expect(form.getByText('Implemented needs evidence, and this recommendation has none yet')).toBeVisible();
  await expect(body).toHaveAttribute('aria-required', 'true');
  await expect(form.getByLabel('What shows it happened (required)')).toBeVisible();

  await form.getByLabel('New status').selectOption({ label: 'In progress' });
  await expect(fieldset).toHaveAccessibleName('Evidence with this change (optional)');
  await expect(body).not.toHaveAttribute('aria-required', 'true');
  await page.context().close();
});

test('view in source: readable paragraphs without page debris, the item highlighted and scrolled to; the extracted text one click away', async ({
  browser,
}, testInfo) => {
  const page = await open(browser, 'viewer', { width: 1280, height: 900 });
  const editor = await open(browser, 'editor', { width: 1280, height: 900 });
  const code = await seedItem(editor.request);
  await editor.context().close();

  await page.goto(`/recommendations/${code}`);
  await page.getByRole('link', { name: 'View in source' }).click();
  await expect(page).toHaveURL(new RegExp(`/recommendations/${code}/source#in-source$`));
  const text = page.getByRole('region', { name: 'Report text' });
  const highlight = page.locator('#in-source');
  await expect(highlight).toBeInViewport();
  await expect(highlight.locator('mark')).toHaveText(ITEM_TEXT);
  // One paragraph each, re-flowed: the item's lines joined; the sentence cut by a page break whole
  // again, without the running header and page number.
  await expect(highlight.locator('p')).toHaveText(`1. ${ITEM_TEXT}`);
  await expect(text.getByText('The participants met in the capital and discussed the state of rural water schemes.', { exact: true })).toBeVisible();
  await expect(text).not.toContainText(HEADER);
  await expect(page.getByRole('link', { name: 'Readable text' })).toHaveAttribute('aria-current', 'page');
  await screenshot(page, testInfo, 'source-readable');
  await expectAxeClean(page);

  await page.getByRole('link', { name: 'Text as extracted' }).click();
  await expect(page).toHaveURL(/view=raw#in-source$/);
  await expect(text).toContainText(HEADER);
  const raw = page.locator('mark#in-source');
  await expect(raw).toBeInViewport();
  expect((await raw.innerText()).replace(/\s+/g, ' ')).toBe(ITEM_TEXT);
  expect(await raw.innerText()).toContain('rural\n');
  await page.context().close();
});
