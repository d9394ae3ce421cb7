import type { Db, Tx } from '@/lib/db';
import { lockRecommendations } from '@/lib/recommendations/lock-recommendations';
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
  await lockRecommendations(tx, ids);
  const before = await readItemTally(tx, ids);
  const result = await write();
  const after = await readItemTally(tx, ids);
  await addToTally(tx, tallyDifference(before, after));
  return result;
}
