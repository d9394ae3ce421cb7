import type { Db } from '@/lib/db';
import { parseDateOnly } from '@/lib/dates';
import * as Prisma from '@/lib/db/sql';
import { daysBefore } from '@/lib/progress/history-sql';
import { rawDay } from './raw-day';
import type { Day } from './report-types';

export type DayCount = { day: unknown; rows: unknown };

/** From the start of `from` up to, not including, `until` (the day after the range's last). */
export type DayRange = { from: Date; until: Date };

/** Rows per statement when a list of the quarter is read in chunks (see dayChunks). */
export const ROW_CHUNK = 2_000;

/**
 * Consecutive days grouped into ranges of about `size` rows each, from a list's rows per day (in
 * day order): a list ordered by day first is then read one range at a time, in the same order, and
 * never held whole. A day with more rows than `size` is a range of its own.
 */
export function dayChunks(counts: DayCount[], size = ROW_CHUNK): DayRange[] {
  const chunks: { from: Day; to: Day; rows: number }[] = [];
  for (const count of counts) {
    const day = rawDay(count.day)!;
    const rows = Number(count.rows);
    const last = chunks.at(-1);
    if (last && last.rows + rows <= size) {
      last.to = day;
      last.rows += rows;
    } else {
      chunks.push({ from: day, to: day, rows });
    }
  }
  return chunks.map(({ from, to }) => ({ from: parseDateOnly(from)!, until: daysBefore(parseDateOnly(to)!, -1) }));
}

/**
 * A quarter's list read a chunk at a time: first its rows per day (`SELECT <day> AS "day",
 * COUNT(*) AS "rows" FROM <from> WHERE <where> GROUP BY <day>`, an index read), then `readRange`
 * for each range of days (dayChunks), in day order.
 */
export async function eachDayChunk(
  db: Db,
  count: { day: Prisma.Sql; from: Prisma.Sql; where: Prisma.Sql },
  readRange: (range: DayRange) => Promise<void>,
): Promise<void> {
  const days = await db.$queryRaw<DayCount[]>`
    SELECT ${count.day} AS "day", COUNT(*) AS "rows"
    FROM ${count.from}
    WHERE ${count.where}
    GROUP BY ${count.day}
    ORDER BY ${count.day}`;
  for (const range of dayChunks(days)) await readRange(range);
}
