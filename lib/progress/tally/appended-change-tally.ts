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
 * `item` is as read in the caller's transaction after the item's row was locked
 * (lib/recommendations/lock-recommendations.ts), so its theme, sectors and archived flag cannot
 * change before the commit.
 */
export function appendedChangeTally(
  item: { archived: boolean; primaryThemeId: string; sectors: { sectorId: string }[] },
  fromStatus: string,
  toStatus: string,
  effectiveDate: Date,
): TallyRow[] {
  if (fromStatus === toStatus || item.archived) return [];
  const quarter = quarterIndex(quarterOf(effectiveDate));
  const themeId = item.primaryThemeId;
  return [null, ...item.sectors.map((link) => link.sectorId)].flatMap((sectorId) => [
    { sectorId, themeId, status: fromStatus, quarter, moves: -1 },
    { sectorId, themeId, status: toStatus, quarter, moves: 1 },
  ]);
}
