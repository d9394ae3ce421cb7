import { backupSchedule } from './backup-settings';
import { startBackupScheduler, type BackupLog } from './backup-scheduler';
import { log } from '@/lib/log/logger';

// Each run is one structured log line (lib/log), like the server's own.
const backupLog: BackupLog = {
  info: (message) => log().info({ event: 'scheduled_backup' }, message),
  error: (message) => log().error({ event: 'scheduled_backup' }, message),
};

/**
 * What `npm start` calls once, in the process that starts the app servers: starts the schedule the
 * environment sets (BACKUP_DIR, BACKUP_INTERVAL_HOURS, BACKUP_KEEP), or nothing without BACKUP_DIR.
 * Throws on a bad setting, before any server starts.
 */
export function startScheduledBackups(url: string, logTo: BackupLog = backupLog): (() => void) | null {
  const schedule = backupSchedule();
  return schedule ? startBackupScheduler(url, schedule, logTo) : null;
}
