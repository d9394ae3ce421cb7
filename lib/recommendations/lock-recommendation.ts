import type { Tx } from '@/lib/db';
import { providerOfClient } from '@/lib/db/client';

/**
 * Locks a recommendation's row until the transaction ends (PostgreSQL), so what is read of the item
 * and its evidence next cannot change before the commit: a status change and an evidence note
 * added, edited or removed at the same moment take turns instead of each overwriting the other's
 * last activity. SQLite needs nothing: BEGIN IMMEDIATE holds the whole database (lib/db/sqlite-adapter.ts).
 */
export async function lockRecommendation(tx: Tx, id: string): Promise<void> {
  if (providerOfClient(tx) === 'postgresql') await tx.$queryRaw`SELECT "id" FROM "Recommendation" WHERE "id" = ${id} FOR UPDATE`;
}
