import { backupSchedule } from './backup-settings';
import { startBackupScheduler, type BackupLog } from './backup-scheduler';

const consoleLog: BackupLog = { info: (message) => console.log(message), error: (message) => console.error(message) };

/**
 * What `npm start` calls once, in the process that starts the app servers: starts the schedule the
 * environment sets (BACKUP_DIR, BACKUP_INTERVAL_HOURS, BACKUP_KEEP), or nothing without BACKUP_DIR.
 * Throws on a bad setting, before any server starts.
 */
export function startScheduledBackups(url: string, log: BackupLog = consoleLog): (() => void) | null {
  const schedule = backupSchedule();
  return schedule ? startBackupScheduler(url, schedule, log) : null;
}
