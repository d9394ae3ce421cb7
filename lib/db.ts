import { createClient, type Db } from './db/client';
import { databaseUrl } from './db/config';

export type { Db, Tx } from './db/client';

// One client per process; kept on globalThis so dev-mode hot reloads do not open new pools.
const globalForDb = globalThis as unknown as { trackerDb?: Db };

export const db: Db = globalForDb.trackerDb ?? createClient(databaseUrl());
if (process.env.NODE_ENV !== 'production') globalForDb.trackerDb = db;
