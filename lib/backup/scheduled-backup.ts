// One scheduled backup: an archive named by its UTC time in the backup folder, then the oldest
// archives beyond the number to keep are removed. Only files this schedule names are ever removed.
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { SYSTEM_ACTOR } from '@/lib/auth/actor';
import type { BackupSchedule } from './backup-settings';
import { createBackup } from './create-backup';

const ARCHIVE_NAME = /^tracker-backup-(\d{8}T\d{6}Z)\.tar\.gz$/;

export function scheduledArchiveName(at: Date): string {
  return `tracker-backup-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z')}.tar.gz`;
}

/** The schedule's archives in the folder, newest first, with when each was made. */
export async function listScheduledArchives(dir: string): Promise<{ file: string; at: Date }[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .map((name) => ({ name, match: ARCHIVE_NAME.exec(name) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => {
      const stamp = match[1]!;
      const at = new Date(
        `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`,
      );
      return { file: path.join(dir, name), at };
    })
    .sort((a, b) => b.at.getTime() - a.at.getTime());
}

export type ScheduledBackupResult = { file: string; rows: number; bytes: number; seconds: number; removed: string[] };

export async function runScheduledBackup(url: string, schedule: BackupSchedule, now = new Date()): Promise<ScheduledBackupResult> {
  await mkdir(schedule.dir, { recursive: true });
  const started = Date.now();
  const { file, manifest } = await createBackup(url, path.join(schedule.dir, scheduledArchiveName(now)), SYSTEM_ACTOR);
  const removed: string[] = [];
  for (const old of (await listScheduledArchives(schedule.dir)).slice(schedule.keep)) {
    await rm(old.file, { force: true });
    removed.push(old.file);
  }
  return {
    file,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    bytes: manifest.tables.reduce((sum, table) => sum + table.bytes, 0),
    seconds: (Date.now() - started) / 1000,
    removed,
  };
}
