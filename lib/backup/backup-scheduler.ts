// Runs scheduled backups in the process that starts the app servers (scripts/start.ts), not in the
// servers themselves: with several server processes (one per core) exactly one process schedules.
// When the next one is due is read from the folder (the newest archive + the interval), so a restart
// neither skips a backup nor makes an extra one, and two `npm start`s that share one folder (servers
// on one PostgreSQL) mostly find each other's archive; one that runs anyway only writes one more.
import type { BackupSchedule } from './backup-settings';
import { listScheduledArchives, runScheduledBackup } from './scheduled-backup';

export type BackupLog = { info: (message: string) => void; error: (message: string) => void };

/** The first backup after a start waits this long, so it does not compete with the servers starting. */
const FIRST_DELAY_MS = 60_000;
/** After a failure, try again this much later (or at the interval, if sooner). */
const RETRY_MS = 15 * 60_000;

export async function nextBackupDue(schedule: BackupSchedule, now: Date): Promise<Date> {
  const [newest] = await listScheduledArchives(schedule.dir);
  const due = newest ? newest.at.getTime() + schedule.intervalHours * 3_600_000 : now.getTime();
  return new Date(Math.max(due, now.getTime()));
}

/** Starts the schedule; returns a function that stops it. Timers do not keep the process alive. */
export function startBackupScheduler(url: string, schedule: BackupSchedule, log: BackupLog, options: { firstDelayMs?: number } = {}): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const intervalMs = schedule.intervalHours * 3_600_000;

  const plan = (delayMs: number) => {
    if (stopped) return;
    // setTimeout's limit is about 24.8 days: a longer wait is taken in steps.
    timer = setTimeout(() => void tick(), Math.min(Math.max(delayMs, 0), 2 ** 31 - 1));
    timer.unref();
  };

  const tick = async () => {
    const now = new Date();
    try {
      const due = await nextBackupDue(schedule, now);
      if (due.getTime() > now.getTime()) return plan(due.getTime() - now.getTime());
      log.info(`Scheduled backup: writing an archive into ${schedule.dir}…`);
      const result = await runScheduledBackup(url, schedule, now);
      log.info(
        `Scheduled backup: wrote ${result.file} (${result.rows.toLocaleString('en')} rows) in ${result.seconds.toFixed(1)} s` +
          (result.removed.length ? `; removed ${result.removed.length} older (keeping ${schedule.keep}).` : '.'),
      );
      plan(intervalMs);
    } catch (error) {
      log.error(`Scheduled backup failed: ${(error as Error).message}. Trying again in ${Math.round(Math.min(RETRY_MS, intervalMs) / 60_000)} minutes.`);
      plan(Math.min(RETRY_MS, intervalMs));
    }
  };

  log.info(`Scheduled backups: every ${schedule.intervalHours} h into ${schedule.dir}, keeping the newest ${schedule.keep}.`);
  plan(options.firstDelayMs ?? FIRST_DELAY_MS);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
