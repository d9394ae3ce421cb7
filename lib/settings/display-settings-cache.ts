// Keeps the formatters' display settings (lib/format.ts) in step with the database.
//
// App servers are stateless and several may share one database, so no server can be told that
// an administrator changed the settings on another. Each server therefore re-reads them when
// its copy is older than DISPLAY_SETTINGS_TTL_MS, at the start of a request (the data-access
// layer and the API wrapper call refreshDisplaySettings before anything is rendered); the server
// that saved a change uses it at once. So a change shows everywhere within the TTL, and a busy
// server reads two Setting rows every few seconds rather than on every request.
import type { Db } from '@/lib/db';
import { displaySettings, setDisplaySettings, type DisplaySettings } from '@/lib/format';
import { effectiveDisplaySettings, readStoredDisplaySettings } from './display-settings';

export const DISPLAY_SETTINGS_TTL_MS = 10_000;

type CacheState = {
  loadedAt: number;
  loading: Promise<DisplaySettings> | null;
  /** Bumped by every save, so a read that started before the save cannot undo it. */
  generation: number;
};

// On globalThis for the same reason as the snapshot in lib/format.ts: one cache per process.
const STATE = Symbol.for('recommendation-tracker.display-settings-cache');
type Holder = { [STATE]?: CacheState };

function state(): CacheState {
  const holder = globalThis as Holder;
  return (holder[STATE] ??= { loadedAt: Number.NEGATIVE_INFINITY, loading: null, generation: 0 });
}

/** Makes sure the settings in force are at most a TTL old; returns them. */
export async function refreshDisplaySettings(db: Db, now: number = Date.now()): Promise<DisplaySettings> {
  // `next build` prerenders the static pages (not-found) with no database to read: defaults.
  if (process.env.NEXT_PHASE === 'phase-production-build') return displaySettings();
  const cache = state();
  if (now - cache.loadedAt < DISPLAY_SETTINGS_TTL_MS) return displaySettings();
  cache.loading ??= load(db, cache, now).finally(() => {
    cache.loading = null;
  });
  return cache.loading;
}

/** Reads the stored settings; their age counts from `requestedAt`, when the refresh was asked for. */
async function load(db: Db, cache: CacheState, requestedAt: number): Promise<DisplaySettings> {
  const generation = cache.generation;
  try {
    const settings = effectiveDisplaySettings(await readStoredDisplaySettings(db));
    if (generation === cache.generation) {
      setDisplaySettings(settings);
      cache.loadedAt = requestedAt;
    }
    return displaySettings();
  } catch (error) {
    // Keep showing what was last known; the next request tries again.
    console.error('Could not read the display settings; keeping the previous ones.', error);
    return displaySettings();
  }
}

/** After a save on this server: use the new settings here at once. */
export function applySavedDisplaySettings(settings: DisplaySettings): void {
  const cache = state();
  cache.generation += 1;
  setDisplaySettings(settings);
  cache.loadedAt = Date.now();
}

/** Forgets what was loaded (tests). */
export function resetDisplaySettingsCache(): void {
  const holder = globalThis as Holder;
  delete holder[STATE];
  setDisplaySettings(null);
}
