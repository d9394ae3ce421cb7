import type { Db, Tx } from '@/lib/db';
import { providerOfClient } from '@/lib/db/client';
import * as Prisma from '@/lib/db/sql';

/**
 * Locks recommendations' rows until the transaction ends (PostgreSQL), in id order so two
 * transactions locking overlapping items never deadlock. What is read of the items next cannot
 * change before the commit: a status change and an evidence note added, edited or removed at the
 * same moment take turns instead of each overwriting the other's status and last activity, and the
 * progress tally's before-and-after reads see only this transaction's change. SQLite needs
 * nothing: BEGIN IMMEDIATE holds the whole database (lib/db/sqlite-adapter.ts).
 */
export async function lockRecommendations(tx: Db | Tx, ids: string[]): Promise<void> {
  if (providerOfClient(tx) !== 'postgresql') return;
  const sorted = [...new Set(ids)].sort();
  for (let i = 0; i < sorted.length; i += 500) {
    await tx.$queryRaw`SELECT "id" FROM "Recommendation" WHERE "id" IN (${Prisma.join(sorted.slice(i, i + 500))}) ORDER BY "id" FOR UPDATE`;
  }
}
