import { z } from 'zod';
import { canonicalLocale, canonicalTimeZone } from '@/lib/format';

// How dates, times and numbers are shown (/admin/settings). One schema for the form and the
// server action. An empty choice means "the server's default" (APP_LOCALE, APP_TIME_ZONE).

/** The locales the settings page offers; any other locale the server supports is accepted too. */
export const DISPLAY_LOCALES = ['en-GB', 'en-US', 'en-PK', 'ur-PK', 'ar-SA', 'fa-IR', 'tr-TR', 'ru-RU', 'zh-CN', 'fr-FR', 'de-DE', 'es-ES'] as const;

export const localeSettingSchema = z
  .string({ error: 'Choose a locale.' })
  .trim()
  .max(64, 'Choose a locale from the list.')
  .transform((value, context) => {
    if (value === '') return null;
    const locale = canonicalLocale(value);
    if (!locale) {
      context.addIssue({ code: 'custom', message: `“${value}” is not a locale this server can show dates and numbers in. Choose one from the list.` });
      return z.NEVER;
    }
    return locale;
  });

export const timeZoneSettingSchema = z
  .string({ error: 'Choose a time zone.' })
  .trim()
  .max(64, 'Choose a time zone from the list.')
  .transform((value, context) => {
    if (value === '') return null;
    const timeZone = canonicalTimeZone(value);
    if (!timeZone) {
      context.addIssue({ code: 'custom', message: `“${value}” is not an IANA time zone, such as Asia/Karachi or Europe/London. Choose one from the list.` });
      return z.NEVER;
    }
    return timeZone;
  });

export const displaySettingsSchema = z.object({ locale: localeSettingSchema, timeZone: timeZoneSettingSchema });

/** What is stored: null means "the server's default". */
export type DisplaySettingsInput = z.infer<typeof displaySettingsSchema>;
