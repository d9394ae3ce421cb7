// Light, dark, or whatever the system says. Kept in a cookie so the server renders the right
// theme on the first byte: no flash, and no inline script (which the CSP forbids).
export const THEMES = ['system', 'light', 'dark'] as const;
export type ThemePreference = (typeof THEMES)[number];
export const THEME_COOKIE = 'theme';

export function parseTheme(value: string | undefined): ThemePreference {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as ThemePreference) : 'system';
}
