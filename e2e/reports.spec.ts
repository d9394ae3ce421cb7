import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractText } from 'unpdf';
import { storageState } from './support/roles';

test.describe('quarterly summary', () => {
  test.use({ storageState: storageState('viewer') });

  test('a viewer downloads the PDF of a quarter from the page, with progress shown while it is made', async ({ page }) => {
    await page.goto('/reports?quarter=2015-Q1');
    await expect(page.getByRole('heading', { name: 'Quarterly summary', level: 1 })).toBeVisible();
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: /^PDF/ }).click();
    await expect(page.getByRole('status').filter({ hasText: /Preparing|Downloaded/ })).toBeVisible();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('tracker-2015-Q1.pdf');
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(new Uint8Array(file), { mergePages: true });
    expect(text).toContain('2015 Q1');
    expect(text).toContain('19 recommendations tracked');
    expect(text).toContain('2015-R12 Engage the media of both countries');
    expect(text).toMatch(/Page 1 of \d+/);
    await expect(page.getByRole('status').filter({ hasText: 'Downloaded tracker-2015-Q1.pdf' })).toBeVisible();
  });

  test('bad input to the export API is a 400 with the field named, never a 500', async ({ page }) => {
    const response = await page.request.get('/api/v1/reports/quarterly?quarter=2099-Q9&format=doc');
    expect(response.status()).toBe(400);
    const { error } = await response.json();
    expect(Object.keys(error.fields).sort()).toEqual(expect.arrayContaining(['format', 'quarter']));
  });
});
