import type { Db, Tx } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { providerOf } from '../history-sql';
import { addToTally, readItemTally } from './tally-rows';
import { tallyRowsSql } from './tally-sql';

/** Bumped when the tally's meaning changes, so every database rebuilds it once on its next start. */
export const TALLY_VERSION = '1';
const TALLY_SETTING = 'progressTally.version';

export type TallyPart = { themeIds: string[] } | { sectorIds: string[] } | 'all';

/**
 * Recomputes part of the progress tally from the history, in the caller's transaction: every row
 * (`'all'`), the rows of some primary themes (both tables), or the per-sector rows of some owner
 * sectors. What a merge of themes or sectors, or a repair, needs; day-to-day changes go through
 * withProgressTally, which touches only the changed items' rows.
 */
export async function rebuildProgressTally(tx: Db | Tx, part: TallyPart): Promise<void> {
  const provider = providerOf(tx);
  let themeRows = Prisma.sql`TRUE`;
  let sectorRows = Prisma.sql`TRUE`;
  let items = Prisma.sql`TRUE`;
  if (part !== 'all' && 'themeIds' in part) {
    if (part.themeIds.length === 0) return;
    themeRows = Prisma.sql`"themeId" IN (${Prisma.join(part.themeIds)})`;
    sectorRows = themeRows;
    items = Prisma.sql`r."primaryThemeId" IN (${Prisma.join(part.themeIds)})`;
  } else if (part !== 'all') {
    if (part.sectorIds.length === 0) return;
    sectorRows = Prisma.sql`"sectorId" IN (${Prisma.join(part.sectorIds)})`;
    themeRows = Prisma.sql`FALSE`;
    items = Prisma.sql`EXISTS (SELECT 1 FROM "RecommendationSector" rs1 WHERE rs1."recommendationId" = r."id" AND rs1."sectorId" IN (${Prisma.join(part.sectorIds)}))`;
  }
  const rows = tallyRowsSql(provider, items);
  await tx.$executeRaw`DELETE FROM "ProgressTally" WHERE ${themeRows}`;
  await tx.$executeRaw`DELETE FROM "SectorProgressTally" WHERE ${sectorRows}`;
  await tx.$executeRaw`
    INSERT INTO "ProgressTally" ("themeId", "status", "quarter", "moves")
    SELECT t."themeId", t."status", t."quarter", t."moves" FROM (${rows}) t WHERE t."sectorId" IS NULL AND ${themeRows}`;
  await tx.$executeRaw`
    INSERT INTO "SectorProgressTally" ("sectorId", "themeId", "status", "quarter", "moves")
    SELECT t."sectorId", t."themeId", t."status", t."quarter", t."moves" FROM (${rows}) t WHERE t."sectorId" IS NOT NULL AND ${sectorRows}`;
}

/** Adds items that are new (no row of theirs is in the tally yet): what creating recommendations needs. */
export async function addItemsToTally(tx: Db | Tx, itemIds: string[]): Promise<void> {
  await addToTally(tx, [...(await readItemTally(tx, itemIds)).values()]);
}

/**
 * Builds the whole tally once per database (and again when TALLY_VERSION changes): on start, after
 * the migrations, so a database migrated from before the tally existed, or filled by the benchmark's
 * generator, gets one.
 */
export async function ensureProgressTally(db: Db): Promise<boolean> {
  const setting = await db.setting.findUnique({ where: { key: TALLY_SETTING } });
  if (setting?.value === TALLY_VERSION) return false;
  await db.$transaction(
    async (tx) => {
      await rebuildProgressTally(tx, 'all');
      await tx.setting.upsert({ where: { key: TALLY_SETTING }, create: { key: TALLY_SETTING, value: TALLY_VERSION }, update: { value: TALLY_VERSION } });
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  return true;
}
