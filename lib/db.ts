import { createClient, type Db } from './db/client';
import { databaseUrl } from './db/config';

export type { Db, Tx } from './db/client';

// One client per process; kept on globalThis so dev-mode hot reloads do not open new pools.
const globalForDb = globalThis as unknown as { trackerDb?: Db };

export const db: Db = globalForDb.trackerDb ?? createClient(databaseUrl());
if (process.env.NODE_ENV !== 'production') globalForDb.trackerDb = db;

// The server's graceful shutdown (scripts/lib/graceful-shutdown.mjs) disconnects every client
// registered here once the last request has finished. A Set on globalThis: the server's bundles may
// each evaluate this module, and a dev-mode reload re-evaluates it with the same client.
const SHUTDOWN_CLIENTS = Symbol.for('recommendation-tracker.shutdown-clients');
const shutdownClients = ((globalThis as { [SHUTDOWN_CLIENTS]?: Set<{ $disconnect(): Promise<void> }> })[SHUTDOWN_CLIENTS] ??= new Set());
shutdownClients.add(db);
