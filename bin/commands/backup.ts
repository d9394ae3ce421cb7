import { SYSTEM_ACTOR } from '../../lib/auth/actor';
import { createBackup } from '../../lib/backup/create-backup';
import { restoreBackup } from '../../lib/backup/restore-backup';
import { backupSqliteFile } from '../../lib/backup/sqlite-file-backup';
import { progressPrinter } from '../../lib/backup/progress';
import { DomainError } from '../../lib/errors';

export type BackupOptions = { out?: string; sqliteFile?: string; force?: boolean };

/** Progress goes to stderr, so stdout stays free for whatever the caller pipes. */
const say = (line: string) => console.error(line);

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `tracker backup --out FILE` (portable archive) or `--sqlite-file FILE` (SQLite's online backup). */
export async function runBackup(url: string, options: BackupOptions): Promise<void> {
  if (Boolean(options.out) === Boolean(options.sqliteFile)) {
    console.error('error: give one of --out FILE (a portable archive) or --sqlite-file FILE (a copy of the SQLite database).');
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  try {
    if (options.sqliteFile) {
      say(`Copying the SQLite database with SQLite's online backup…`);
      let lastPercent = -1;
      const { file, pages } = await backupSqliteFile(url, options.sqliteFile, SYSTEM_ACTOR, {
        overwrite: options.force,
        onProgress: (done, total) => {
          const percent = Math.floor((done / Math.max(total, 1)) * 100);
          if (percent >= lastPercent + 10) say(`  ${percent}%`);
          if (percent >= lastPercent + 10) lastPercent = percent;
        },
      });
      say(`Wrote ${file} (${pages.toLocaleString('en')} pages) in ${seconds()} s.`);
      return;
    }
    say('Backing up every table from one snapshot…');
    const { file, manifest } = await createBackup(url, options.out!, SYSTEM_ACTOR, { overwrite: options.force, onProgress: progressPrinter('backed up') });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    const bytes = manifest.tables.reduce((sum, table) => sum + table.bytes, 0);
    say(
      `Wrote ${file}: ${manifest.tables.length} tables, ${rows.toLocaleString('en')} rows (${megabytes(bytes)} of JSON lines), schema ${manifest.schema.version}, in ${seconds()} s.`,
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
}

/** `tracker restore FILE`: into an empty database (DATABASE_URL), migrated first. */
export async function runRestore(url: string, file: string): Promise<void> {
  const started = Date.now();
  try {
    const { manifest } = await restoreBackup(url, file, SYSTEM_ACTOR, { onStep: say, onProgress: progressPrinter('restored') });
    const rows = manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    say(
      `Restored ${rows.toLocaleString('en')} rows in ${manifest.tables.length} tables in ${((Date.now() - started) / 1000).toFixed(1)} s. Users sign in with their passwords as they were.`,
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    console.error(`error: ${error.message}`);
    process.exitCode = 1;
  }
}
