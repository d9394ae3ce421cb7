import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMigrations } from '@/lib/db/migrate';
import { testDatabaseUrl, testProvider } from '@/lib/test/test-db';
import { startBackupScheduler, nextBackupDue } from './backup-scheduler';
import { runScheduledBackup, scheduledArchiveName } from './scheduled-backup';
import { verifyArchive } from './verify-archive';

const provider = testProvider();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-scheduled-backups-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe(`scheduled backups (${provider})`, () => {
  it('write a restorable archive per run and keep only the newest BACKUP_KEEP', async () => {
    const folder = path.join(dir, 'keep');
    const schedule = { dir: folder, intervalHours: 24, keep: 2 };
    const days = ['2026-11-01T02:00:00Z', '2026-11-02T02:00:00Z', '2026-11-03T02:00:00Z'].map((day) => new Date(day));
    const results = [];
    for (const day of days) results.push(await runScheduledBackup(testDatabaseUrl(), schedule, day));
    expect(readdirSync(folder).sort()).toEqual([scheduledArchiveName(days[1]!), scheduledArchiveName(days[2]!)]);
    expect(results[2]!.removed).toEqual([path.join(folder, scheduledArchiveName(days[0]!))]);
    const manifest = await verifyArchive(
      results[2]!.file,
      readMigrations(provider).map((migration) => migration.name),
    );
    expect(manifest.tables.reduce((sum, table) => sum + table.rows, 0)).toBe(results[2]!.rows);
    // The next one is due an interval after the newest.
    expect(await nextBackupDue(schedule, new Date('2026-11-03T09:00:00Z'))).toEqual(new Date('2026-11-04T02:00:00Z'));
  });

  it('run on their own once started, and log each run', async () => {
    const folder = path.join(dir, 'scheduler');
    const lines: string[] = [];
    let wrote: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const stop = startBackupScheduler(
      testDatabaseUrl(),
      { dir: folder, intervalHours: 1, keep: 3 },
      {
        info: (line) => {
          lines.push(line);
          if (line.includes('wrote')) wrote();
        },
        error: (line) => lines.push(`error: ${line}`),
      },
      { firstDelayMs: 0 },
    );
    try {
      await written;
    } finally {
      stop();
    }
    const [archive] = readdirSync(folder);
    expect(archive).toMatch(/^tracker-backup-\d{8}T\d{6}Z\.tar\.gz$/);
    expect(existsSync(path.join(folder, archive!))).toBe(true);
    expect(lines).toEqual([
      `Scheduled backups: every 1 h into ${folder}, keeping the newest 3.`,
      `Scheduled backup: writing an archive into ${folder}…`,
      expect.stringMatching(
        new RegExp(`^Scheduled backup: wrote ${path.join(folder, archive!).replaceAll('.', '\\.')} \\([\\d,]+ rows\\) in [\\d.]+ s\\.$`),
      ) as unknown as string,
    ]);
  });
});
