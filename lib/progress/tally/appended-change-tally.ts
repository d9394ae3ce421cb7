import type { Tx } from '@/lib/db';
import { quarterIndex, quarterOf } from '../quarters';
import type { TallyRow } from './tally-sql';

/**
 * What a status change appended at the end of an item's history (dated on or after its current
 * status date) does to the progress tally, without reading the history: the open interval of the
 * status it replaces, which entered the tally in its first quarter, now ends at `effectiveDate`, so
 * it leaves in that date's quarter (or, ending in the quarter it began, never counted: leaving there
 * too); the new status's open interval enters in the same quarter. Per primary theme, and per owner
 * sector and theme. An archived item is not counted at all.
 *
 * Read in the caller's transaction after the item's version was moved, so the item's row is locked
 * (PostgreSQL) and its theme, sectors and archived flag cannot change before the commit.
 */
export async function appendedChangeTally(tx: Tx, itemId: string, fromStatus: string, toStatus: string, effectiveDate: Date): Promise<TallyRow[]> {
  if (fromStatus === toStatus) return [];
  const item = await tx.recommendation.findUniqueOrThrow({
    where: { id: itemId },
    select: { archived: true, primaryThemeId: true, sectors: { select: { sectorId: true } } },
  });
  if (item.archived) return [];
  const quarter = quarterIndex(quarterOf(effectiveDate));
  const themeId = item.primaryThemeId;
  return [null, ...item.sectors.map((link) => link.sectorId)].flatMap((sectorId) => [
    { sectorId, themeId, status: fromStatus, quarter, moves: -1 },
    { sectorId, themeId, status: toStatus, quarter, moves: 1 },
  ]);
}
