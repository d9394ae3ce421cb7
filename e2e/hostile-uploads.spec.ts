import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support/roles';
import { makeLyingZipBomb, makePdf, makePng, reportPage } from '../lib/import/extract/test-fixtures';

// Hostile uploads on the page (/imports/new): each bad file is refused with its reason next to the
// file field, within a bounded time, and no draft is created. The API side, with memory bounds and
// every case, is lib/import/hostile-uploads.db.test.ts.

const MB = 1024 * 1024;

const RUN = Date.now().toString(36);

/** This test's drafts, found by file name (other specs import at the same time). */
async function drafts(page: Page) {
  const response = await page.request.get('/api/v1/imports?status=ALL&limit=200');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { sourceFileName: string | null }[] };
  return items.filter((draft) => draft.sourceFileName?.includes(RUN)).length;
}

test.describe('hostile uploads (editor)', () => {
  test.use({ storageState: storageState('editor') });

  test('uploads: truncated, mislabelled, bomb and oversized files are refused on the page with a clear message, in bounded time', async ({ page }) => {
    test.setTimeout(180_000);
    expect(await drafts(page)).toBe(0);
    const pdf = Buffer.from(await makePdf([reportPage(1), reportPage(2)]));
    const cases: { name: string; buffer: Buffer; mimeType: string; message: RegExp }[] = [
      { name: `cut-${RUN}.pdf`, buffer: pdf.subarray(0, Math.floor(pdf.length * 0.6)), mimeType: 'application/pdf', message: /cut short/ },
      { name: `photo-${RUN}.pdf`, buffer: Buffer.from(makePng()), mimeType: 'application/pdf', message: /not a PDF/ },
      {
        name: `bomb-${RUN}.docx`,
        buffer: Buffer.from(await makeLyingZipBomb(2 * 1024 * MB)),
        mimeType: 'application/octet-stream',
        message: /inflates to more than it declares/,
      },
      {
        name: `notes-${RUN}.txt`,
        buffer: Buffer.from('Caf\u00e9 na\u00efve r\u00e9sum\u00e9\n'.repeat(20), 'latin1'),
        mimeType: 'text/plain',
        message: /UTF-8/,
      },
      // Over the importer's limit, and (30 MB) over the server's body limit too: refused before it is sent.
      { name: `big-${RUN}.txt`, buffer: Buffer.alloc(21 * MB, 'a'), mimeType: 'text/plain', message: /21 MB, over the 20 MB limit/ },
      { name: `huge-${RUN}.txt`, buffer: Buffer.alloc(30 * MB, 'a'), mimeType: 'text/plain', message: /30 MB, over the 20 MB limit/ },
    ];
    for (const file of cases) {
      await page.goto('/imports/new');
      await page.getByLabel('Report file').setInputFiles(file);
      const started = Date.now();
      await page.getByRole('button', { name: 'Read the report' }).click();
      await expect(page.locator('#import-file-error'), file.name).toContainText(file.message, { timeout: 30_000 });
      expect(Date.now() - started, `${file.name}: milliseconds to the message`).toBeLessThan(30_000);
      await expect(page.getByLabel('Report file')).toHaveAttribute('aria-invalid', 'true');
      await expect(page).toHaveURL(/\/imports\/new$/);
    }
    expect(await drafts(page)).toBe(0);
  });
});
