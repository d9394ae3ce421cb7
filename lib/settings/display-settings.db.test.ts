import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber } from '@/lib/format';
import { testDb } from '@/lib/test/test-db';
import { seedUser } from '@/lib/test/user-factory';
import { displaySettingsSchema } from '@/lib/validations/display-settings';
import { DISPLAY_SETTING_KEYS, effectiveDisplaySettings, readStoredDisplaySettings } from './display-settings';
import { applySavedDisplaySettings, DISPLAY_SETTINGS_TTL_MS, refreshDisplaySettings, resetDisplaySettingsCache } from './display-settings-cache';
import { updateDisplaySettings } from './update-display-settings';

const db = testDb();

// ICU versions differ in the space they put before AM/PM (a narrow no-break space or a plain one).
const plain = (text: string) => text.replace(/\s/g, ' ');

const settingsAudit = () => db.auditLog.findMany({ where: { action: 'settings.update', entityId: 'display' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

// The settings are one row each for the whole database: start every test from "server default".
afterEach(async () => {
  await db.setting.deleteMany({ where: { key: { in: Object.values(DISPLAY_SETTING_KEYS) } } });
  await db.auditLog.deleteMany({ where: { action: 'settings.update' } });
  resetDisplaySettingsCache();
});
afterAll(() => db.$disconnect());

describe('display settings: saving', () => {
  it('settings: a new locale and time zone are stored and audited with before and after, in one go', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const input = displaySettingsSchema.parse({ locale: 'en-US', timeZone: 'Asia/Karachi' });
    const result = await updateDisplaySettings(db, input, admin.actor);
    expect(result.changed).toBe(true);
    expect(await readStoredDisplaySettings(db)).toEqual({ locale: 'en-US', timeZone: 'Asia/Karachi' });
    const audit = await settingsAudit();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(admin.id);
    expect(audit[0]!.entityType).toBe('setting');
    expect(JSON.parse(audit[0]!.before!)).toEqual({ locale: null, timeZone: null });
    expect(JSON.parse(audit[0]!.after!)).toEqual({ locale: 'en-US', timeZone: 'Asia/Karachi' });
  });

  it('settings: saving what is already stored writes nothing, not even an audit row', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    await updateDisplaySettings(db, { locale: 'de-DE', timeZone: 'Europe/Berlin' }, admin.actor);
    const again = await updateDisplaySettings(db, { locale: 'de-DE', timeZone: 'Europe/Berlin' }, admin.actor);
    expect(again.changed).toBe(false);
    expect(await settingsAudit()).toHaveLength(1);
  });

  it('settings: choosing the server default removes the stored value, and the environment applies again', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    await updateDisplaySettings(db, { locale: 'fr-FR', timeZone: 'Europe/Paris' }, admin.actor);
    await updateDisplaySettings(db, displaySettingsSchema.parse({ locale: '', timeZone: 'Europe/Paris' }), admin.actor);
    const stored = await readStoredDisplaySettings(db);
    expect(stored).toEqual({ locale: null, timeZone: 'Europe/Paris' });
    expect(await db.setting.count({ where: { key: DISPLAY_SETTING_KEYS.locale } })).toBe(0);
    expect(effectiveDisplaySettings(stored, { locale: 'en-GB', timeZone: 'UTC' })).toEqual({ locale: 'en-GB', timeZone: 'Europe/Paris' });
    const audit = await settingsAudit();
    expect(JSON.parse(audit[1]!.before!)).toEqual({ locale: 'fr-FR', timeZone: 'Europe/Paris' });
    expect(JSON.parse(audit[1]!.after!)).toEqual({ locale: null, timeZone: 'Europe/Paris' });
  });

  it('settings: if the audit row cannot be written, the settings are not changed either', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    // An actor id that is no user breaks the audit row's foreign key, inside the same transaction.
    const ghost = { ...admin.actor, id: 'no-such-user', label: 'ghost@example.org' };
    await expect(updateDisplaySettings(db, { locale: 'en-US', timeZone: 'UTC' }, ghost)).rejects.toThrow();
    expect(await readStoredDisplaySettings(db)).toEqual({ locale: null, timeZone: null });
    expect(await settingsAudit()).toHaveLength(0);
    await updateDisplaySettings(db, { locale: 'en-US', timeZone: 'UTC' }, admin.actor);
    expect(await settingsAudit()).toHaveLength(1);
  });
});

