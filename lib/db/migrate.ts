// Applies the committed migrations (prisma/migrations or prisma/postgres/migrations) that a
// database has not seen yet, recording them in Prisma's standard `_prisma_migrations` table with
// Prisma's checksum, so `prisma migrate deploy` and `prisma migrate status` agree with us.
// Works offline: it needs only the database driver, not Prisma's schema-engine binary.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrationsDir, providerOf, sqliteFilePath, type Provider } from './config';
import { log } from '../log/logger';

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(provider: Provider, dir = migrationsDir(provider)): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

type Applied = { migration_name: string; checksum: string };

function pending(all: Migration[], applied: Applied[]): Migration[] {
  const byName = new Map(applied.map((row) => [row.migration_name, row.checksum]));
  for (const migration of all) {
    const checksum = byName.get(migration.name);
    if (checksum && checksum !== migration.checksum) {
      throw new Error(`Migration ${migration.name} was changed after it was applied. Write a new migration instead.`);
    }
  }
  return all.filter((migration) => !byName.has(migration.name));
}

function migrateSqlite(url: string, migrations: Migration[]): string[] {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { timeout: 10_000 });
  try {
    // WAL lets readers go on while one writer writes; it is a property of the file, set once.
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec(SQLITE_TABLE);
    const applied = sqlite
      .prepare('SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL')
      .all() as Applied[];
    const todo = pending(migrations, applied);
    const record = sqlite.prepare(
      'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)',
    );
    // Another process (a second server starting on the same file) may apply one meanwhile: each is
    // checked again once its transaction holds the write lock, and skipped if it is there by then.
    const isApplied = sqlite.prepare('SELECT 1 FROM "_prisma_migrations" WHERE migration_name = ? AND rolled_back_at IS NULL AND finished_at IS NOT NULL');
    const done: string[] = [];
    for (const migration of todo) {
      const startedAt = new Date().toISOString();
      sqlite
        .transaction(() => {
          if (isApplied.get(migration.name)) return;
          sqlite.exec(migration.sql);
          record.run(randomUUID(), migration.checksum, migration.name, startedAt, new Date().toISOString());
          done.push(migration.name);
        })
        .immediate();
    }
    return done;
  } finally {
    sqlite.close();
  }
}

// Several app servers may start at once against one PostgreSQL: an advisory lock makes them take turns.
const MIGRATION_LOCK_KEY = 72_707_369;

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<Applied>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
    );
    const todo = pending(migrations, rows);
    for (const migration of todo) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)', [
          randomUUID(),
          migration.checksum,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return todo.map((migration) => migration.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}

/**
 * Applies pending migrations; returns the names applied (empty when up to date). `through` stops
 * after that migration (a restore loads an older archive into the schema it was made with, then
 * applies the rest: lib/backup/restore-backup.ts).
 */
export async function migrate(url: string, dir?: string, options: { through?: string } = {}): Promise<string[]> {
  const provider = providerOf(url);
  const through = options.through;
  const migrations = readMigrations(provider, dir).filter((migration) => through === undefined || migration.name <= through);
  const applied = provider === 'sqlite' ? migrateSqlite(url, migrations) : await migratePostgres(url, migrations);
  if (applied.length)
    log().info({ event: 'migrations_applied', provider, migrations: applied }, `applied ${applied.length} migration${applied.length === 1 ? '' : 's'}`);
  return applied;
}
