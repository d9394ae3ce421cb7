import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupSchedule } from './backup-settings';

describe('scheduled backup settings', () => {
  it('are off without BACKUP_DIR', () => {
    expect(backupSchedule({})).toBeNull();
    expect(backupSchedule({ BACKUP_DIR: '', BACKUP_KEEP: '3' })).toBeNull();
  });

  it('default to a daily archive, the newest 7 kept, in the folder given (relative to the working directory)', () => {
    expect(backupSchedule({ BACKUP_DIR: 'backups' })).toEqual({ dir: path.resolve('backups'), intervalHours: 24, keep: 7 });
    expect(backupSchedule({ BACKUP_DIR: '/srv/tracker-backups', BACKUP_INTERVAL_HOURS: '0.5', BACKUP_KEEP: '48' })).toEqual({
      dir: '/srv/tracker-backups',
      intervalHours: 0.5,
      keep: 48,
    });
  });

  it('refuse values that would make no sense, naming the setting', () => {
    expect(() => backupSchedule({ BACKUP_DIR: 'b', BACKUP_INTERVAL_HOURS: 'daily' })).toThrow(/BACKUP_INTERVAL_HOURS must be a number/);
    expect(() => backupSchedule({ BACKUP_DIR: 'b', BACKUP_INTERVAL_HOURS: '0.01' })).toThrow(/at least 0.25/);
    expect(() => backupSchedule({ BACKUP_DIR: 'b', BACKUP_KEEP: '0' })).toThrow(/BACKUP_KEEP must be at least 1/);
    expect(() => backupSchedule({ BACKUP_DIR: 'b', BACKUP_KEEP: '2.5' })).toThrow(/BACKUP_KEEP must be a whole number/);
  });
});
