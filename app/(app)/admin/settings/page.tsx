import type { Metadata } from 'next';
import { db } from '@/lib/db';
import { requireRole } from '@/lib/auth/session';
import { environmentDisplaySettings } from '@/lib/format';
import { localeChoices, timeZoneChoices } from '@/lib/settings/describe-display-settings';
import { displayExamples } from '@/lib/settings/display-examples';
import { effectiveDisplaySettings, readStoredDisplaySettings } from '@/lib/settings/display-settings';
import { DISPLAY_SETTINGS_TTL_MS } from '@/lib/settings/display-settings-cache';
import { DisplaySettingsForm } from '@/components/admin-settings/display-settings-form';
import { ADMIN_CRUMB } from '@/components/layout/nav-links';
import { Breadcrumbs, HOME_CRUMB } from '@/components/ui/breadcrumbs';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  await requireRole('ADMIN');
  const stored = await readStoredDisplaySettings(db);
  const defaults = environmentDisplaySettings();
  const now = new Date();
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-1">
        <Breadcrumbs trail={[HOME_CRUMB, ADMIN_CRUMB]} current="Settings" />
        <h1 className="text-2xl font-semibold">Settings</h1>
        <p className="text-muted">Choices that apply to everyone who uses the tracker.</p>
      </header>
      <section aria-labelledby="display-heading" className="space-y-4 rounded-lg border border-border bg-surface p-4">
        <h2 id="display-heading" className="text-lg font-semibold">
          Dates, times and numbers
        </h2>
        <p className="text-sm text-muted">
          How every page, the quarterly summary’s files and command-line exports show dates, times and numbers. Calendar dates, such as a seminar’s or a status
          change’s effective date, are the same in every time zone; moments, such as when a change was recorded, are shown in the time zone chosen here. Other
          app servers on the same database follow a change within {DISPLAY_SETTINGS_TTL_MS / 1000} seconds.
        </p>
        <DisplaySettingsForm
          stored={stored}
          defaults={defaults}
          locales={localeChoices(stored.locale)}
          timeZones={timeZoneChoices(stored.timeZone, now)}
          examples={displayExamples(effectiveDisplaySettings(stored, defaults), now)}
          now={now.toISOString()}
        />
      </section>
    </div>
  );
}
