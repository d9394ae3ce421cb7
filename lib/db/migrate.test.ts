import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from './migrate';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'tracker-migrate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeMigration(name: string, sql: string) {
  mkdirSync(path.join(dir, 'migrations', name), { recursive: true });
  writeFileSync(path.join(dir, 'migrations', name, 'migration.sql'), sql);
}

describe('migrate (SQLite)', () => {
  it('applies the committed migrations to a new file, records them like Prisma, and applies nothing the second time', async () => {
    const url = `file:${path.join(dir, 'db', 'new.db')}`;
    const committed = readMigrations('sqlite');
    expect(committed.length).toBeGreaterThan(0);
    expect(await migrate(url)).toEqual(committed.map((m) => m.name));
    expect(await migrate(url)).toEqual([]);
    const sqlite = new Database(path.join(dir, 'db', 'new.db'));
    const rows = sqlite.prepare('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name').all();
    expect(rows).toEqual(committed.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    sqlite.close();
  });

  it('applies only the new migration, in order', async () => {
    const url = `file:${path.join(dir, 'a.db')}`;
    writeMigration('0001_one', 'CREATE TABLE one (id INTEGER PRIMARY KEY);');
    expect(await migrate(url, path.join(dir, 'migrations'))).toEqual(['0001_one']);
    writeMigration('0002_two', 'CREATE TABLE two (id INTEGER PRIMARY KEY);');
    expect(await migrate(url, path.join(dir, 'migrations'))).toEqual(['0002_two']);
  });

  it('refuses to run when an applied migration was edited afterwards', async () => {
    const url = `file:${path.join(dir, 'b.db')}`;
    writeMigration('0001_one', 'CREATE TABLE one (id INTEGER PRIMARY KEY);');
    await migrate(url, path.join(dir, 'migrations'));
    writeMigration('0001_one', 'CREATE TABLE one (id INTEGER PRIMARY KEY, name TEXT);');
    await expect(migrate(url, path.join(dir, 'migrations'))).rejects.toThrow(/changed after it was applied/);
  });

  it('rolls back a failing migration whole: no half-applied tables, not recorded', async () => {
    const url = `file:${path.join(dir, 'c.db')}`;
    writeMigration('0001_bad', 'CREATE TABLE good (id INTEGER PRIMARY KEY);\nCREATE TABLE broken (;');
    await expect(migrate(url, path.join(dir, 'migrations'))).rejects.toThrow();
    const sqlite = new Database(path.join(dir, 'c.db'));
    expect(sqlite.prepare("SELECT name FROM sqlite_master WHERE name = 'good'").all()).toEqual([]);
    expect(sqlite.prepare('SELECT COUNT(*) AS n FROM _prisma_migrations').get()).toEqual({ n: 0 });
    sqlite.close();
  });
});
