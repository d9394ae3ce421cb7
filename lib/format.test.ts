import { afterEach, describe, expect, it } from 'vitest';
import {
  canonicalLocale,
  canonicalTimeZone,
  displaySettings,
  environmentDisplaySettings,
  formatDate,
  formatDateTime,
  formatPercent,
  formattersFor,
  setDisplaySettings,
  supportedTimeZones,
} from './format';

afterEach(() => setDisplaySettings(null));

// ICU versions differ in the space they put before AM/PM (a narrow no-break space or a plain one).
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('format: locales and time zones', () => {
  it('locale: supported tags are accepted in their canonical spelling; junk is not', () => {
    expect(canonicalLocale('en-gb')).toBe('en-GB');
    expect(canonicalLocale('ur-PK')).toBe('ur-PK');
    expect(canonicalLocale('not a locale')).toBeNull();
    expect(canonicalLocale('')).toBeNull();
  });

  it('time zone: IANA names only, in their usual spelling; offsets and unknown names are refused', () => {
    expect(canonicalTimeZone('asia/karachi')).toBe('Asia/Karachi');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(canonicalTimeZone('Europe/London')).toBe('Europe/London');
    expect(canonicalTimeZone('+05:00')).toBeNull();
    expect(canonicalTimeZone('Mars/Olympus_Mons')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
  });

  it('time zones offered: every zone the runtime knows, UTC first and once', () => {
    const zones = supportedTimeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones.filter((zone) => zone === 'UTC')).toHaveLength(1);
    expect(zones).toContain('Asia/Karachi');
    expect(zones.length).toBeGreaterThan(300);
  });

  it('environment: APP_LOCALE and APP_TIME_ZONE apply when usable, the built-in defaults otherwise', () => {
    expect(environmentDisplaySettings({ APP_LOCALE: 'de-DE', APP_TIME_ZONE: 'Europe/Berlin' })).toEqual({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(environmentDisplaySettings({ APP_LOCALE: 'nonsense!', APP_TIME_ZONE: 'Nowhere/Town' })).toEqual({ locale: 'en-GB', timeZone: 'UTC' });
    expect(environmentDisplaySettings({})).toEqual({ locale: 'en-GB', timeZone: 'UTC' });
  });
});

describe('format: values', () => {
  const moment = new Date('2024-07-01T22:30:00Z');
  const day = new Date(Date.UTC(2024, 6, 1));

  it('formatters: use the settings in force, process-wide', () => {
    setDisplaySettings({ locale: 'en-US', timeZone: 'Asia/Karachi' });
    expect(displaySettings()).toEqual({ locale: 'en-US', timeZone: 'Asia/Karachi' });
    expect(plain(formatDateTime(moment))).toBe('Jul 2, 2024, 3:30 AM');
    expect(formatPercent(0.5)).toBe('50%');
  });

  it('calendar dates: never shift a day, whatever the time zone', () => {
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      setDisplaySettings({ locale: 'en-GB', timeZone });
      expect(formatDate(day)).toBe('1 Jul 2024');
    }
  });

  it('formattersFor: formats with given settings without changing the ones in force', () => {
    setDisplaySettings({ locale: 'en-GB', timeZone: 'UTC' });
    const german = formattersFor({ locale: 'de-DE', timeZone: 'Europe/Berlin' });
    expect(german.dateTime(moment)).toBe('02.07.2024, 00:30');
    expect(german.number(1234.5)).toBe('1.234,5');
    expect(german.percent(null)).toBe('–');
    expect(formatDateTime(moment)).toBe('1 Jul 2024, 22:30');
  });
});