describe('display settings: validation (the form and the server share the schema)', () => {
  it('settings: every field is required; an empty choice means the server default', () => {
    const missing = displaySettingsSchema.safeParse({});
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((issue) => issue.path.join('.')).sort()).toEqual(['locale', 'timeZone']);
    expect(displaySettingsSchema.parse({ locale: '', timeZone: '' })).toEqual({ locale: null, timeZone: null });
  });

  it('settings: an unknown locale and a made-up or offset time zone are refused with a message for each field, and nothing is saved', async () => {
    for (const input of [
      { locale: 'not a locale', timeZone: 'Mars/Olympus_Mons' },
      { locale: 'zz-ZZ-x-private-too-long-for-a-tag', timeZone: '+05:00' },
    ]) {
      const result = displaySettingsSchema.safeParse(input);
      expect(result.success).toBe(false);
      const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
      expect(messages.locale).toMatch(/not a locale this server can show/);
      expect(messages.timeZone).toMatch(/not an IANA time zone/);
    }
    expect(await readStoredDisplaySettings(db)).toEqual({ locale: null, timeZone: null });
  });

  it('settings: spellings are made canonical, so the list shows the stored choice', () => {
    expect(displaySettingsSchema.parse({ locale: 'en-us', timeZone: 'asia/karachi' })).toEqual({ locale: 'en-US', timeZone: 'Asia/Karachi' });
    expect(displaySettingsSchema.parse({ locale: ' de-DE ', timeZone: 'utc' })).toEqual({ locale: 'de-DE', timeZone: 'UTC' });
  });
});

describe('display settings: what the formatters use', () => {
  const moment = new Date('2024-03-01T12:00:00Z');

  it('formatters: a server picks up a change saved elsewhere once its copy is older than the TTL', async () => {
    const admin = await seedUser(db, { role: 'ADMIN' });
    const start = Date.now();
    await refreshDisplaySettings(db, start);
    expect(formatDateTime(moment)).toBe('1 Mar 2024, 12:00');

    // Another server saves: this one still has a fresh copy, so nothing changes yet.
    await updateDisplaySettings(db, { locale: 'en-US', timeZone: 'Asia/Karachi' }, admin.actor);
    await refreshDisplaySettings(db, start + 1);
    expect(formatDateTime(moment)).toBe('1 Mar 2024, 12:00');

    await refreshDisplaySettings(db, start + DISPLAY_SETTINGS_TTL_MS + 1);
    expect(plain(formatDateTime(moment))).toBe('Mar 1, 2024, 5:00 PM');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    // Calendar dates stay on their day whatever the zone.
    expect(formatDate(new Date(Date.UTC(2015, 1, 12)))).toBe('Feb 12, 2015');
  });

  it('formatters: the server that saved uses the new settings at once', async () => {
    await refreshDisplaySettings(db);
    applySavedDisplaySettings({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(formatDateTime(moment)).toBe('01.03.2024, 13:00');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    // A refresh within the TTL does not read the older database state over it.
    await refreshDisplaySettings(db);
    expect(formatNumber(1234.5)).toBe('1.234,5');
  });

  it('formatters: a stored value this runtime cannot use falls back to the default instead of breaking pages', async () => {
    await db.setting.create({ data: { key: DISPLAY_SETTING_KEYS.timeZone, value: 'Nowhere/Imaginary' } });
    const settings = await refreshDisplaySettings(db);
    expect(settings.timeZone).toBe(process.env.APP_TIME_ZONE || 'UTC');
  });
});
