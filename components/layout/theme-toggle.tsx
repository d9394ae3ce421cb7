'use client';

import { useState } from 'react';
import { THEME_COOKIE, THEMES, type ThemePreference } from '@/lib/theme/theme-preference';

const LABEL: Record<ThemePreference, string> = { system: 'System', light: 'Light', dark: 'Dark' };

function applyTheme(next: ThemePreference) {
  document.cookie = `${THEME_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
  if (next === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = next;
}

/** Three radio buttons: follow the system, or force light or dark. The choice persists for a year. */
export function ThemeToggle({ initial }: { initial: ThemePreference }) {
  const [theme, setTheme] = useState(initial);

  function choose(next: ThemePreference) {
    setTheme(next);
    applyTheme(next);
  }

  return (
    <fieldset className="text-sm">
      <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted">Theme</legend>
      <div className="flex gap-1">
        {THEMES.map((option) => (
          <label
            key={option}
            className={`cursor-pointer rounded-md border px-2 py-1 has-[:focus-visible]:outline has-[:focus-visible]:outline-2 ${
              theme === option ? 'border-accent font-semibold' : 'border-border'
            }`}
          >
            <input type="radio" name="theme" value={option} checked={theme === option} onChange={() => choose(option)} className="sr-only" />
            {LABEL[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
