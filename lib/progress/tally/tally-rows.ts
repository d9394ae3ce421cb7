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

/** Transactions that gather their tally moves to write them once, at the end (withDeferredTally). */
const deferred = new WeakMap<object, TallyRow[]>();

/**
 * Adds `moves` to the stored tally rows (creating them as needed), in key order so two transactions
 * adding to the same rows lock them in the same order. One INSERT ... ON CONFLICT per batch, which
 * both SQLite and PostgreSQL run atomically. Inside withDeferredTally the moves are only gathered.
 */
export async function addToTally(tx: Db | Tx, rows: TallyRow[]): Promise<void> {
  const gathering = deferred.get(tx);
  if (gathering) {
    gathering.push(...rows.map((row) => ({ ...row })));
    return;
  }
  const changed = rows.filter((row) => row.moves !== 0).sort((a, b) => (tallyKey(a) < tallyKey(b) ? -1 : 1));
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

/**
 * Runs `work`, which changes many items in the transaction `tx`, and writes its tally moves once at
 * the end, summed and in key order. Written item by item instead, a transaction would lock tally rows
 * out of key order (item A's rows, then item B's lower ones), and two such transactions, or one and a
 * single status change, deadlocked on PostgreSQL under load (found by the reliability suite's crash
 * test). The moves are read from the items' history (readItemTally), never from the stored tally, so
 * nothing in `work` needs them written sooner.
 */
export async function withDeferredTally<T>(tx: Tx, work: () => Promise<T>): Promise<T> {
  if (deferred.has(tx)) return work();
  const gathered: TallyRow[] = [];
  deferred.set(tx, gathered);
  let result: T;
  try {
    result = await work();
  } finally {
    deferred.delete(tx);
  }
  const summed = new Map<string, TallyRow>();
  for (const row of gathered) {
    const key = tallyKey(row);
    const seen = summed.get(key);
    if (seen) seen.moves += row.moves;
    else summed.set(key, row);
  }
  await addToTally(tx, [...summed.values()]);
  return result;
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
