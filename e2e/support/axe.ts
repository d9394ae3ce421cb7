import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** The WCAG 2.2 AA rule set every scan uses. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * An axe scan of the page at WCAG 2.2 AA. Legacy mode runs axe.run in the page itself: the default
 * mode opens a blank page per scan to combine the frames' results, and the app has no frames. Only
 * the violations' nodes are collected (the passes' are never read), which halves a scan's time.
 */
export function axe(page: Page): AxeBuilder {
  return new AxeBuilder({ page })
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .withTags(WCAG_TAGS);
}

/** What a scan found, one line per rule: its id and the elements it failed on. */
function violationsOf(results: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`);
}

/**
 * No WCAG 2.2 AA violation in the light theme, and none of the colour rules in the dark one (the
 * rest of the page does not change with the theme). Leaves the page in the light theme.
 */
export async function expectAxeClean(page: Page): Promise<void> {
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
  expect(violationsOf(await axe(page).analyze()), 'light theme').toEqual([]);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
  expect(violationsOf(await axe(page).withRules(['color-contrast', 'link-in-text-block']).analyze()), 'dark theme').toEqual([]);
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'light'));
}
