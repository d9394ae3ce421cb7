import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { tracker } from './support/cli';
import { storageState } from './support/roles';

// Issue 24, recurring recommendations: an editor links a new report's ask to the same ask made at an
// earlier seminar; the item says "asked before", the list filters to recurring items, and the
// dashboard lists the ask while its latest ask is open. Both reports are imported through the CLI,
// dated after the seeded ones, so the figures other specs read are unchanged.

type Confirmed = { seminar: { id: string; title: string }; recommendations: { code: string }[] };

function importReport(title: string, date: string, ask: string): Confirmed {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'recurring-'));
  const file = path.join(dir, 'report.txt');
  writeFileSync(file, ['Report of the round table', '', 'Recommendations', '', `1. ${ask}`, ''].join('\n'));
  const output = tracker(['import', file, '--confirm', '--json', '--kind', 'round_table', '--title', title, '--date', date, '--theme', 'energy']);
  return JSON.parse(output.slice(output.indexOf('{'))) as Confirmed;
}

test.describe('recurring asks (editor)', () => {
  test.use({ storageState: storageState('editor') });

  test('a link to the same ask made earlier shows as "asked before", in the recurring filter and on the dashboard', async ({ page }) => {
    test.setTimeout(120_000);
    const word = `tidal${Date.now()}`;
    const ask = `Both governments should publish the ${word} gauge readings every week.`;
    const earlier = importReport(`Coastal round table ${word}`, '2021-04-01', ask);
    const later = importReport(`Coastal round table revisited ${word}`, '2024-06-01', ask);
    const earlierCode = earlier.recommendations[0]!.code;
    const laterCode = later.recommendations[0]!.code;

    await page.goto(`/recommendations/${laterCode}`);
    await expect(page.getByRole('heading', { name: 'A recurring ask' })).toHaveCount(0);
    await page.getByText('Link a related recommendation').click();
    const form = page.getByRole('form', { name: 'Link a related recommendation' });
    await form.getByLabel('Code of the related recommendation').fill(earlierCode);
    await form.getByRole('button', { name: 'Add link' }).click();

    const recurrence = page.getByRole('region', { name: 'A recurring ask' });
    await expect(recurrence).toBeVisible();
    await expect(recurrence.getByRole('heading', { name: 'Asked before' })).toBeVisible();
    await expect(recurrence.getByRole('link', { name: earlierCode })).toBeVisible();
    await expect(recurrence).toContainText(earlier.seminar.title);
    await expect(page.getByRole('link', { name: 'Asked before (1)' })).toBeVisible();

    // The earlier item says it was asked again.
    await recurrence.getByRole('link', { name: earlierCode }).click();
    await expect(page.getByRole('region', { name: 'A recurring ask' }).getByRole('heading', { name: 'Asked again since' })).toBeVisible();

    // The list: the recurring filter keeps both; an unrelated search with it keeps none.
    await page.goto(`/recommendations?q=${word}&recurring=true`);
    const table = page.getByRole('table');
    await expect(table.getByRole('row', { name: new RegExp(earlierCode) })).toBeVisible();
    await expect(table.getByRole('row', { name: new RegExp(laterCode) })).toBeVisible();
    await expect(page.getByLabel(/^Recurring/)).toBeChecked();

    // The dashboard, filtered to the later seminar: the ask with both seminars.
    await page.goto(`/dashboard?seminar=${later.seminar.id}`);
    const panel = page.getByRole('region', { name: 'Recurring asks still open' });
    await expect(panel.getByRole('link', { name: new RegExp(laterCode) }).first()).toBeVisible();
    await expect(panel).toContainText(earlier.seminar.title);
    await expect(panel).toContainText(later.seminar.title);
  });
});
