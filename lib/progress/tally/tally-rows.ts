import type { Db, Tx } from '@/lib/db';
import * as Prisma from '@/lib/db/sql';
import { num, providerOf } from '../history-sql';
import { tallyRowsSql, type TallyRow } from './tally-sql';

type RawRow = { sectorId: string | null; themeId: string; status: string; quarter: unknown; moves: unknown };

// Bound parameters per statement stay far below SQLite's limit (32,766) and PostgreSQL's (65,535).
const IDS_PER_READ = 500;
const ROWS_PER_WRITE = 200;

export const tallyKey = (row: Omit<TallyRow, 'moves'>) => `${row.sectorId ?? ''}\u0000${row.themeId}\u0000${row.status}\u0000${row.quarter}`;

/** The tally rows the given items contribute, as their history and classification stand in `db` now. */
export async function readItemTally(db: Db | Tx, itemIds: string[]): Promise<Map<string, TallyRow>> {
  const provider = providerOf(db);
  const out = new Map<string, TallyRow>();
  for (let i = 0; i < itemIds.length; i += IDS_PER_READ) {
    const ids = itemIds.slice(i, i + IDS_PER_READ);
    const rows = await db.$queryRaw<RawRow[]>(tallyRowsSql(provider, Prisma.sql`r."id" IN (${Prisma.join(ids)})`));
    for (const raw of rows) {
      const row: TallyRow = { sectorId: raw.sectorId, themeId: raw.themeId, status: raw.status, quarter: num(raw.quarter), moves: num(raw.moves) };
      const key = tallyKey(row);
      const seen = out.get(key);
      if (seen) seen.moves += row.moves;
      else out.set(key, row);
    }
  }
  return out;
}

/**
 * Adds `moves` to the stored tally rows (creating them as needed), in key order so two transactions
 * adding to the same rows lock them in the same order. One INSERT ... ON CONFLICT per batch, which
 * both SQLite and PostgreSQL run atomically.
 *
 * Key order within one call is not enough when a transaction calls this several times (a bulk
 * change, item after item): it would then lock rows out of order, and two such transactions, or
 * one and a single status change, deadlocked under load (the reliability suite's crash test on
 * PostgreSQL). So on PostgreSQL the first call takes a transaction-long advisory lock on the tally
 * and tally writers take turns from there to their commit; each takes its items' row locks before
 * (lockRecommendations), never after. SQLite's writer holds the whole database anyway.
 */
export async function addToTally(tx: Db | Tx, rows: TallyRow[]): Promise<void> {
  const changed = rows.filter((row) => row.moves !== 0).sort((a, b) => (tallyKey(a) < tallyKey(b) ? -1 : 1));
  if (changed.length > 0 && providerOf(tx) === 'postgresql') await tx.$executeRaw`SELECT pg_advisory_xact_lock(7216463)`; // "the progress tally" (lib/db/migrate.ts uses another key)
  const themeRows = changed.filter((row) => row.sectorId === null);
  const sectorRows = changed.filter((row) => row.sectorId !== null);
  for (let i = 0; i < themeRows.length; i += ROWS_PER_WRITE) {
    const values = themeRows.slice(i, i + ROWS_PER_WRITE).map((row) => Prisma.sql`(${row.themeId}, ${row.status}, ${row.quarter}, ${row.moves})`);
    await tx.$executeRaw`
      INSERT INTO "ProgressTally" ("themeId", "status", "quarter", "moves") VALUES ${Prisma.join(values)}
      ON CONFLICT ("themeId", "status", "quarter") DO UPDATE SET "moves" = "ProgressTally"."moves" + excluded."moves"`;
  }
  for (let i = 0; i < sectorRows.length; i += ROWS_PER_WRITE) {
    const values = sectorRows
      .slice(i, i + ROWS_PER_WRITE)
      .map((row) => Prisma.sql`(${row.sectorId}, ${row.themeId}, ${row.status}, ${row.quarter}, ${row.moves})`);
    await tx.$executeRaw`
      INSERT INTO "SectorProgressTally" ("sectorId", "themeId", "status", "quarter", "moves") VALUES ${Prisma.join(values)}
      ON CONFLICT ("sectorId", "themeId", "status", "quarter") DO UPDATE SET "moves" = "SectorProgressTally"."moves" + excluded."moves"`;
  }
}

/** after - before, row by row: what a change to some items does to the tally. */
export function tallyDifference(before: Map<string, TallyRow>, after: Map<string, TallyRow>): TallyRow[] {
  const out = new Map<string, TallyRow>();
  for (const [key, row] of after) out.set(key, { ...row });
  for (const [key, row] of before) {
    const seen = out.get(key);
    if (seen) seen.moves -= row.moves;
    else out.set(key, { ...row, moves: -row.moves });
  }
  return [...out.values()].filter((row) => row.moves !== 0);
}
