import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { extractText } from 'unpdf';
import { BASE_URL } from '../playwright.config';
import { axe } from './support/axe';
import { storageState } from './support/roles';

// The audit log as an administrator reads it, and the quarterly summary as the board reads it, with
// an item of their own: 2012-R05, moved to no longer relevant and then to partially implemented in
// 2024 Q1 with evidence whose web address is long.
const CODE = '2012-R05';
const URL_IN_EVIDENCE = 'https://www.finance.gov.example/publications/2024/annual-reports/implementation-of-the-joint-working-group-recommendations.pdf';

test.describe.configure({ mode: 'serial' });

async function recordChanges(browser: Browser): Promise<void> {
  const editor = await browser.newContext({ storageState: storageState('editor') });
  const request = editor.request;
  const version = async () => (await (await request.get(`${BASE_URL}/api/v1/recommendations/${CODE}`)).json()).recommendation.version as number;
  const post = async (data: object) => {
    const response = await request.post(`${BASE_URL}/api/v1/recommendations/${CODE}/status`, {
      headers: { origin: BASE_URL },
      data: { ...data, expectedVersion: await version() },
    });
    expect(response.status(), await response.text()).toBe(200);
  };
  await post({ status: 'NO_LONGER_RELEVANT', effectiveDate: '2024-02-01', note: 'Overtaken by the new treaty.' });
  await post({
    status: 'PARTIALLY_IMPLEMENTED',
    effectiveDate: '2024-03-15',
    evidence: {
      body: 'The finance ministry published its implementation report.',
      evidenceDate: '2024-03-15',
      sourceTitle: 'Annual report',
      sourceUrl: URL_IN_EVIDENCE,
    },
  });
  await editor.close();
}

