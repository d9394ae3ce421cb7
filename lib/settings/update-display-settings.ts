import type { Db } from '@/lib/db';
import { writeAudit } from '@/lib/audit/write-audit';
import { requireRole, type Actor } from '@/lib/auth/actor';
import type { DisplaySettingsInput } from '@/lib/validations/display-settings';
import { DISPLAY_SETTING_KEYS, readStoredDisplaySettings, type StoredDisplaySettings } from './display-settings';

export type DisplaySettingsUpdate = { changed: boolean; before: StoredDisplaySettings; after: StoredDisplaySettings };

/**
 * Saves the display locale and time zone (null: back to the server's default) and audits the
 * change in the same transaction. Saving what is already stored writes nothing.
 */
export async function updateDisplaySettings(db: Db, input: DisplaySettingsInput, actor: Actor): Promise<DisplaySettingsUpdate> {
  requireRole(actor, 'ADMIN');
  return db.$transaction(async (tx) => {
    const before = await readStoredDisplaySettings(tx);
    const after: StoredDisplaySettings = { locale: input.locale, timeZone: input.timeZone };
    if (before.locale === after.locale && before.timeZone === after.timeZone) return { changed: false, before, after };
    for (const field of ['locale', 'timeZone'] as const) {
      if (before[field] === after[field]) continue;
      const key = DISPLAY_SETTING_KEYS[field];
      const value = after[field];
      if (value === null) await tx.setting.deleteMany({ where: { key } });
      else await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
    }
    await writeAudit(tx, { actor, action: 'settings.update', entityType: 'setting', entityId: 'display', before, after });
    return { changed: true, before, after };
  });
}
