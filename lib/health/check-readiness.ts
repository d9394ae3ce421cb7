// The readiness answer for a load balancer: send this server traffic only when its database answers
// and holds every migration this server's code expects. A server whose database is behind (an
// upgrade whose migrations have not run yet, or failed) answers 503 until they are applied.
import { db, type Db } from '@/lib/db';
import { providerOfClient } from '@/lib/db/client';
import type { Provider } from '@/lib/db/config';
import { readMigrations } from '@/lib/db/migrate';
import { checkHealth, withinTime } from './check-health';
import type { Readiness } from './health-schema';

export type { Readiness };

// The migrations shipped with this server do not change while it runs: read once per provider.
const committedByProvider = new Map<Provider, string[]>();

function committedMigrations(provider: Provider): string[] {
  let names = committedByProvider.get(provider);
  if (!names) {
    names = readMigrations(provider).map((migration) => migration.name);
    committedByProvider.set(provider, names);
  }
  return names;
}

async function appliedMigrations(client: Db, timeoutMs: number): Promise<Set<string>> {
  try {
    const rows = await withinTime(
      client.$queryRawUnsafe<{ migration_name: string }[]>(
        'SELECT migration_name FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL',
      ),
      timeoutMs,
    );
    return new Set(rows.map((row) => row.migration_name));
  } catch {
    // No migrations table yet: nothing is applied.
    return new Set();
  }
}

/**
 * Two cheap questions: does the database answer, and which migrations has it recorded. `committed`
 * defaults to the migrations shipped in prisma/ for the client's provider.
 */
export async function checkReadiness(client: Db = db, options: { committed?: string[]; timeoutMs?: number } = {}): Promise<Readiness> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const health = await checkHealth(client, timeoutMs);
  if (health.database !== 'ok') return { status: 'not_ready', database: 'error', migrations: 'unknown', pendingMigrations: null };
  const committed = options.committed ?? committedMigrations(providerOfClient(client));
  const applied = await appliedMigrations(client, timeoutMs);
  const pendingMigrations = committed.filter((name) => !applied.has(name)).length;
  return pendingMigrations === 0
    ? { status: 'ready', database: 'ok', migrations: 'applied', pendingMigrations }
    : { status: 'not_ready', database: 'ok', migrations: 'pending', pendingMigrations };
}
