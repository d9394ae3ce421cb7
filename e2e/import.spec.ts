import { randomBytes } from 'node:crypto';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { BASE_URL } from '../playwright.config';
import { axe } from './support/axe';
import { storageState } from './support/roles';

// Report import (issue 24): upload, review, leave and resume, confirm; bad files; 80 items; conflicts;
// axe on the new pages. Every test imports a report of its own, named with a random tag.

const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];
/** A draft's review page (not the upload form at /imports/new). */
const REVIEW_URL = /\/imports\/(?!new$)[^/?]+$/;

function report(tag: string): string {
  return [
    `Rural Transport Round Table ${tag}`,
    '',
    'Held on 14 March 2024 at the Civic Hall, Leeds.',
    '',
    'Summary',
    '',
    'Participants discussed how villages reach their markets. The ministry should publish an annual audit of rural bus routes.',
    '',
    'Recommendations',
    '',
    '1. Fund the repair of rural roads within two years.',
    '2. Create a single fund for village bus services.',
    '3. Let councils run that fund together with the operators.',
    '4. Report on the condition of bridges every spring.',
    '5. Train drivers for the night buses. Publish the timetables online.',
    '',
  ].join('\n');
}

async function upload(page: Page, name: string, body: string | Buffer, mimeType = 'text/plain') {
  await page.goto('/imports/new');
  await page.getByLabel('Report file').setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(body) ? body : Buffer.from(body) });
  await page.getByRole('button', { name: 'Read the report' }).click();
}

async function paste(page: Page, text: string) {
  await page.goto('/imports/new');
  await page.getByLabel('Paste the report’s text').fill(text);
  await page.getByRole('button', { name: 'Read the report' }).click();
  await expect(page).toHaveURL(REVIEW_URL);
  await ready(page);
}

const items = (page: Page) =>
  page
    .getByRole('list', { name: /Proposed recommendations/ })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });
const textOf = (page: Page, number: number) => page.getByLabel(`Text of recommendation ${number}`, { exact: true });

/** The review editor is running in the browser (hydrated), so its buttons work. */
async function ready(page: Page) {
  await expect(page.locator('[data-review-ready]')).toBeVisible();
}

async function saved(page: Page) {
  await expect(page.locator('[data-autosave]')).toHaveAttribute('data-autosave', 'saved', { timeout: 15_000 });
}

/** Selects `needle` in the highlighted source text, as a reader would with the mouse. */
async function selectInSource(page: Page, needle: string) {
  await page.evaluate((text) => {
    const root = document.querySelector('[data-source-text]');
    if (!root) throw new Error('no source text');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const at = node.data.indexOf(text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`not in the source: ${text}`);
  }, needle);
}

async function caretAt(textarea: Locator, before: string) {
  await textarea.evaluate((element, text) => {
    const area = element as HTMLTextAreaElement;
    const at = area.value.indexOf(text);
    if (at === -1) throw new Error(`not in the text: ${text}`);
    area.focus();
    area.setSelectionRange(at, at);
  }, before);
}

/** Every item needs a primary theme to be confirmed (the suggestions may have left some without). */
async function chooseThemes(page: Page, count: number) {
  for (let number = 1; number <= count; number++) {
    const theme = page.getByLabel('Primary theme').nth(number - 1);
    if ((await theme.inputValue()) === '') await theme.selectOption({ index: 1 });
  }
}

