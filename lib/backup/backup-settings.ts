// Scheduled backups (optional): the server writes an archive on its own every BACKUP_INTERVAL_HOURS
// into BACKUP_DIR and keeps the newest BACKUP_KEEP. Off unless BACKUP_DIR is set.
import path from 'node:path';
import { z } from 'zod';

export type BackupSchedule = { dir: string; intervalHours: number; keep: number };

const DEFAULT_INTERVAL_HOURS = 24;
const DEFAULT_KEEP = 7;

const settingsSchema = z.object({
  BACKUP_DIR: z.string().trim().optional(),
  BACKUP_INTERVAL_HOURS: z.coerce
    .number({ error: 'BACKUP_INTERVAL_HOURS must be a number of hours, e.g. 24 or 0.5.' })
    .min(0.25, 'BACKUP_INTERVAL_HOURS must be at least 0.25 (15 minutes).')
    .max(24 * 365, 'BACKUP_INTERVAL_HOURS must be at most a year.')
    .default(DEFAULT_INTERVAL_HOURS),
  BACKUP_KEEP: z.coerce
    .number({ error: 'BACKUP_KEEP must be a whole number.' })
    .int('BACKUP_KEEP must be a whole number.')
    .min(1, 'BACKUP_KEEP must be at least 1.')
    .max(10_000, 'BACKUP_KEEP must be at most 10000.')
    .default(DEFAULT_KEEP),
});

/** The schedule the environment asks for, or null when BACKUP_DIR is not set; throws on a bad value. */
export function backupSchedule(env: Record<string, string | undefined> = process.env): BackupSchedule | null {
  const blankless = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value === '' ? undefined : value]));
  const parsed = settingsSchema.safeParse(blankless);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => issue.message).join(' '));
  const { BACKUP_DIR: dir, BACKUP_INTERVAL_HOURS: intervalHours, BACKUP_KEEP: keep } = parsed.data;
  if (!dir) return null;
  return { dir: path.resolve(/*turbopackIgnore: true*/ process.cwd(), dir), intervalHours, keep };
}
