import type { Db, Tx } from '@/lib/db';
import { canonicalLocale, canonicalTimeZone, environmentDisplaySettings, type DisplaySettings } from '@/lib/format';
import type { DisplaySettingsInput } from '@/lib/validations/display-settings';

/** The Setting rows that hold the administrator's choices. No row: the server's default. */
export const DISPLAY_SETTING_KEYS = { locale: 'display.locale', timeZone: 'display.timeZone' } as const;

export type StoredDisplaySettings = DisplaySettingsInput;

export async function readStoredDisplaySettings(db: Db | Tx): Promise<StoredDisplaySettings> {
  const rows = await db.setting.findMany({
    where: { key: { in: Object.values(DISPLAY_SETTING_KEYS) } },
    select: { key: true, value: true },
  });
  const value = (key: string) => rows.find((row) => row.key === key)?.value ?? null;
  return { locale: value(DISPLAY_SETTING_KEYS.locale), timeZone: value(DISPLAY_SETTING_KEYS.timeZone) };
}

/**
 * What the formatters use: each stored choice, else the environment's. A stored value this
 * runtime cannot use (say, a time zone a newer server accepted) falls back too, rather than
 * breaking every page.
 */
export function effectiveDisplaySettings(stored: StoredDisplaySettings, defaults: DisplaySettings = environmentDisplaySettings()): DisplaySettings {
  return {
    locale: (stored.locale && canonicalLocale(stored.locale)) || defaults.locale,
    timeZone: (stored.timeZone && canonicalTimeZone(stored.timeZone)) || defaults.timeZone,
  };
}
