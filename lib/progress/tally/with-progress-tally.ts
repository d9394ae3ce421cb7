import type { Db, Tx } from '@/lib/db';
import { Prisma } from '@/lib/db/generated/sqlite/client';
import { providerOf } from '../history-sql';
import { addToTally, readItemTally, tallyDifference } from './tally-rows';

/**
 * Runs `write` (which changes the history, primary theme, owner sectors or archived flag of the
 * given items) and moves the progress tally by what it changed, in the caller's transaction: the
 * items' contribution is read before and after, and the difference added. On PostgreSQL the items'
 * rows are locked first, so no other transaction changes them between the two reads.
 */
export async function withProgressTally<T>(tx: Db | Tx, itemIds: string[], write: () => Promise<T>): Promise<T> {
  const ids = [...new Set(itemIds)].sort();
  if (ids.length === 0) return write();
  if (providerOf(tx) === 'postgresql') {
    await lockItems(tx, ids);
  }
  const before = await readItemTally(tx, ids);
  const result = await write();
  const after = await readItemTally(tx, ids);
  await addToTally(tx, tallyDifference(before, after));
  return result;
}

async function lockItems(tx: Db | Tx, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await tx.$queryRaw`SELECT "id" FROM "Recommendation" WHERE "id" IN (${Prisma.join(ids.slice(i, i + 500))}) ORDER BY "id" FOR UPDATE`;
  }
}
