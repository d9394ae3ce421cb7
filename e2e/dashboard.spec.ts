import { expect, test, type Page } from '@playwright/test';
import { storageState } from './support/roles';

// Works on the 2012 round table's last recommendation, which no other spec touches.
const CODE = '2012-R07';

async function figure(page: Page, term: string): Promise<string> {
  const card = page.locator('dl > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) });
  return (await card.locator('dd span').first().innerText()).trim();
}

test.describe('dashboard', () => {
  test.use({ storageState: storageState('editor') });

  test('a status change made in the UI moves the headline figures and the charts, and a bar segment drills down to exactly those items', async ({ page }) => {
    const { items: seminars } = await (await page.request.get('/api/v1/seminars')).json();
    const roundTable = seminars.find((seminar: { title: string }) => seminar.title.startsWith('Pak Russia Relations'));
    const { recommendation } = await (await page.request.get(`/api/v1/recommendations/${CODE}`)).json();
    const theme: string = recommendation.primaryTheme.name;
    const dashboard = `/dashboard?seminar=${roundTable.id}`;

    // Each seminar on the seminars page opens the dashboard filtered to it.
    await page.goto('/seminars');
    await page.getByRole('link', { name: `Dashboard for ${roundTable.title}` }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?seminar=${roundTable.id}$`));
    await expect(page.getByRole('list', { name: 'Filters in force' }).getByRole('link', { name: `Remove filter Seminar: ${roundTable.title}` })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Headline figures' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Progress by theme over time' })).toBeVisible();
    const implementedBefore = Number(await figure(page, 'Implemented'));
    const progressBefore = await figure(page, 'Weighted progress');

    await page.goto(`/recommendations/${CODE}`);
    const form = page.getByRole('form', { name: 'Change the status' });
    await form.getByLabel('New status').selectOption({ label: 'Implemented' });
    await form.getByLabel('What shows it happened').fill('Joint space programme announced by both agencies.');
    await form.getByLabel('Note (optional)').fill('Done.');
    await form.getByRole('button', { name: 'Record status change' }).click();
    await expect(page.getByRole('list', { name: 'History, newest first' }).locator('li[data-kind="status"]')).toHaveCount(2);

    await page.goto(dashboard);
    expect(Number(await figure(page, 'Implemented'))).toBe(implementedBefore + 1);
    expect(await figure(page, 'Weighted progress')).not.toBe(progressBefore);

    // The "Status by theme" chart's table shows the implemented item under its primary theme.
    const statusByTheme = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Status by theme' }) });
    await statusByTheme.getByText('Show as table').click();
    await expect(statusByTheme.getByRole('row', { name: new RegExp(theme) })).toBeVisible();

    const segment = statusByTheme.getByRole('link', { name: new RegExp(`^${escape(theme)}: \\d+ implemented`) });
    const count = Number(/: (\d+) implemented/.exec((await segment.getAttribute('aria-label')) ?? '')?.[1]);
    expect(count).toBeGreaterThanOrEqual(1);
    await segment.click();
    await expect(page).toHaveURL(/\/recommendations\?/);
    expect(page.url()).toContain('themeScope=primary');
    expect(page.url()).toContain('status=IMPLEMENTED');
    await expect(page.getByText(CODE).first()).toBeVisible();
    await expect(page.getByText(new RegExp(`^${count} recommendations?`)).first()).toBeVisible();
  });

  test('"as of" a past date shows the dashboard as it stood then', async ({ page }) => {
    await page.goto('/dashboard?asOf=2013-01-01');
    expect(Number(await figure(page, 'Recommendations tracked'))).toBe(7);
    expect(await figure(page, 'Implemented')).toBe('0');
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