async function axeLightAndDark(page: Page): Promise<void> {
  expect((await axe(page).analyze()).violations).toEqual([]);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  expect((await axe(page).analyze()).violations).toEqual([]);
  await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.describe('audit log and quarterly summary, for the people who read them', () => {
  test.use({ storageState: storageState('admin') });

  test.beforeAll(async ({ browser }) => {
    await recordChanges(browser);
  });

  test('audit: entries read as sentences with the person and the code linked; search by code; the recorded data one click away', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/admin/audit');
    await page.getByLabel('Recommendation code').fill(CODE.toLowerCase());
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page).toHaveURL(/code=2012-r05/);
    const table = page.getByRole('table');
    const changed = `Eddie Editor changed ${CODE} from No longer relevant to Partially implemented, effective 15 Mar 2024.`;
    await expect(table.getByText(changed)).toBeVisible();
    await expect(table.getByText(`Eddie Editor added evidence to ${CODE}.`)).toBeVisible();
    // Every entry found is about that recommendation.
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    for (const text of await rows.locator('td > p:first-child').allInnerTexts()) expect(text).toContain(CODE);
    // The evidence's fields by name, the address whole in one piece of text.
    await expect(table.locator('dd', { hasText: URL_IN_EVIDENCE })).toBeVisible();

    const row = table.locator('tr', { has: page.getByText(changed) });
    await expect(row.getByRole('link', { name: 'Eddie Editor' })).toHaveAttribute('href', /^\/admin\/users#user-/);
    await row.locator('summary').click();
    await expect(row.locator('pre').last()).toContainText('"toStatus": "PARTIALLY_IMPLEMENTED"');
    await page.screenshot({ path: test.info().outputPath('audit-1280.png'), fullPage: true });
    await axeLightAndDark(page);

    await row.getByRole('link', { name: CODE }).click();
    await expect(page).toHaveURL(new RegExp(`/recommendations/${CODE}$`));
  });

  test('audit: sign-ins and sign-outs are hidden until asked for', async ({ page }) => {
    await page.goto('/admin/audit?entityType=user');
    const table = page.getByRole('table');
    await expect(table.locator('tbody tr').first()).toBeVisible();
    await expect(table.getByText(/ signed in/)).toHaveCount(0);
    await page.getByLabel('Show sign-ins and sign-outs').check();
    await page.getByRole('button', { name: 'Show entries' }).click();
    await expect(page).toHaveURL(/signIns=show/);
    await expect(table.getByText(/^Eddie Editor signed in/).first()).toBeVisible();
  });

  test('audit: at 390 px the log reads without sideways scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/admin/audit?code=${CODE}`);
    await expect(page.getByRole('table').getByText(`Eddie Editor added evidence to ${CODE}.`)).toBeVisible();
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: test.info().outputPath('audit-390.png'), fullPage: true });
    await axeLightAndDark(page);
  });

  test('print page: highlights, the address as a link that wraps at slashes, the column for items left out, chart labels whole', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/reports/2024-Q1');
    await expect(page.getByRole('heading', { name: 'The quarter at a glance' })).toBeVisible();
    const link = page.getByRole('link', { name: URL_IN_EVIDENCE });
    await expect(link).toHaveAttribute('href', URL_IN_EVIDENCE);
    await expect(page.getByRole('columnheader', { name: 'No longer relevant' }).first()).toBeVisible();
    await expect(page.getByText('Changes in progress are in percentage points (pp)')).toBeVisible();
    // Each panel's last quarter label ends inside its chart.
    const clipped = await page.locator('figure svg[viewBox]').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('text')]
          .map((label) => ({ label: label.textContent, rect: label.getBoundingClientRect() }))
          .filter(({ rect }) => rect.right > box.right + 0.5 || rect.left < box.left - 0.5)
          .map(({ label, rect }) => `${label}: ${rect.left}-${rect.right} outside ${box.left}-${box.right}`);
      }),
    );
    expect(clipped).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('report-1280.png'), fullPage: true });
    await page
      .locator('section', { has: page.getByRole('heading', { name: 'The quarter at a glance' }) })
      .screenshot({ path: test.info().outputPath('report-glance.png') });
    await page
      .locator('figure')
      .first()
      .screenshot({ path: test.info().outputPath('report-chart.png') });
    await axeLightAndDark(page);

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await expect(link).toBeVisible();
    // The address wraps inside its cell rather than running out of it.
    const fits = await link.evaluate((element) => element.getBoundingClientRect().right <= element.closest('td')!.getBoundingClientRect().right + 0.5);
    expect(fits).toBe(true);
    await page.screenshot({ path: test.info().outputPath('report-390.png'), fullPage: true });
  });

  test('pdf: the long address is whole in the text and a link; the pages are kept as pictures', async ({ page }) => {
    const response = await page.request.get('/api/v1/reports/quarterly?quarter=2024-Q1&format=pdf');
    expect(response.status()).toBe(200);
    const file = await response.body();
    const { text } = await extractText(new Uint8Array(file), { mergePages: true });
    expect(text.replace(/([/?&=\-._~])\s+/g, '$1')).toContain(URL_IN_EVIDENCE);
    expect(text).toContain('The quarter at a glance');
    // Drawn by pdf.js in the browser, one picture per page, kept with the test's output.
    const pdfjs = readFileSync('node_modules/unpdf/dist/pdfjs.mjs', 'utf8');
    await page.route('http://pdf.test/**', (route) =>
      route.fulfill(
        route.request().url().endsWith('pdfjs.mjs')
          ? { body: pdfjs, contentType: 'text/javascript' }
          : route.request().url().endsWith('report.pdf')
            ? { body: file, contentType: 'application/pdf' }
            : { body: '<!doctype html><title>PDF</title><body style="margin:0;background:#888"></body>', contentType: 'text/html' },
      ),
    );
    await page.goto('http://pdf.test/');
    const pages = await page.evaluate(async () => {
      const moduleUrl = 'http://pdf.test/pdfjs.mjs';
      const { getDocument } = await import(moduleUrl);
      const data = new Uint8Array(await (await fetch('http://pdf.test/report.pdf')).arrayBuffer());
      const document = await getDocument({ data }).promise;
      const annotations: string[] = [];
      for (let number = 1; number <= document.numPages; number += 1) {
        const pdfPage = await document.getPage(number);
        const viewport = pdfPage.getViewport({ scale: 1.25 });
        const canvas = window.document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.style.display = 'block';
        canvas.style.marginBottom = '8px';
        window.document.body.append(canvas);
        await pdfPage.render({ canvasContext: canvas.getContext('2d')!, viewport }).promise;
        for (const annotation of await pdfPage.getAnnotations()) if (annotation.url) annotations.push(annotation.url);
      }
      return { count: document.numPages as number, annotations };
    });
    expect(pages.annotations).toContain(URL_IN_EVIDENCE);
    const canvases = page.locator('canvas');
    await expect(canvases).toHaveCount(pages.count);
    for (let index = 0; index < pages.count; index += 1) {
      await canvases.nth(index).screenshot({ path: test.info().outputPath(`pdf-page-${index + 1}.png`) });
    }
  });
});
