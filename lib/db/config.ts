import path from 'node:path';

export type Provider = 'sqlite' | 'postgresql';

/** The embedded default: a SQLite file under data/ (git-ignored), created on first start. */
export const DEFAULT_SQLITE_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), 'data', 'tracker.db');

export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:${DEFAULT_SQLITE_FILE}`;
}

export function providerOf(url: string): Provider {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgresql';
  if (url.startsWith('file:')) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(':')[0]}:..."`);
}

/** Absolute path of a file: URL, relative paths resolved from the working directory. */
export function sqliteFilePath(url: string): string {
  const file = url.slice('file:'.length).split('?')[0] ?? '';
  return path.isAbsolute(file) ? file : path.resolve(/*turbopackIgnore: true*/ process.cwd(), file);
}

export function migrationsDir(provider: Provider): string {
  return path.join(/*turbopackIgnore: true*/ process.cwd(), 'prisma', provider === 'sqlite' ? 'migrations' : 'postgres/migrations');
}
