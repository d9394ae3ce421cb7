import { inject } from 'vitest';
import { createClient, type Db } from '../db/client';
import { providerOf, type Provider } from '../db/config';

/** This worker's throw-away database (see db-global-setup.ts). */
export function testDatabaseUrl(): string {
  const urls = inject('databaseUrls');
  const worker = Number(process.env.VITEST_POOL_ID ?? 1);
  const url = urls[worker - 1];
  if (!url) throw new Error(`No test database for worker ${worker} (there are ${urls.length}): maxWorkers and the db setup disagree`);
  return url;
}

/** A client on this worker's throw-away database. */
export function testDb(): Db {
  return createClient(testDatabaseUrl());
}

export function testProvider(): Provider {
  return providerOf(testDatabaseUrl());
}

/** A unique suffix so each test's own rows never collide with another's. */
export function uniqueId(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