async function figure(page: Page, term: string): Promise<number> {
  const card = page.locator('dl > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) });
  return Number((await card.locator('dd span').first().innerText()).trim().replace(/[^\d]/g, ''));
}

test.describe('report import (editor)', () => {
  test.use({ storageState: storageState('editor') });

  test('import: upload, review (edit, merge, split, drop, add from the source, move), leave and resume, confirm; the items are listed, counted and found in their source', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const tag = randomBytes(3).toString('hex');
    await upload(page, `transport-${tag}.txt`, report(tag));
    await expect(page).toHaveURL(REVIEW_URL);
    await ready(page);
    const reviewUrl = page.url();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Rural Transport Round Table ${tag}`);
    await expect(page.getByLabel('Title')).toHaveValue(`Rural Transport Round Table ${tag}`);
    await expect(items(page)).toHaveCount(5);
    // Each proposed item is highlighted in the source, numbered.
    await expect(page.locator('[data-source-text] mark[data-keys]').filter({ hasText: 'Fund the repair of rural roads' })).toContainText('1');
    await expect(page.locator('[data-source-text] [data-badge]')).toHaveCount(5);

    // Edit one.
    await textOf(page, 1).fill('Fund the repair of rural roads within two years, school routes first.');
    // Merge two (2 and 3).
    await page.getByRole('button', { name: 'Merge with next (recommendations 2 and 3)' }).click();
    await expect(items(page)).toHaveCount(4);
    await expect(textOf(page, 2)).toHaveValue('Create a single fund for village bus services. Let councils run that fund together with the operators.');
    // Split one (now 4) at the second sentence.
    await caretAt(textOf(page, 4), 'Publish the timetables');
    await page.getByRole('button', { name: 'Split at cursor recommendation 4' }).click();
    await expect(items(page)).toHaveCount(5);
    await expect(textOf(page, 4)).toHaveValue('Train drivers for the night buses.');
    await expect(textOf(page, 5)).toHaveValue('Publish the timetables online.');
    // Drop one (the bridges, now 3).
    await expect(textOf(page, 3)).toHaveValue('Report on the condition of bridges every spring.');
    await page.getByRole('button', { name: 'Drop recommendation 3' }).click();
    await expect(items(page)).toHaveCount(4);
    // Add one from a selection in the source: it goes first, in source order.
    await selectInSource(page, 'The ministry should publish an annual audit of rural bus routes.');
    await expect(page.getByText('Selected: “The ministry should publish')).toBeVisible();
    await page.getByRole('button', { name: 'Add selection as recommendation' }).click();
    await expect(items(page)).toHaveCount(5);
    await expect(textOf(page, 1)).toHaveValue('The ministry should publish an annual audit of rural bus routes.');
    await expect(textOf(page, 1)).toBeFocused();
    // Reorder: the audit goes after the roads.
    await page.getByRole('button', { name: 'Move down recommendation 1' }).click();
    await expect(textOf(page, 2)).toHaveValue('The ministry should publish an annual audit of rural bus routes.');
    await expect(page.getByRole('button', { name: 'Move down recommendation 2' })).toBeFocused();
    await page.getByLabel('Kind').selectOption({ label: 'Round table' });
    await page.getByLabel('Date').fill('2024-03-14');
    await chooseThemes(page, 5);
    await saved(page);

    // Leave, find the draft in the Imports list, resume.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' }).click();
    const row = page.getByRole('row', { name: new RegExp(`Rural Transport Round Table ${tag}`) });
    await expect(row).toContainText('Eddie Editor');
    await expect(row.getByRole('cell').nth(3)).toHaveText('5');
    await row.getByRole('link').click();
    await expect(page).toHaveURL(reviewUrl);
    await ready(page);
    await expect(items(page)).toHaveCount(5);
    const expected = [
      'Fund the repair of rural roads within two years, school routes first.',
      'The ministry should publish an annual audit of rural bus routes.',
      'Create a single fund for village bus services. Let councils run that fund together with the operators.',
      'Train drivers for the night buses.',
      'Publish the timetables online.',
    ];
    for (const [index, text] of expected.entries()) await expect(textOf(page, index + 1)).toHaveValue(text);
    await expect(page.getByLabel('Kind')).toHaveValue('ROUND_TABLE');

    // Confirm: the list of the new seminar's recommendations, with a toast.
    await page.getByRole('button', { name: 'Confirm the import (5)' }).click();
    await expect(page).toHaveURL(/\/recommendations\?seminar=/);
    await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
    const seminarId = new URL(page.url()).searchParams.get('seminar')!;
    await expect(page.getByText(/^5 recommendations/).first()).toBeVisible();
    const table = page.getByRole('region', { name: /Recommendations table/ });
    const hrefs = await table
      .getByRole('link')
      .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href') ?? '').filter((href) => /^\/recommendations\/[^/?]+$/.test(href)))]);
    expect(hrefs).toHaveLength(5);

    // Counted on the dashboard (filtered to the new seminar: the unfiltered total moves with the specs
    // that run beside this one, one of which withdraws an item).
    await page.goto(`/dashboard?seminar=${encodeURIComponent(seminarId)}`);
    expect(await figure(page, 'Recommendations tracked')).toBe(5);

    // "View in source" highlights each one's text in the stored report.
    const highlights: string[] = [];
    for (const href of hrefs) {
      await page.goto(href);
      await page.getByRole('link', { name: 'View in source' }).click();
      const mark = page.locator('#in-source');
      await expect(mark).toBeVisible();
      highlights.push((await mark.innerText()).replace(/\s+/g, ' ').trim());
    }
    const within = (snippet: string) => highlights.some((text) => text.includes(snippet));
    expect(within('Fund the repair of rural roads within two years.')).toBe(true);
    expect(within('The ministry should publish an annual audit of rural bus routes.')).toBe(true);
    expect(highlights.some((text) => text.includes('Create a single fund') && text.includes('Let councils run that fund'))).toBe(true);
    expect(within('Train drivers for the night buses.')).toBe(true);
    expect(within('Publish the timetables online.')).toBe(true);
    expect(within('bridges')).toBe(false);

    // The draft is confirmed: its page links to the seminar instead of the editor.
    await page.goto(reviewUrl);
    await expect(page.getByRole('heading', { name: 'Confirmed' })).toBeVisible();
    await expect(page.getByRole('button', { name: /Confirm the import/ })).toHaveCount(0);
  });

  test('import: a text file named .pdf, or an empty file, is refused with a message next to the field, and nothing is created', async ({ page }) => {
    const count = async () => {
      await page.goto('/imports?show=all');
      return page.getByRole('row').count();
    };
    const before = await count();

    await upload(page, 'report.pdf', 'Recommendations\n1. Not really a PDF.\n', 'application/pdf');
    const file = page.getByLabel('Report file');
    await expect(page.locator('#import-file-error')).toContainText('is not a PDF');
    await expect(file).toHaveAttribute('aria-invalid', 'true');
    await expect(file).toHaveAttribute('aria-describedby', /import-file-error/);
    await expect(page).toHaveURL(/\/imports\/new$/);

    await upload(page, 'empty.txt', Buffer.alloc(0));
    await expect(page.locator('#import-file-error')).toContainText('The file is empty');

    expect(await count()).toBe(before);
  });

  test('import: the review stays responsive with 80 proposed items; a draft can be discarded', async ({ page }) => {
    test.setTimeout(180_000);
    const tag = randomBytes(3).toString('hex');
    const lines = Array.from({ length: 80 }, (_, i) => `${i + 1}. The government should fund programme ${tag}-${i + 1} for rural schools and clinics.`);
    await paste(page, [`Big Report ${tag}`, '', 'Recommendations', '', ...lines, ''].join('\n'));
    await expect(items(page)).toHaveCount(80);
    await expect(page.locator('[data-source-text] [data-badge]')).toHaveCount(80);

    // Typing into one item of 80: the browser's Event Timing says how long each key press took to
    // handle (the page's own work, which a re-render of every row or of the whole source would inflate).
    const textarea = textOf(page, 40);
    await textarea.click();
    await textarea.press('End');
    await page.evaluate(() => {
      const slowest = { ms: 0 };
      (window as unknown as { slowestKey: typeof slowest }).slowestKey = slowest;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as PerformanceEventTiming[]) {
          if (['keydown', 'keypress', 'keyup', 'beforeinput', 'input'].includes(entry.name))
            slowest.ms = Math.max(slowest.ms, entry.processingEnd - entry.processingStart);
        }
      }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
    });
    await textarea.pressSequentially(' Also fund teachers.');
    await expect(textarea).toHaveValue(new RegExp(' Also fund teachers\\.$'));
    const slowest = await page.evaluate(() => (window as unknown as { slowestKey: { ms: number } }).slowestKey.ms);
    expect(slowest).toBeLessThan(250);
    await page.getByRole('button', { name: 'Move up recommendation 80' }).click();
    await expect(textOf(page, 79)).toHaveValue(new RegExp(`programme ${tag}-80 `));
    await saved(page);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Discard the draft' }).click();
    await expect(page).toHaveURL(/\/imports$/);
    await expect(page.getByRole('status').filter({ hasText: 'Discarded' })).toBeVisible();
    await expect(page.getByRole('row', { name: new RegExp(`Big Report ${tag}`) })).toHaveCount(0);
  });

  test('import: two editors on one draft; the later save is refused naming the other, and only one confirm wins', async ({ page, browser }) => {
    const tag = randomBytes(3).toString('hex');
    await paste(page, report(tag));
    const url = page.url();
    const other = await browser.newContext({ storageState: storageState('admin') });
    const otherPage = await other.newPage();
    await otherPage.goto(url);
    await ready(otherPage);
    await expect(items(otherPage)).toHaveCount(5);

    await otherPage.getByLabel('Kind').selectOption({ label: 'Workshop' });
    await otherPage.getByLabel('Date').fill('2024-03-14');
    await chooseThemes(otherPage, 5);
    await saved(otherPage);

    await textOf(page, 1).fill('An edit made on a page that is out of date.');
    const status = page.locator('[data-autosave]');
    await expect(status).toHaveAttribute('data-autosave', 'conflict', { timeout: 15_000 });
    await expect(status).toContainText('Could not save');
    await expect(status).toContainText('Ada Admin');
    await expect(page.getByRole('button', { name: /Reload the draft/ })).toBeVisible();

    // The other editor confirms; a second confirm (from a reloaded page that still shows the editor) is told.
    await page.getByRole('button', { name: /Reload the draft/ }).click();
    await expect(page.getByLabel('Kind')).toHaveValue('WORKSHOP');
    await ready(page);
    await otherPage.getByRole('button', { name: 'Confirm the import (5)' }).click();
    await expect(otherPage).toHaveURL(/\/recommendations\?seminar=/);
    await page.getByRole('button', { name: 'Confirm the import (5)' }).click();
    await expect(page.getByText(/already confirmed|confirmed by|was confirmed/i).first()).toBeVisible();
    await other.close();
  });

  test('axe: the Imports list, the upload form and the review screen have no WCAG 2.2 AA violations, light and dark', async ({ browser }) => {
    test.setTimeout(120_000);
    const context = await browser.newContext({ storageState: storageState('editor'), colorScheme: 'light' });
    await context.addCookies([{ name: 'theme', value: 'light', url: BASE_URL }]);
    const page = await context.newPage();
    const tag = randomBytes(3).toString('hex');
    await paste(page, report(tag));
    const review = page.url();
    const failures: Record<string, string[]> = {};
    for (const url of ['/imports', '/imports/new', review]) {
      await page.goto(url);
      await expect(page.locator('main')).toBeVisible();
      const light = (await axe(page).analyze()).violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
      if (light.length) failures[`${url} (light)`] = light;
      await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
      await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
      const dark = (await axe(page).withRules(COLOUR_RULES).analyze()).violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
      if (dark.length) failures[`${url} (dark)`] = dark;
    }
    // The review screen with an item selected (its highlight emphasised) and at phone width.
    await page.goto(review);
    await ready(page);
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
    await page.getByRole('button', { name: 'Show in source (recommendation 2)' }).click();
    await page.setViewportSize({ width: 360, height: 800 });
    const narrow = (await axe(page).analyze()).violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
    if (narrow.length) failures[`${review} (360 px, selected)`] = narrow;
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    expect(failures).toEqual({});
    await context.close();
  });
});

test.describe('report import (viewer)', () => {
  test.use({ storageState: storageState('viewer') });

  test('import: a viewer sees neither the Imports link nor the Import a report button', async ({ page }) => {
    await page.goto('/seminars');
    await expect(page.getByRole('link', { name: 'Import a report' })).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Imports' })).toHaveCount(0);
  });
});
