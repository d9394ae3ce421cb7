// `tracker backup --sqlite-file FILE`: SQLite's online backup (https://sqlite.org/backup.html) of the
// embedded database into a new SQLite file, page by page while the app goes on. A fast local copy,
// for SQLite only: it is not portable to PostgreSQL (the archive is).
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import Database from 'better-sqlite3';
import { requireRole, type Actor } from '@/lib/auth/actor';
import { providerOf, sqliteFilePath } from '@/lib/db/config';
import { RuleViolationError } from '@/lib/errors';

export type SqliteFileBackupResult = { file: string; pages: number };

export async function backupSqliteFile(
  url: string,
  out: string,
  actor: Actor,
  options: { overwrite?: boolean; onProgress?: (done: number, total: number) => void } = {},
): Promise<SqliteFileBackupResult> {
  requireRole(actor, 'ADMIN');
  if (providerOf(url) !== 'sqlite') {
    throw new RuleViolationError(
      'sqlite_only',
      '--sqlite-file copies the embedded SQLite database, and DATABASE_URL is PostgreSQL. Use `tracker backup --out FILE` (a portable archive), or PostgreSQL’s own tools (pg_dump).',
    );
  }
  const file = path.resolve(out);
  if (file === sqliteFilePath(url)) throw new RuleViolationError('same_file', 'The copy cannot be the database file itself.');
  if (!options.overwrite && existsSync(file))
    throw new RuleViolationError('file_exists', `${file} already exists; choose another file or allow overwriting it.`);
  const temporary = `${file}.partial-${process.pid}`;
  const db = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    let pages = 0;
    await db.backup(temporary, {
      progress: ({ totalPages, remainingPages }) => {
        pages = totalPages;
        options.onProgress?.(totalPages - remainingPages, totalPages);
        // Pages per step: large steps finish sooner; the app's writers wait only between steps.
        return 4_096;
      },
    });
    await rename(temporary, file);
    return { file, pages };
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    db.close();
  }
}
