'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { authedAction } from '@/lib/auth/action';
import { effectiveDisplaySettings } from '@/lib/settings/display-settings';
import { applySavedDisplaySettings } from '@/lib/settings/display-settings-cache';
import { describeDisplaySettings } from '@/lib/settings/describe-display-settings';
import { updateDisplaySettings } from '@/lib/settings/update-display-settings';
import { displaySettingsSchema } from '@/lib/validations/display-settings';

export const updateDisplaySettingsAction = authedAction(displaySettingsSchema, 'ADMIN', async (input, actor) => {
  const result = await updateDisplaySettings(db, input, actor);
  if (!result.changed) return { ok: true, message: 'Nothing had changed, so nothing was saved.' };
  const settings = effectiveDisplaySettings(result.after);
  applySavedDisplaySettings(settings);
  // Every page shows dates or numbers.
  revalidatePath('/', 'layout');
  return { ok: true, message: `Dates, times and numbers now follow ${describeDisplaySettings(settings)}.` };
});
