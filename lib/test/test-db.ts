import { inject } from 'vitest';
import { createClient, type Db } from '../db/client';
import { providerOf, type Provider } from '../db/config';

/** A client on this run's throw-away database (see db-global-setup.ts). */
export function testDb(): Db {
  return createClient(inject('databaseUrl'));
}

export function testProvider(): Provider {
  return providerOf(inject('databaseUrl'));
}

/** A unique suffix so each test's own rows never collide with another's. */
export function uniqueId(prefix = 't'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
